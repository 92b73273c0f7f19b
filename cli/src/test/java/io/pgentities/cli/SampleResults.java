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
package io.pgentities.cli;

import java.time.Duration;
import java.util.List;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.LintFinding;
import io.pgentities.LintRule;
import io.pgentities.MigrationPlan;

/**
 * A check's result with an entity of each status, for the tests of the reports and the baseline.
 */
final class SampleResults {

	static final EntityDrift IN_SYNC = new EntityDrift(EntityKind.FUNCTION, "public", "total",
			"public.total(integer)", DriftStatus.IN_SYNC, "db/entities/functions.sql:1", "");

	static final EntityDrift CHANGED = new EntityDrift(EntityKind.VIEW, "public", "cheap_products",
			"public.cheap_products", DriftStatus.CHANGED, "db/entities/views.sql:4",
			"--- database\n+++ declared\n@@ -1,2 +1,2 @@\n SELECT \"a&b\"\n-  WHERE price < 10\n+  WHERE price < 20\n");

	static final EntityDrift MISSING = new EntityDrift(EntityKind.TRIGGER, "public", "touch", "public.products.touch",
			DriftStatus.MISSING, "db/entities/triggers.sql:12",
			"--- database\n+++ declared\n@@ -0,0 +1 @@\n+CREATE TRIGGER touch BEFORE UPDATE ON public.products\n");

	static final EntityDrift UNDECLARED = new EntityDrift(EntityKind.POLICY, "public", "old", "public.products.old",
			DriftStatus.UNDECLARED, "database",
			"--- database\n+++ declared\n@@ -1 +0,0 @@\n-CREATE POLICY old ON public.products\n");

	static final DriftReport REPORT = new DriftReport(List.of(IN_SYNC, CHANGED, MISSING, UNDECLARED),
			Duration.ofMillis(42));

	static final MigrationPlan PLAN = new MigrationPlan(List.of("CREATE TRIGGER touch BEFORE UPDATE ON public.products"),
			List.of("MISSING TRIGGER public.products.touch"), List.of());

	static final LintFinding FINDING = new LintFinding(LintRule.SECURITY_DEFINER_SEARCH_PATH, EntityKind.FUNCTION,
			"public.total(integer)", "db/entities/functions.sql:1", LintRule.SECURITY_DEFINER_SEARCH_PATH.why(),
			"add SET search_path = pg_catalog, public");

	private SampleResults() {
	}

	/**
	 * The result without a baseline.
	 */
	static GateResult result() {
		return new GateResult(REPORT, PLAN, Baseline.empty());
	}

	/**
	 * The result without a baseline, with a lint finding on the function.
	 */
	static GateResult resultWithLint(LintMode lintMode) {
		return new GateResult(REPORT, PLAN, Baseline.empty(), List.of(FINDING), lintMode);
	}

	/**
	 * The result against a baseline that accepts the changed view.
	 */
	static GateResult resultAcceptingTheChangedView() {
		return new GateResult(REPORT, PLAN, Baseline.of(new DriftReport(List.of(CHANGED), Duration.ZERO)));
	}

}
