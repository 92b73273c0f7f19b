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

import io.pgentities.Analysis;
import io.pgentities.PgEntitiesException;
import io.pgentities.PlanRefusedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesPlanRefusedFailureAnalyzer}.
 */
class PgEntitiesPlanRefusedFailureAnalyzerTests {

	private final PgEntitiesPlanRefusedFailureAnalyzer analyzer = new PgEntitiesPlanRefusedFailureAnalyzer();

	@Test
	void descriptionNamesTheRefusalAndTheDriftedEntities() {
		Analysis analysis = DriftReports.refused();
		FailureAnalysis failure = this.analyzer
			.analyze(new PlanRefusedException(analysis.plan().refusal(), analysis.report()));
		assertThat(failure.getDescription())
			.startsWith("No plan can bring the database to the declared entities: FUNCTION "
					+ "public.total(integer, numeric) needs drop and create (return type changed), but default value "
					+ "for column amount of table public.orders depends on it")
			.contains("pg-entities: 3 of 4 entities differ from the database:")
			.contains("MISSING FUNCTION public.total(integer, numeric)");
		assertThat(failure.getAction()).startsWith("Write a Flyway migration by hand")
			.endsWith("set pg-entities.apply-on-migrate=false.");
	}

	@Test
	void findsTheExceptionAsACause() {
		PlanRefusedException refused = new PlanRefusedException(DriftReports.refused().plan().refusal(), null);
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("flywayInitializer", "failed",
				new RuntimeException("callback failed", refused)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(refused);
		assertThat(analysis.getDescription()).doesNotContain("differ from the database");
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
			.load(FailureAnalyzer.class, null, ignore))
			.hasAtLeastOneElementOfType(PgEntitiesPlanRefusedFailureAnalyzer.class);
	}

}
