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
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.MigrationPlan;
import io.pgentities.PlanRefusal;

/**
 * A report with one entity of each status, as a check of a database would give it, for
 * tests of the text about drift.
 */
final class DriftReports {

	static final String VIEW_DIFF = """
			--- database
			+++ declared
			@@ -1,2 +1,2 @@
			- SELECT items.id
			+ SELECT items.id, items.name
			    FROM items;
			""";

	private DriftReports() {
	}

	static Analysis drifted() {
		DriftReport report = new DriftReport(List.of(
				new EntityDrift(EntityKind.FUNCTION, "public", "total", "public.total(integer, numeric)",
						DriftStatus.MISSING, "file db/entities/total.sql:1", "+ CREATE FUNCTION public.total"),
				new EntityDrift(EntityKind.VIEW, "public", "item_names", "public.item_names", DriftStatus.CHANGED,
						"bean 'itemNames'", VIEW_DIFF),
				new EntityDrift(EntityKind.VIEW, "public", "in_sync", "public.in_sync", DriftStatus.IN_SYNC,
						"bean 'inSync'", ""),
				new EntityDrift(EntityKind.TRIGGER, "public", "old", "public.items.old", DriftStatus.UNDECLARED,
						"database", "- CREATE TRIGGER old")),
				Duration.ofMillis(42));
		MigrationPlan plan = new MigrationPlan(
				List.of("CREATE FUNCTION public.total(qty integer, price numeric)\n RETURNS numeric",
						"CREATE OR REPLACE VIEW public.item_names AS SELECT id, name FROM items"),
				List.of("MISSING FUNCTION public.total(integer, numeric)", "CHANGED VIEW public.item_names"), List.of());
		return new Analysis(report, plan);
	}

	static Analysis refused() {
		PlanRefusal refusal = PlanRefusal.blockedDrop(EntityKind.FUNCTION, "public.total(integer, numeric)",
				"drop and create (return type changed)", true, List.of("default value for column amount of table public.orders"));
		return new Analysis(drifted().report(), MigrationPlan.refused(refusal));
	}

}
