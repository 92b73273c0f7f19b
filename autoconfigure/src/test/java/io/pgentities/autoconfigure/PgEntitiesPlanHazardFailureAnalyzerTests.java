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
import java.util.Set;

import io.pgentities.EntityKind;
import io.pgentities.Hazard;
import io.pgentities.LockMode;
import io.pgentities.PgEntitiesException;
import io.pgentities.PlanHazardException;
import io.pgentities.PlannedStatement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesPlanHazardFailureAnalyzer}.
 */
class PgEntitiesPlanHazardFailureAnalyzerTests {

	private static final PlannedStatement DROP_DEPENDENT = new PlannedStatement("DROP VIEW public.item_totals",
			EntityKind.VIEW, "public.item_totals",
			new PlannedStatement.Lock("public.item_totals", LockMode.ACCESS_EXCLUSIVE), Set.of(Hazard.DROPS_DEPENDENT));

	private static final PlannedStatement DROP_UNDECLARED = new PlannedStatement("DROP POLICY legacy ON public.notes",
			EntityKind.POLICY, "public.notes.legacy",
			new PlannedStatement.Lock("public.notes", LockMode.ACCESS_EXCLUSIVE),
			Set.of(Hazard.DROPS_UNDECLARED, Hazard.CHANGES_ACCESS));

	private final PgEntitiesPlanHazardFailureAnalyzer analyzer = new PgEntitiesPlanHazardFailureAnalyzer();

	@Test
	void descriptionListsTheStatementsAndTheirHazards() {
		FailureAnalysis failure = this.analyzer.analyze(
				new PlanHazardException(List.of(DROP_DEPENDENT, DROP_UNDECLARED), Set.of(Hazard.CHANGES_ACCESS)));
		assertThat(failure.getDescription()).isEqualTo("pg-entities did not apply the plan for the declared entities: "
				+ "2 statements have hazards that pg-entities.allowed-hazards does not allow "
				+ "(drops-dependent, drops-undeclared):" + System.lineSeparator()
				+ "    VIEW public.item_totals: DROPS_DEPENDENT in DROP VIEW public.item_totals" + System.lineSeparator()
				+ "    POLICY public.notes.legacy: CHANGES_ACCESS, DROPS_UNDECLARED in DROP POLICY legacy ON public.notes");
		assertThat(failure.getAction()).contains("generated migration")
			.contains("pg-entities.allowed-hazards=drops-dependent,changes-access,drops-undeclared")
			.contains("pg-entities.drop-undeclared=true");
	}

	@Test
	void findsTheExceptionAsACause() {
		PlanHazardException refused = new PlanHazardException(List.of(DROP_DEPENDENT), Set.of());
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("flywayInitializer", "failed",
				new RuntimeException("callback failed", refused)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(refused);
		assertThat(analysis.getAction()).contains("pg-entities.allowed-hazards=drops-dependent.")
			.doesNotContain("drop-undeclared");
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
			.hasAtLeastOneElementOfType(PgEntitiesPlanHazardFailureAnalyzer.class);
	}

}
