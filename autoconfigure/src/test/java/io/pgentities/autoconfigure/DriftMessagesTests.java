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

import java.time.Duration;
import java.util.List;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.MigrationPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DriftMessages}.
 */
class DriftMessagesTests {

	@Test
	void lineNamesStatusKindIdentityAndSource() {
		assertThat(DriftMessages.line(DriftReports.drifted().report().entities().get(0)))
			.isEqualTo("MISSING FUNCTION public.total(integer, numeric) (declared in file db/entities/total.sql:1)");
	}

	@Test
	void lineSaysWhereAnUndeclaredEntityIs() {
		assertThat(DriftMessages.line(DriftReports.drifted().report().entities().get(3)))
			.isEqualTo("UNDECLARED TRIGGER public.items.old (in the database, declared nowhere)");
	}

	@Test
	void warningListsEachDriftedEntityAndThePlan() {
		Analysis analysis = DriftReports.drifted();
		String warning = DriftMessages.warning(analysis.report(), analysis.plan(), "Do this.");
		assertThat(warning.lines()).containsExactly("pg-entities: 3 of 4 entities differ from the database (42 ms):",
				"    MISSING FUNCTION public.total(integer, numeric) (declared in file db/entities/total.sql:1)",
				"    CHANGED VIEW public.item_names (declared in bean 'itemNames')",
				"    UNDECLARED TRIGGER public.items.old (in the database, declared nowhere)",
				"The plan that resolves it:", "", "    CREATE FUNCTION public.total(qty integer, price numeric)",
				"     RETURNS numeric;", "", "    CREATE OR REPLACE VIEW public.item_names AS SELECT id, name FROM items;",
				"Do this.");
	}

	@Test
	void descriptionListsEachDriftedEntityWithItsDiff() {
		Analysis analysis = DriftReports.drifted();
		String description = DriftMessages.description(analysis.report(), analysis.plan());
		assertThat(description).contains("""
				    CHANGED VIEW public.item_names (declared in bean 'itemNames'):
				        --- database
				        +++ declared
				        @@ -1,2 +1,2 @@
				        - SELECT items.id
				        + SELECT items.id, items.name
				            FROM items;
				""".replace("\n", System.lineSeparator()))
			.contains("MISSING FUNCTION public.total(integer, numeric) (declared in file db/entities/total.sql:1):")
			.contains("UNDECLARED TRIGGER public.items.old (in the database, declared nowhere):")
			.doesNotContain("public.in_sync")
			.contains("CREATE OR REPLACE VIEW public.item_names AS SELECT id, name FROM items;");
	}

	@Test
	void saysWhenThePlanIsEmpty() {
		DriftReport report = DriftReports.drifted().report();
		MigrationPlan empty = new MigrationPlan(List.of(), List.of(), List.of());
		assertThat(DriftMessages.warning(report, empty, "")).contains("The plan is empty: nothing would be applied.");
	}

	@Test
	void differCountsOneEntityInTheSingular() {
		DriftReport report = new DriftReport(DriftReports.drifted().report().entities().subList(0, 1),
				Duration.ZERO);
		assertThat(DriftMessages.differ(report)).isEqualTo("pg-entities: 1 of 1 entity differs from the database");
	}

}
