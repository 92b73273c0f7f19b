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
import java.util.UUID;

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.PgAggregate;
import io.pgentities.PgEntities;
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
 * Convergence of aggregates: created after their support functions and before what uses
 * them, replaced in place where {@code CREATE OR REPLACE AGGREGATE} allows it, otherwise
 * dropped and created again with the views that use them, and recreated when a support
 * function has to be.
 */
@PostgresTest
class AggregateConvergenceTests {

	private static final String ADD_AMOUNT = """
			CREATE FUNCTION %1$s.add_amount(state numeric, amount numeric) RETURNS numeric
			    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT state + amount $$;
			""";

	private final TestDatabase database;

	AggregateConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void missingAggregateIsCreatedAfterItsSupportFunctionsAndBeforeTheViewUsingIt(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_missing", migrations);
		// declared in reverse order, with qualified support functions that exist nowhere yet
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW order_stats AS SELECT agg_missing.doubled_sum(amount) AS total FROM agg_missing.orders;
				CREATE AGGREGATE doubled_sum(numeric) (
				    SFUNC = agg_missing.add_amount,
				    STYPE = numeric,
				    FINALFUNC = agg_missing.double_it,
				    INITCOND = '0'
				);
				CREATE FUNCTION double_it(state numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT state * 2 $$;
				""" + ADD_AMOUNT.formatted("agg_missing"), "entities.sql", "agg_missing");
		assertThat(scenario.statuses(declared)).containsOnly(entry("agg_missing.order_stats", DriftStatus.MISSING),
				entry("agg_missing.doubled_sum(numeric)", DriftStatus.MISSING),
				entry("agg_missing.double_it(numeric)", DriftStatus.MISSING),
				entry("agg_missing.add_amount(numeric, numeric)", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		int aggregate = convergence.position("AGGREGATE agg_missing.doubled_sum(numeric)");
		assertThat(convergence.position("FUNCTION agg_missing.add_amount(")).isLessThan(aggregate);
		assertThat(convergence.position("FUNCTION agg_missing.double_it(")).isLessThan(aggregate);
		assertThat(convergence.position("CREATE VIEW agg_missing.order_stats")).isGreaterThan(aggregate);
		assertThat(scenario.string("SELECT total::text FROM agg_missing.order_stats")).isEqualTo("85.00");
	}

	@Test
	void aggregatesWrittenDifferentlyAreInSyncAndAnUndeclaredOneIsDropped(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_sync", migrations);
		scenario.execute(ADD_AMOUNT.formatted("agg_sync") + """
				CREATE AGGREGATE agg_sync.total_amount(numeric) (sfunc = agg_sync.add_amount, stype = numeric,
				    initcond = '0', parallel = safe);
				CREATE AGGREGATE agg_sync.row_count(*) (sfunc = int8inc, stype = int8, initcond = '0');
				CREATE AGGREGATE agg_sync.legacy_sum(int4) (sfunc = int4pl, stype = int4);
				""");
		List<PgEntity> declared = PgEntities.fromSql(ADD_AMOUNT.formatted("agg_sync") + """
				Create Or Replace Aggregate Total_Amount ( NUMERIC ) (
				    STYPE = pg_catalog.numeric, Sfunc = add_amount, PARALLEL = SAFE, INITCOND = 0);
				CREATE AGGREGATE row_count(*) (SFUNC = pg_catalog.int8inc, STYPE = bigint, INITCOND = '0', PARALLEL = UNSAFE);
				""", "entities.sql", "agg_sync");
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("agg_sync.add_amount(numeric, numeric)", DriftStatus.IN_SYNC),
				entry("agg_sync.total_amount(numeric)", DriftStatus.IN_SYNC),
				entry("agg_sync.row_count()", DriftStatus.IN_SYNC),
				entry("agg_sync.legacy_sum(integer)", DriftStatus.UNDECLARED));
		Convergence convergence = scenario.dropUndeclared(true).converge(declared);
		assertThat(convergence.dropStatements()).containsExactly("DROP AGGREGATE agg_sync.legacy_sum(integer)");
	}

	@Test
	void aggregateOverStarIsNamedWithItsStar(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_star", migrations);
		scenario.execute("CREATE AGGREGATE agg_star.row_count(*) (sfunc = int8inc, stype = int8, initcond = '0');");
		String owner = scenario.string("SELECT current_user");
		List<PgEntity> declared = List.of(PgAggregate.of("agg_star", "row_count(*)",
				"(SFUNC = int8inc, STYPE = int8, INITCOND = '1')").withOwner(owner));
		assertThat(scenario.statuses(declared)).containsOnly(entry("agg_star.row_count()", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared.stream().map((entity) -> entity.withComment("Rows")).toList());
		assertThat(convergence.plan().statements()).containsExactly(
				"CREATE OR REPLACE AGGREGATE agg_star.row_count(*) (\n    SFUNC = int8inc,\n    STYPE = bigint,\n"
						+ "    INITCOND = '1'\n)",
				"COMMENT ON AGGREGATE agg_star.row_count(*) IS 'Rows'");
		assertThat(scenario.string("SELECT agg_star.row_count(*)::text FROM agg_star.orders")).as("INITCOND 1 and three rows")
			.isEqualTo("4");
	}

	@Test
	void changedInitcondAndFinalfuncAreReplacedInPlaceKeepingTheView(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_replace", migrations);
		String functions = ADD_AMOUNT.formatted("agg_replace") + """
				CREATE FUNCTION agg_replace.double_it(state numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT state * 2 $$;
				CREATE FUNCTION agg_replace.halve_it(state numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT round(state / 2, 2) $$;
				""";
		String view = "CREATE VIEW agg_replace.order_stats AS SELECT agg_replace.scaled_sum(amount) AS total "
				+ "FROM agg_replace.orders;";
		scenario.execute(functions + """
				CREATE AGGREGATE agg_replace.scaled_sum(numeric) (SFUNC = agg_replace.add_amount, STYPE = numeric,
				    FINALFUNC = agg_replace.double_it, INITCOND = '0');
				""" + view);
		List<PgEntity> declared = PgEntities.fromSql(functions + """
				CREATE AGGREGATE agg_replace.scaled_sum(numeric) (SFUNC = agg_replace.add_amount, STYPE = numeric,
				    FINALFUNC = agg_replace.halve_it, INITCOND = '100');
				""" + view, "entities.sql", "agg_replace");
		EntityDrift drift = scenario.check(declared).entities().stream()
			.filter((entity) -> entity.identity().equals("agg_replace.scaled_sum(numeric)"))
			.findFirst()
			.orElseThrow();
		assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
		assertThat(drift.diff()).contains("-    FINALFUNC = agg_replace.double_it,", "+    FINALFUNC = agg_replace.halve_it,",
				"-    INITCOND = '0'", "+    INITCOND = '100'");
		assertThat(scenario.statuses(declared)).containsEntry("agg_replace.order_stats", DriftStatus.IN_SYNC);
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.startsWith("CREATE OR REPLACE AGGREGATE agg_replace.scaled_sum(numeric) (");
		assertThat(scenario.string("SELECT total::text FROM agg_replace.order_stats")).isEqualTo("71.25");
	}

	@Test
	void resultTypeChangeRecreatesTheAggregateAndTheViewUsingItGivingPrivilegesBack(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_recreate", migrations);
		String functions = """
				CREATE FUNCTION agg_recreate.count_one(state bigint, amount numeric) RETURNS bigint
				    LANGUAGE sql IMMUTABLE AS $$ SELECT state + 1 $$;
				CREATE FUNCTION agg_recreate.as_label(state bigint) RETURNS text
				    LANGUAGE sql IMMUTABLE AS $$ SELECT state || ' orders' $$;
				""";
		String view = "CREATE VIEW agg_recreate.order_stats AS SELECT agg_recreate.amount_count(amount) AS n "
				+ "FROM agg_recreate.orders;";
		scenario.execute(functions + """
				CREATE AGGREGATE agg_recreate.amount_count(numeric) (SFUNC = agg_recreate.count_one, STYPE = int8,
				    INITCOND = '0');
				REVOKE EXECUTE ON FUNCTION agg_recreate.amount_count(numeric) FROM PUBLIC;
				""" + view);
		List<PgEntity> declared = PgEntities.fromSql(functions + """
				CREATE AGGREGATE agg_recreate.amount_count(numeric) (SFUNC = agg_recreate.count_one, STYPE = int8,
				    FINALFUNC = agg_recreate.as_label, INITCOND = '0');
				""" + view, "entities.sql", "agg_recreate");
		assertThat(scenario.statuses(declared)).containsEntry("agg_recreate.amount_count(numeric)", DriftStatus.CHANGED);
		Convergence convergence = scenario.converge(declared);
		int dropAggregate = convergence.position("DROP AGGREGATE agg_recreate.amount_count(numeric)");
		int createAggregate = convergence.position("AGGREGATE agg_recreate.amount_count(numeric) (");
		assertThat(convergence.position("DROP VIEW agg_recreate.order_stats")).isLessThan(dropAggregate);
		assertThat(createAggregate).isGreaterThan(dropAggregate);
		assertThat(convergence.position("CREATE VIEW agg_recreate.order_stats")).isGreaterThan(createAggregate);
		assertThat(convergence.plan().statements())
			.contains("REVOKE EXECUTE ON FUNCTION agg_recreate.amount_count(numeric) FROM PUBLIC");
		assertThat(scenario.string("SELECT n FROM agg_recreate.order_stats")).isEqualTo("3 orders");
		assertThat(scenario.string("SELECT has_function_privilege('public', "
				+ "'agg_recreate.amount_count(numeric)', 'EXECUTE')::text")).isEqualTo("false");
	}

	@Test
	void recreatedSupportFunctionRecreatesTheAggregateAndTheViewUsingIt(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_support", migrations);
		String aggregateAndView = """
				CREATE AGGREGATE agg_support.total_amount(numeric) (SFUNC = agg_support.add_amount, STYPE = numeric);
				CREATE VIEW agg_support.order_stats AS SELECT agg_support.total_amount(amount) AS total
				    FROM agg_support.orders;
				""";
		scenario.execute(ADD_AMOUNT.formatted("agg_support") + aggregateAndView);
		// CREATE OR REPLACE FUNCTION cannot rename an argument: the function is dropped and created
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION agg_support.add_amount(total numeric, amount numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT total + amount + 1 $$;
				""" + aggregateAndView, "entities.sql", "agg_support");
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("agg_support.add_amount(numeric, numeric)", DriftStatus.CHANGED),
				entry("agg_support.total_amount(numeric)", DriftStatus.IN_SYNC),
				entry("agg_support.order_stats", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		int dropView = convergence.position("DROP VIEW agg_support.order_stats");
		int dropAggregate = convergence.position("DROP AGGREGATE agg_support.total_amount(numeric)");
		int dropFunction = convergence.position("DROP FUNCTION agg_support.add_amount(numeric, numeric)");
		int createFunction = convergence.position("FUNCTION agg_support.add_amount(total numeric");
		int createAggregate = convergence.position("AGGREGATE agg_support.total_amount(numeric) (");
		int createView = convergence.position("CREATE VIEW agg_support.order_stats");
		assertThat(List.of(dropView, dropAggregate, dropFunction, createFunction, createAggregate, createView))
			.isSorted();
		assertThat(scenario.string("SELECT total::text FROM agg_support.order_stats")).isEqualTo("44.50");
	}

	@Test
	void supportFunctionBodyChangeLeavesTheAggregateAlone(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_body", migrations);
		String aggregate = "CREATE AGGREGATE agg_body.total_amount(numeric) (SFUNC = agg_body.add_amount, "
				+ "STYPE = numeric);";
		scenario.execute(ADD_AMOUNT.formatted("agg_body") + aggregate);
		List<PgEntity> declared = List.of(
				PgFunction.of("agg_body", "add_amount(state numeric, amount numeric)",
						"RETURNS numeric LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT state + 2 * amount $$"),
				PgEntities.fromSql(aggregate).get(0));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.startsWith("CREATE OR REPLACE FUNCTION agg_body.add_amount(state numeric, amount numeric)");
		assertThat(scenario.string("SELECT agg_body.total_amount(amount)::text FROM agg_body.orders"))
			.as("a strict SFUNC without INITCOND starts from the first amount")
			.isEqualTo("75.00");
	}

	@Test
	void orderedSetAggregateWithDeclaredCommentOwnerAndPrivileges(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("agg_ordered", migrations);
		String reader = "pge_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		scenario.execute("CREATE ROLE " + reader + " NOLOGIN");
		try {
			List<PgEntity> declared = PgEntities.fromSql("""
					CREATE AGGREGATE first_at(fraction float8 ORDER BY value float8) (
					    SFUNC = ordered_set_transition, STYPE = internal,
					    FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
					COMMENT ON AGGREGATE first_at(float8 ORDER BY float8) IS 'A discrete percentile';
					ALTER AGGREGATE first_at(float8 ORDER BY float8) OWNER TO %1$s;
					REVOKE EXECUTE ON FUNCTION first_at(float8, float8) FROM PUBLIC;
					GRANT EXECUTE ON FUNCTION first_at(float8, float8) TO %1$s;
					""".formatted(reader), "entities.sql", "agg_ordered");
			assertThat(scenario.statuses(declared)).containsOnly(
					entry("agg_ordered.first_at(double precision, double precision)", DriftStatus.MISSING));
			Convergence convergence = scenario.converge(declared);
			assertThat(convergence.plan().statements()).contains(
					"COMMENT ON AGGREGATE agg_ordered.first_at(double precision, double precision) IS 'A discrete percentile'",
					"ALTER AGGREGATE agg_ordered.first_at(double precision, double precision) OWNER TO " + reader,
					"REVOKE EXECUTE ON FUNCTION agg_ordered.first_at(double precision, double precision) FROM PUBLIC");
			assertThat(scenario.string("SELECT agg_ordered.first_at(0.5) WITHIN GROUP (ORDER BY amount::float8)::text"
					+ " FROM agg_ordered.orders")).isEqualTo("10");
			assertThat(scenario.string("SELECT pg_get_userbyid(proowner) || ' ' || coalesce(proacl::text, '') "
					+ "FROM pg_proc WHERE oid = 'agg_ordered.first_at(float8, float8)'::regprocedure"))
				.isEqualTo(reader + " {" + reader + "=X/" + reader + "}");
			// the grant to PUBLIC comes back by hand: drift that the next plan revokes again
			scenario.execute("GRANT EXECUTE ON FUNCTION agg_ordered.first_at(float8, float8) TO PUBLIC");
			EntityDrift drift = scenario.check(declared).entities().get(0);
			assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
			assertThat(scenario.engine().plan(declared).statements()).containsExactly(
					"REVOKE EXECUTE ON FUNCTION agg_ordered.first_at(double precision, double precision) FROM PUBLIC");
		}
		finally {
			scenario.executeQuietly("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
		}
	}

	private ConvergenceScenario scenario(String schema, Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, schema, migrations);
		scenario.execute("""
				CREATE TABLE %1$s.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
				INSERT INTO %1$s.orders VALUES (1, 10), (2, 32.5), (3, 0);
				""".formatted(schema));
		return scenario;
	}

}
