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
package io.pgentities.internal.plan;

import java.nio.file.Path;
import java.util.List;

import io.pgentities.DriftStatus;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of entities whose schema and names need quoting.
 */
@PostgresTest
class QuotedIdentifierConvergenceTests {

	private final TestDatabase database;

	QuotedIdentifierConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void mixedCaseSchemaFunctionAndViewAreDroppedAndRecreatedWithTheirQuotes(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "Sales", migrations);
		scenario.execute("""
				CREATE TABLE "Sales"."Orders" ("OrderId" integer PRIMARY KEY, "Customer" text NOT NULL,
				    "Amount" integer NOT NULL);
				INSERT INTO "Sales"."Orders" VALUES (1, 'Ada', 10), (2, 'Ada', 5), (3, 'Alan', 7);
				CREATE FUNCTION "Sales"."Compute"(p_amount integer) RETURNS integer
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_amount * 2 $$;
				CREATE VIEW "Sales"."OrderTotals" AS
				    SELECT "Customer", sum("Sales"."Compute"("Amount")) AS "Total"
				    FROM "Sales"."Orders" GROUP BY "Customer";
				""");
		List<PgEntity> declared = List.of(PgFunction.of("Sales", "\"Compute\"(\"Amount\" integer)", """
				RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT "Amount" * 3 $$"""),
				PgView.of("Sales", "OrderTotals", """
						SELECT "Customer", sum("Sales"."Compute"("Amount")) AS "Total", count(*) AS "Count"
						FROM "Sales"."Orders" GROUP BY "Customer\""""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("\"Sales\".\"Compute\"(integer)", DriftStatus.CHANGED),
				entry("\"Sales\".\"OrderTotals\"", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		int dropFunction = convergence.position("DROP FUNCTION \"Sales\".\"Compute\"(integer)");
		assertThat(convergence.position("DROP VIEW \"Sales\".\"OrderTotals\"")).isLessThan(dropFunction);
		int createFunction = convergence.position("FUNCTION \"Sales\".\"Compute\"(\"Amount\" integer)");
		assertThat(createFunction).isGreaterThan(dropFunction);
		assertThat(convergence.position("CREATE VIEW \"Sales\".\"OrderTotals\"")).isGreaterThan(createFunction);
		assertThat(scenario.strings("SELECT \"Customer\" || ':' || \"Total\" || ':' || \"Count\""
				+ " FROM \"Sales\".\"OrderTotals\" ORDER BY 1")).containsExactly("Ada:45:2", "Alan:21:1");
	}

	@Test
	void mixedCaseViewAppendingAColumnIsReplacedInPlace(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "Sales Reports", migrations);
		scenario.execute("""
				CREATE TABLE "Sales Reports"."Orders" ("OrderId" integer PRIMARY KEY, "Amount" integer NOT NULL);
				INSERT INTO "Sales Reports"."Orders" VALUES (1, 10);
				CREATE VIEW "Sales Reports"."Order View" AS SELECT "OrderId" FROM "Sales Reports"."Orders";
				""");
		List<PgEntity> declared = List.of(PgView.of("Sales Reports", "Order View",
				"SELECT \"OrderId\", \"Amount\" FROM \"Sales Reports\".\"Orders\""));
		assertThat(scenario.statuses(declared))
			.containsOnly(entry("\"Sales Reports\".\"Order View\"", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.startsWith("CREATE OR REPLACE VIEW \"Sales Reports\".\"Order View\"");
		assertThat(scenario.string("SELECT \"Amount\"::text FROM \"Sales Reports\".\"Order View\"")).isEqualTo("10");
	}

}
