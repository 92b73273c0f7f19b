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
import io.pgentities.PgView;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence with undeclared objects in the managed schema, dropped or left alone.
 */
@PostgresTest
class DropUndeclaredConvergenceTests {

	/**
	 * The start state; {@code %1$s} stands for the schema. {@code legacy_total} and
	 * {@code legacy_totals} are declared by nothing; {@code legacy_ids} neither, and it
	 * depends on the declared {@code order_amounts}, which loses a column.
	 */
	private static final String START = """
			CREATE TABLE %1$s.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL, note text);
			INSERT INTO %1$s.orders VALUES (1, 150, 'rush'), (2, 20, NULL);
			CREATE FUNCTION %1$s.legacy_total(p_amount numeric) RETURNS numeric
			    LANGUAGE sql IMMUTABLE AS $$ SELECT p_amount * 2 $$;
			CREATE VIEW %1$s.legacy_totals AS SELECT id, %1$s.legacy_total(amount) AS total FROM %1$s.orders;
			CREATE VIEW %1$s.order_amounts AS SELECT id, amount, note FROM %1$s.orders;
			CREATE VIEW %1$s.legacy_ids AS SELECT id FROM %1$s.order_amounts;
			""";

	private final TestDatabase database;

	DropUndeclaredConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void undeclaredObjectsAreDroppedAndListedWhenDropUndeclaredIsOn(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_17_on", migrations)
			.dropUndeclared(true);
		scenario.execute(START.formatted("scenario_17_on"));
		List<PgEntity> declared = declared("scenario_17_on");
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_17_on.order_amounts", DriftStatus.CHANGED),
				entry("scenario_17_on.big_orders", DriftStatus.MISSING),
				entry("scenario_17_on.legacy_total(numeric)", DriftStatus.UNDECLARED),
				entry("scenario_17_on.legacy_totals", DriftStatus.UNDECLARED),
				entry("scenario_17_on.legacy_ids", DriftStatus.UNDECLARED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).containsExactlyInAnyOrder("scenario_17_on.legacy_total(numeric)",
				"scenario_17_on.legacy_totals", "scenario_17_on.legacy_ids");
		assertThat(convergence.position("DROP VIEW scenario_17_on.legacy_totals"))
			.isLessThan(convergence.position("DROP FUNCTION scenario_17_on.legacy_total(numeric)"));
		assertThat(convergence.position("DROP VIEW scenario_17_on.legacy_ids"))
			.isLessThan(convergence.position("DROP VIEW scenario_17_on.order_amounts"));
		assertThat(convergence.statementsContaining("CREATE VIEW scenario_17_on.legacy")).isEmpty();
		String header = convergence.script().substring(0, convergence.script().indexOf("\n\n") + 1);
		assertThat(header).contains("-- Drops (objects removed and not recreated):\n");
		String drops = header.substring(header.indexOf("-- Drops"));
		assertThat(drops).contains("--   scenario_17_on.legacy_total(numeric)\n", "--   scenario_17_on.legacy_totals\n",
				"--   scenario_17_on.legacy_ids\n");
		assertThat(scenario.strings("SELECT coalesce(to_regprocedure('scenario_17_on.legacy_total(numeric)')::text,"
				+ " '') || coalesce(to_regclass('scenario_17_on.legacy_totals')::text, '')"
				+ " || coalesce(to_regclass('scenario_17_on.legacy_ids')::text, '')")).containsExactly("");
		assertThat(scenario.check(declared).inSync()).isTrue();
	}

	@Test
	void undeclaredObjectsAreKeptAndStillReportedWhenDropUndeclaredIsOff(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_17_off", migrations)
			.dropUndeclared(false);
		scenario.execute(START.formatted("scenario_17_off"));
		List<PgEntity> declared = declared("scenario_17_off");
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_17_off.order_amounts", DriftStatus.CHANGED),
				entry("scenario_17_off.big_orders", DriftStatus.MISSING),
				entry("scenario_17_off.legacy_total(numeric)", DriftStatus.UNDECLARED),
				entry("scenario_17_off.legacy_totals", DriftStatus.UNDECLARED),
				entry("scenario_17_off.legacy_ids", DriftStatus.UNDECLARED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(convergence.script()).doesNotContain("-- Drops");
		assertThat(convergence.statementsContaining("legacy_total")).isEmpty();
		assertThat(convergence.position("CREATE VIEW scenario_17_off.legacy_ids"))
			.as("the undeclared dependent of a recreated view is recreated as it was")
			.isGreaterThan(convergence.position("CREATE VIEW scenario_17_off.order_amounts"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_17_off.order_amounts", DriftStatus.IN_SYNC),
				entry("scenario_17_off.big_orders", DriftStatus.IN_SYNC),
				entry("scenario_17_off.legacy_total(numeric)", DriftStatus.UNDECLARED),
				entry("scenario_17_off.legacy_totals", DriftStatus.UNDECLARED),
				entry("scenario_17_off.legacy_ids", DriftStatus.UNDECLARED));
		assertThat(scenario.strings("SELECT id::text FROM scenario_17_off.legacy_ids ORDER BY id"))
			.containsExactly("1", "2");
		assertThat(scenario.strings("SELECT total::text FROM scenario_17_off.legacy_totals ORDER BY id"))
			.containsExactly("300.00", "40.00");
	}

	private static List<PgEntity> declared(String schema) {
		return List.of(PgView.of(schema, "order_amounts", "SELECT id, amount FROM %s.orders".formatted(schema)),
				PgView.of(schema, "big_orders",
						"SELECT id FROM %s.order_amounts WHERE amount > 100".formatted(schema)));
	}

}
