/*
 * Copyright 2026 the pg-entities authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.pgentities.autoconfigure;

import java.util.List;

import io.pgentities.Analysis;
import io.pgentities.PgEntitiesException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesDriftFailureAnalyzer}.
 */
class PgEntitiesDriftFailureAnalyzerTests {

	private final PgEntitiesDriftFailureAnalyzer analyzer = new PgEntitiesDriftFailureAnalyzer();

	@Test
	void descriptionListsEveryDriftedEntityWithItsDiff() {
		FailureAnalysis analysis = this.analyzer.analyze(new PgEntitiesDriftException(DriftReports.drifted()));
		assertThat(analysis.getDescription())
			.startsWith("The database differs from the declared entities and pg-entities.check-on-startup is 'fail'. "
					+ "3 of 4 entities are not in sync:")
			.contains("MISSING FUNCTION public.total(integer, numeric) (declared in file db/entities/total.sql:1):")
			.contains("CHANGED VIEW public.item_names (declared in bean 'itemNames'):")
			.contains("+ SELECT items.id, items.name")
			.contains("UNDECLARED TRIGGER public.items.old (in the database, declared nowhere):")
			.doesNotContain("public.in_sync");
	}

	@Test
	void actionSaysHowToResolveTheDrift() {
		FailureAnalysis analysis = this.analyzer.analyze(new PgEntitiesDriftException(DriftReports.drifted()));
		assertThat(analysis.getAction()).contains("pg-entities.generate.on-startup=true")
			.contains("pg-entities.apply-on-migrate=true")
			.contains("pg-entities.check-on-startup=warn");
	}

	@Test
	void actionIsTheAdviceTheExceptionCarries() {
		Analysis drifted = DriftReports.drifted();
		String advice = new DriftAdvice(true, false, false, List.of()).action(drifted.report(), drifted.plan(), null);
		FailureAnalysis analysis = this.analyzer.analyze(new PgEntitiesDriftException(drifted, advice));
		assertThat(analysis.getAction()).startsWith(advice)
			.doesNotContain("pg-entities.generate.on-startup=true")
			.contains("pg-entities.ignore")
			.contains("pg-entities.check-on-startup=warn");
	}

	@Test
	void findsTheExceptionAsACause() {
		PgEntitiesDriftException drift = new PgEntitiesDriftException(DriftReports.drifted());
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("startupCheck", "failed", drift));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(drift);
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new PgEntitiesException("other"))).isNull();
	}

	@Test
	void isRegisteredInSpringFactories() {
		// Analyzers of other jars need constructor arguments; this test does not give them
		FailureHandler ignore = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, null, ignore)).hasAtLeastOneElementOfType(PgEntitiesDriftFailureAnalyzer.class);
	}

}
