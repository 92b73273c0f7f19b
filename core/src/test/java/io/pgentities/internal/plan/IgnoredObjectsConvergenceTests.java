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
 * Convergence with ignored objects in the managed schema: never reported or dropped, and
 * recreated as they were when something they depend on is.
 */
@PostgresTest
class IgnoredObjectsConvergenceTests {

	/**
	 * The start state; {@code %1$s} stands for the schema. Nothing declares the legacy objects:
	 * {@code legacy_totals} reads the declared {@code order_total}, whose argument is renamed,
	 * which takes a drop and a create.
	 */
	private static final String START = """
			CREATE TABLE %1$s.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
			INSERT INTO %1$s.orders VALUES (1, 150), (2, 20);
			CREATE FUNCTION %1$s.order_total(p_id integer) RETURNS numeric
			    LANGUAGE sql STABLE AS $$ SELECT amount FROM %1$s.orders WHERE id = p_id $$;
			CREATE VIEW %1$s.legacy_totals AS SELECT id, %1$s.order_total(id) AS total FROM %1$s.orders;
			COMMENT ON VIEW %1$s.legacy_totals IS 'kept by hand';
			GRANT SELECT ON %1$s.legacy_totals TO PUBLIC;
			CREATE FUNCTION %1$s.legacy_touch() RETURNS trigger
			    LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			CREATE TRIGGER legacy_touch BEFORE UPDATE ON %1$s.orders
			    FOR EACH ROW EXECUTE FUNCTION %1$s.legacy_touch();
			""";

	private final TestDatabase database;

	IgnoredObjectsConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void ignoredObjectsAreNeitherReportedNorDroppedEvenWhenDropUndeclaredIsOn(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "ignore_quiet", migrations)
			.dropUndeclared(true)
			.ignore("ignore_quiet.legacy_*", "ignore_quiet.orders.legacy_*");
		scenario.execute(START.formatted("ignore_quiet"));
		List<PgEntity> declared = List.of(orderTotal("ignore_quiet", "p_id"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("ignore_quiet.order_total(integer)", DriftStatus.IN_SYNC));
		assertThat(scenario.check(declared).inSync()).isTrue();
		assertThat(scenario.engine().plan(declared).isEmpty()).isTrue();
	}

	@Test
	void withoutIgnorePatternsTheSameObjectsAreReportedAndDropped(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "ignore_none", migrations)
			.dropUndeclared(true);
		scenario.execute(START.formatted("ignore_none"));
		List<PgEntity> declared = List.of(orderTotal("ignore_none", "p_id"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("ignore_none.order_total(integer)", DriftStatus.IN_SYNC),
				entry("ignore_none.legacy_totals", DriftStatus.UNDECLARED),
				entry("ignore_none.legacy_touch()", DriftStatus.UNDECLARED),
				entry("ignore_none.orders.legacy_touch", DriftStatus.UNDECLARED));
		assertThat(scenario.engine().plan(declared).drops()).containsExactlyInAnyOrder("ignore_none.legacy_totals",
				"ignore_none.legacy_touch()", "ignore_none.orders.legacy_touch");
	}

	@Test
	void ignoredViewOnARecreatedFunctionIsRecreatedAsItWas(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "ignore_dependent", migrations)
			.dropUndeclared(true)
			.ignore("ignore_dependent.legacy_*", "ignore_dependent.orders.legacy_*");
		scenario.execute(START.formatted("ignore_dependent"));
		List<PgEntity> declared = List.of(orderTotal("ignore_dependent", "p_order"));
		assertThat(scenario.statuses(declared))
			.containsOnly(entry("ignore_dependent.order_total(integer)", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(convergence.position("DROP VIEW ignore_dependent.legacy_totals"))
			.isLessThan(convergence.position("DROP FUNCTION ignore_dependent.order_total(integer)"));
		assertThat(convergence.position("CREATE VIEW ignore_dependent.legacy_totals"))
			.isGreaterThan(convergence.position("CREATE OR REPLACE FUNCTION ignore_dependent.order_total"));
		assertThat(convergence.statementsContaining("legacy_touch")).isEmpty();
		assertThat(scenario.strings("SELECT total::text FROM ignore_dependent.legacy_totals ORDER BY id"))
			.containsExactly("150.00", "20.00");
		assertThat(scenario.string("SELECT obj_description('ignore_dependent.legacy_totals'::regclass, 'pg_class')"))
			.isEqualTo("kept by hand");
		assertThat(scenario.string("SELECT has_table_privilege('public', 'ignore_dependent.legacy_totals', 'SELECT')::text"))
			.isEqualTo("true");
		assertThat(scenario.check(declared).entities()).extracting("identity")
			.containsExactly("ignore_dependent.order_total(integer)");
	}

	@Test
	void declarationWhoseIdentityMatchesAPatternIsStillCompared(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "ignore_declared", migrations)
			.ignore("ignore_declared.legacy_*", "ignore_declared.orders.legacy_*");
		scenario.execute(START.formatted("ignore_declared"));
		List<PgEntity> declared = List.of(orderTotal("ignore_declared", "p_id"), PgView.of("ignore_declared",
				"legacy_totals", "SELECT id, ignore_declared.order_total(id) * 2 AS total FROM ignore_declared.orders"),
				PgView.of("ignore_declared", "legacy_big", "SELECT id FROM ignore_declared.orders WHERE amount > 100"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("ignore_declared.order_total(integer)", DriftStatus.IN_SYNC),
				entry("ignore_declared.legacy_totals", DriftStatus.CHANGED),
				entry("ignore_declared.legacy_big", DriftStatus.MISSING));
		scenario.converge(declared);
		assertThat(scenario.strings("SELECT total::text FROM ignore_declared.legacy_totals ORDER BY id"))
			.containsExactly("300.00", "40.00");
	}

	@Test
	void undeclaredDependentInASchemaThatIsReadButNotManagedIsRecreatedToo(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "ignore_managed", migrations);
		scenario.execute(START.formatted("ignore_managed") + """
				CREATE SCHEMA ignore_read;
				CREATE FUNCTION ignore_read.doubled(p_value numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_value * 2 $$;
				CREATE VIEW ignore_read.doubled_totals AS
				    SELECT id, ignore_read.doubled(amount) AS doubled FROM ignore_managed.orders;
				""");
		List<PgEntity> declared = List.of(orderTotal("ignore_managed", "p_id"),
				PgFunction.of("ignore_read", "doubled(p_amount numeric)",
						"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_amount * 2 $$"));
		assertThat(scenario.statuses(declared)).contains(entry("ignore_read.doubled(numeric)", DriftStatus.CHANGED))
			.doesNotContainKey("ignore_read.doubled_totals");
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP VIEW ignore_read.doubled_totals"))
			.isLessThan(convergence.position("DROP FUNCTION ignore_read.doubled(numeric)"));
		assertThat(scenario.strings("SELECT doubled::text FROM ignore_read.doubled_totals ORDER BY id"))
			.containsExactly("300.00", "40.00");
	}

	private static PgFunction orderTotal(String schema, String argument) {
		return PgFunction.of(schema, "order_total(" + argument + " integer)",
				"RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT amount FROM %s.orders WHERE id = %s $$"
					.formatted(schema, argument));
	}

}
