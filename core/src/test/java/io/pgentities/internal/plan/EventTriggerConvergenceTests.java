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
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.EntityRejectedException;
import io.pgentities.PgEntities;
import io.pgentities.PgEntity;
import io.pgentities.PgEventTrigger;
import io.pgentities.PgFunction;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of plans that create, change and drop event triggers. Event triggers belong to
 * the database, not to a schema: each test drops those it made, so that none fires on the
 * next test's DDL.
 */
@PostgresTest
class EventTriggerConvergenceTests {

	private static final String QUIET = """
			RETURNS event_trigger LANGUAGE plpgsql AS $$
			BEGIN
			    PERFORM 1;
			END;
			$$""";

	private final TestDatabase database;

	EventTriggerConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@AfterEach
	void dropEventTriggers() {
		this.database.dropEventTriggers();
	}

	private ConvergenceScenario scenario(String schema, Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, schema, migrations);
		scenario.execute("CREATE TABLE " + schema + ".items (id integer PRIMARY KEY); INSERT INTO " + schema
				+ ".items VALUES (1)");
		return scenario;
	}

	@Test
	void missingEventTriggerIsCreatedAfterItsFunctionWithItsComment(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_1", migrations);
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION evt_1.quiet() %s;
				CREATE EVENT TRIGGER evt_1_watch ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
				    EXECUTE FUNCTION evt_1.quiet();
				COMMENT ON EVENT TRIGGER evt_1_watch IS 'Watches new tables';
				""".formatted(QUIET));
		assertThat(scenario.statuses(declared)).containsOnly(entry("evt_1.quiet()", DriftStatus.MISSING),
				entry("evt_1_watch", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("CREATE EVENT TRIGGER evt_1_watch"))
			.isGreaterThan(convergence.position("CREATE OR REPLACE FUNCTION evt_1.quiet()"));
		assertThat(scenario.string("SELECT evtevent || ' ' || array_to_string(evttags, ',') || ' '"
				+ " || evtfoid::regprocedure::text FROM pg_event_trigger WHERE evtname = 'evt_1_watch'"))
			.isEqualTo("ddl_command_end CREATE TABLE evt_1.quiet()");
		assertThat(scenario.string("SELECT obj_description(oid, 'pg_event_trigger') FROM pg_event_trigger"
				+ " WHERE evtname = 'evt_1_watch'")).isEqualTo("Watches new tables");
	}

	@Test
	void eventTriggerWrittenDifferentlyIsInSync(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_2", migrations);
		scenario.execute("""
				CREATE FUNCTION evt_2.quiet() %s;
				CREATE EVENT TRIGGER evt_2_watch ON ddl_command_end WHEN TAG IN ('create table', 'CREATE VIEW')
				    EXECUTE PROCEDURE evt_2.quiet();
				ALTER EVENT TRIGGER evt_2_watch ENABLE REPLICA;
				""".formatted(QUIET));
		List<PgEntity> declared = List.of(PgFunction.of("evt_2", "quiet()", QUIET),
				PgEventTrigger.of("evt_2", "evt_2_watch", """
						ON ddl_command_end
						WHEN tag IN ('CREATE VIEW', 'Create Table', 'CREATE VIEW') EXECUTE FUNCTION quiet()""")
					.withFiring(PgEventTrigger.Firing.REPLICA));
		List<EntityDrift> drifts = scenario.check(declared).entities();
		assertThat(drifts).extracting(EntityDrift::status).containsOnly(DriftStatus.IN_SYNC);
		assertThat(drifts).extracting(EntityDrift::kind).contains(EntityKind.EVENT_TRIGGER);
		assertThat(scenario.engine().plan(declared).statements()).isEmpty();
	}

	@Test
	void changedTagsRecreateTheEventTrigger(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_3", migrations);
		scenario.execute("""
				CREATE FUNCTION evt_3.quiet() %s;
				CREATE EVENT TRIGGER evt_3_watch ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
				    EXECUTE FUNCTION evt_3.quiet();
				""".formatted(QUIET));
		List<PgEntity> declared = List.of(PgFunction.of("evt_3", "quiet()", QUIET), PgEventTrigger.of("evt_3",
				"evt_3_watch", "ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION quiet()"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("evt_3.quiet()", DriftStatus.IN_SYNC),
				entry("evt_3_watch", DriftStatus.CHANGED));
		assertThat(scenario.check(declared).entities()).filteredOn((drift) -> drift.identity().equals("evt_3_watch"))
			.singleElement()
			.satisfies((drift) -> assertThat(drift.diff()).contains("+CREATE EVENT TRIGGER evt_3_watch ON "
					+ "ddl_command_end WHEN TAG IN ('CREATE TABLE', 'DROP TABLE') EXECUTE FUNCTION evt_3.quiet()"));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).containsExactly("DROP EVENT TRIGGER evt_3_watch");
		assertThat(scenario.string("SELECT array_to_string(evttags, ',') FROM pg_event_trigger"))
			.isEqualTo("CREATE TABLE,DROP TABLE");
	}

	@Test
	void eventTriggerMovedToAnotherFunctionIsRecreatedBeforeTheOldFunctionIsDropped(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_4", migrations).dropUndeclared(true);
		scenario.execute("""
				CREATE FUNCTION evt_4.old_watch() %s;
				CREATE EVENT TRIGGER evt_4_watch ON sql_drop EXECUTE FUNCTION evt_4.old_watch();
				""".formatted(QUIET));
		List<PgEntity> declared = List.of(PgFunction.of("evt_4", "new_watch()", QUIET),
				PgEventTrigger.of("evt_4", "evt_4_watch", "ON sql_drop EXECUTE FUNCTION evt_4.new_watch()"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("evt_4.old_watch()", DriftStatus.UNDECLARED),
				entry("evt_4.new_watch()", DriftStatus.MISSING), entry("evt_4_watch", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP EVENT TRIGGER evt_4_watch"))
			.isLessThan(convergence.position("DROP FUNCTION evt_4.old_watch()"));
		assertThat(convergence.position("CREATE EVENT TRIGGER evt_4_watch"))
			.isGreaterThan(convergence.position("FUNCTION evt_4.new_watch()"));
		assertThat(scenario.string("SELECT evtfoid::regprocedure::text FROM pg_event_trigger"))
			.isEqualTo("evt_4.new_watch()");
	}

	@Test
	void replacedFunctionKeepsItsEventTrigger(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_5", migrations);
		scenario.execute("""
				CREATE FUNCTION evt_5.watch() %s;
				CREATE EVENT TRIGGER evt_5_watch ON ddl_command_start EXECUTE FUNCTION evt_5.watch();
				""".formatted(QUIET));
		String oid = scenario.string("SELECT oid::text FROM pg_event_trigger");
		String louder = QUIET.replace("PERFORM 1;", "RAISE NOTICE 'DDL: %', tg_tag;");
		List<PgEntity> declared = List.of(PgFunction.of("evt_5", "watch()", louder),
				PgEventTrigger.of("evt_5", "evt_5_watch", "ON ddl_command_start EXECUTE FUNCTION watch()"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("evt_5.watch()", DriftStatus.CHANGED),
				entry("evt_5_watch", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(convergence.statementsContaining("EVENT TRIGGER")).isEmpty();
		assertThat(scenario.string("SELECT oid::text FROM pg_event_trigger")).isEqualTo(oid);
	}

	@Test
	void disabledEventTriggerIsEnabledInPlaceAndBack(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_6", migrations);
		scenario.execute("""
				CREATE FUNCTION evt_6.quiet() %s;
				CREATE EVENT TRIGGER evt_6_watch ON ddl_command_end EXECUTE FUNCTION evt_6.quiet();
				ALTER EVENT TRIGGER evt_6_watch DISABLE;
				""".formatted(QUIET));
		String oid = scenario.string("SELECT oid::text FROM pg_event_trigger");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION evt_6.quiet() %s;
				CREATE EVENT TRIGGER evt_6_watch ON ddl_command_end EXECUTE FUNCTION evt_6.quiet();
				ALTER EVENT TRIGGER evt_6_watch ENABLE REPLICA;
				""".formatted(QUIET));
		assertThat(scenario.statuses(declared)).containsOnly(entry("evt_6.quiet()", DriftStatus.IN_SYNC),
				entry("evt_6_watch", DriftStatus.CHANGED));
		assertThat(scenario.engine().analyze(declared).undoPlan().statements())
			.containsExactly("ALTER EVENT TRIGGER evt_6_watch DISABLE");
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactly("ALTER EVENT TRIGGER evt_6_watch ENABLE REPLICA");
		assertThat(scenario.string("SELECT evtenabled::text || ':' || oid FROM pg_event_trigger")).isEqualTo("R:" + oid);
	}

	@Test
	void postgresValidatesTheDeclarationAndTheErrorNamesTheEventTrigger(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_8", migrations);
		scenario.execute("CREATE FUNCTION evt_8.not_for_events() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
		String quiet = "CREATE FUNCTION evt_8.quiet() " + QUIET + ";\n";
		assertRejected(scenario, quiet + "CREATE EVENT TRIGGER evt_8_watch ON ddl_command_finish EXECUTE FUNCTION evt_8.quiet();",
				"unrecognized event name \"ddl_command_finish\"", 6);
		assertRejected(scenario, quiet + "CREATE EVENT TRIGGER evt_8_watch ON ddl_command_end\n"
				+ "WHEN TAG IN ('CREATE BANANA') EXECUTE FUNCTION evt_8.quiet();",
				"filter value \"CREATE BANANA\" not recognized for filter variable \"tag\"", 6);
		assertRejected(scenario, "CREATE EVENT TRIGGER evt_8_watch ON sql_drop EXECUTE FUNCTION evt_8.not_for_events();",
				"function evt_8.not_for_events must return type event_trigger", 1);
		assertThat(scenario.strings("SELECT evtname FROM pg_event_trigger")).isEmpty();
	}

	private static void assertRejected(ConvergenceScenario scenario, String sql, String message, int line) {
		List<PgEntity> declared = PgEntities.fromSql(sql, "events.sql", "evt_8");
		assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> scenario.check(declared))
			.satisfies((ex) -> assertThat(ex.getIdentity()).isEqualTo("evt_8_watch"))
			.satisfies((ex) -> assertThat(ex.getPostgresMessage()).contains(message))
			.satisfies((ex) -> assertThat(ex.getSourceName() + ":" + ex.getLine()).isEqualTo("events.sql:" + line));
	}

	@Test
	void undeclaredEventTriggerIsReportedAndDroppedOnlyWhenItsFunctionIsManaged(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("evt_7", migrations).dropUndeclared(true);
		scenario.execute("""
				CREATE SCHEMA evt_7_other;
				CREATE FUNCTION evt_7.quiet() %1$s;
				CREATE FUNCTION evt_7_other.quiet() %1$s;
				CREATE EVENT TRIGGER evt_7_managed ON ddl_command_end EXECUTE FUNCTION evt_7.quiet();
				CREATE EVENT TRIGGER evt_7_elsewhere ON ddl_command_end EXECUTE FUNCTION evt_7_other.quiet();
				""".formatted(QUIET));
		List<PgEntity> declared = List.of(PgFunction.of("evt_7", "quiet()", QUIET));
		assertThat(scenario.statuses(declared)).containsOnly(entry("evt_7.quiet()", DriftStatus.IN_SYNC),
				entry("evt_7_managed", DriftStatus.UNDECLARED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactly("DROP EVENT TRIGGER evt_7_managed");
		assertThat(scenario.strings("SELECT evtname FROM pg_event_trigger")).containsExactly("evt_7_elsewhere");
	}

}
