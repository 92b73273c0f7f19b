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
import io.pgentities.EntityRejectedException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PlanRefusedException;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of triggers and policies on partitioned tables, whose row triggers PostgreSQL
 * clones onto every partition (see gh-13).
 */
@PostgresTest
class PartitionedTableConvergenceTests {

	private static final String PASS = "RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$";

	/**
	 * A partitioned table with two partitions and a row trigger on it; {@code %1$s} stands
	 * for the schema.
	 */
	private static final String START = """
			CREATE TABLE %1$s.p (id integer, v integer) PARTITION BY LIST (id);
			CREATE TABLE %1$s.p1 PARTITION OF %1$s.p FOR VALUES IN (1);
			CREATE TABLE %1$s.p2 PARTITION OF %1$s.p FOR VALUES IN (2);
			INSERT INTO %1$s.p VALUES (1, 10), (2, 20);
			CREATE FUNCTION %1$s.f() %2$s;
			CREATE TRIGGER t BEFORE UPDATE ON %1$s.p FOR EACH ROW EXECUTE FUNCTION %1$s.f();
			""";

	private final TestDatabase database;

	PartitionedTableConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void undeclaredFunctionOfAPartitionedTablesTriggerIsDroppedWhenTheTriggerMovesToANewOne(
			@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_new_function", migrations)
			.dropUndeclared(true);
		scenario.execute(START.formatted("partition_new_function", PASS));
		List<PgEntity> declared = List.of(PgFunction.of("partition_new_function", "g()", PASS),
				PgTrigger.of("partition_new_function", "t", "p",
						"BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION g()"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("partition_new_function.f()", DriftStatus.UNDECLARED),
				entry("partition_new_function.g()", DriftStatus.MISSING),
				entry("partition_new_function.p.t", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).containsExactly("partition_new_function.f()");
		assertThat(convergence.position("DROP TRIGGER t ON partition_new_function.p"))
			.isLessThan(convergence.position("DROP FUNCTION partition_new_function.f()"));
		assertThat(convergence.statementsContaining("partition_new_function.p1")).isEmpty();
		assertThat(triggers(scenario)).containsExactly("p t g", "p1 t g", "p2 t g");
	}

	@Test
	void declaringNothingDropsAPartitionedTablesTriggerAndItsFunctionButNotItsClones(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_nothing", migrations)
			.dropUndeclared(true);
		scenario.execute(START.formatted("partition_nothing", PASS));
		assertThat(scenario.statuses(List.of())).containsOnly(entry("partition_nothing.f()", DriftStatus.UNDECLARED),
				entry("partition_nothing.p.t", DriftStatus.UNDECLARED));
		Convergence convergence = scenario.converge(List.of());
		assertThat(convergence.plan().drops()).containsExactlyInAnyOrder("partition_nothing.f()",
				"partition_nothing.p.t");
		assertThat(convergence.dropStatements()).containsExactly("DROP TRIGGER t ON partition_nothing.p",
				"DROP FUNCTION partition_nothing.f()");
		assertThat(triggers(scenario)).isEmpty();
	}

	@Test
	void cloneOnAPartitionInAnUnmanagedSchemaDoesNotKeepTheTriggerFunction(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_elsewhere", migrations)
			.dropUndeclared(true);
		scenario.execute(START.formatted("partition_elsewhere", PASS) + """
				CREATE SCHEMA partition_elsewhere_archive;
				CREATE TABLE partition_elsewhere_archive.p9 PARTITION OF partition_elsewhere.p FOR VALUES IN (9);
				""");
		List<PgEntity> declared = List.of(PgFunction.of("partition_elsewhere", "g()", PASS),
				PgTrigger.of("partition_elsewhere", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION g()"));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).containsExactly("partition_elsewhere.f()");
		assertThat(convergence.statementsContaining("partition_elsewhere_archive")).isEmpty();
		assertThat(scenario.string("SELECT f.proname FROM pg_trigger t JOIN pg_proc f ON f.oid = t.tgfoid"
				+ " WHERE t.tgrelid = 'partition_elsewhere_archive.p9'::regclass")).isEqualTo("g");
	}

	@Test
	void functionInThePartitionedTablesTriggerConditionIsRecreatedWithTheTrigger(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_when", migrations);
		scenario.execute("""
				CREATE TABLE partition_when.p (id integer, v integer) PARTITION BY LIST (id);
				CREATE TABLE partition_when.p1 PARTITION OF partition_when.p FOR VALUES IN (1);
				INSERT INTO partition_when.p VALUES (1, 10);
				CREATE FUNCTION partition_when.is_big(amount integer) RETURNS boolean
				    LANGUAGE sql IMMUTABLE AS $$ SELECT amount > 10 $$;
				CREATE FUNCTION partition_when.f() %s;
				CREATE TRIGGER t BEFORE UPDATE ON partition_when.p FOR EACH ROW
				    WHEN (partition_when.is_big(NEW.v)) EXECUTE FUNCTION partition_when.f();
				""".formatted(PASS));
		List<PgEntity> declared = List.of(PgFunction.of("partition_when", "is_big(value integer)", """
				RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT value > 10 $$"""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("partition_when.is_big(integer)", DriftStatus.CHANGED),
				entry("partition_when.f()", DriftStatus.UNDECLARED),
				entry("partition_when.p.t", DriftStatus.UNDECLARED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).containsExactly("DROP TRIGGER t ON partition_when.p",
				"DROP FUNCTION partition_when.is_big(integer)");
		assertThat(convergence.statementsContaining("CREATE TRIGGER t")).hasSize(1);
		assertThat(triggers(scenario)).containsExactly("p t f", "p1 t f");
		assertThat(scenario.string("SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t"
				+ " WHERE t.tgrelid = 'partition_when.p1'::regclass")).contains("partition_when.is_big(new.v)");
	}

	@Test
	void triggerDeclaredOnAPartitionConvergesBesideTheClonesOfItsParentsTrigger(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_own", migrations);
		scenario.execute(START.formatted("partition_own", PASS));
		List<PgEntity> declared = List.of(PgFunction.of("partition_own", "f()", PASS),
				PgTrigger.of("partition_own", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_own", "audit", "p1", "AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("partition_own.f()", DriftStatus.IN_SYNC),
				entry("partition_own.p.t", DriftStatus.IN_SYNC),
				entry("partition_own.p1.audit", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).hasSize(1);
		assertThat(triggers(scenario)).containsExactly("p t f", "p1 audit f", "p1 t f", "p2 t f");
		assertThat(scenario.statuses(List.of())).as("the clones are never reported as undeclared")
			.containsOnly(entry("partition_own.f()", DriftStatus.UNDECLARED),
					entry("partition_own.p.t", DriftStatus.UNDECLARED),
					entry("partition_own.p1.audit", DriftStatus.UNDECLARED));
	}

	@Test
	void triggerDeclaredOnAPartitionTakesOverFromItsParentsTriggerWhenThatOneIsDropped(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_take_over", migrations)
			.dropUndeclared(true);
		scenario.execute(START.formatted("partition_take_over", PASS));
		List<PgEntity> declared = List.of(PgFunction.of("partition_take_over", "f()", PASS),
				PgTrigger.of("partition_take_over", "t", "p1", "BEFORE UPDATE ON p1 FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("partition_take_over.f()", DriftStatus.IN_SYNC),
				entry("partition_take_over.p.t", DriftStatus.UNDECLARED),
				entry("partition_take_over.p1.t", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).hasSize(2)
			.startsWith("DROP TRIGGER t ON partition_take_over.p");
		assertThat(triggers(scenario)).containsExactly("p1 t f");
	}

	@Test
	void triggerDeclaredOnAPartitionUnderTheNameOfItsParentsKeptRowTriggerIsRefused(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_clash", migrations);
		scenario.execute(START.formatted("partition_clash", PASS));
		List<PgEntity> onPartition = List.of(PgFunction.of("partition_clash", "f()", PASS),
				PgTrigger.of("partition_clash", "t", "p1", "BEFORE UPDATE ON p1 FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThatExceptionOfType(PlanRefusedException.class).isThrownBy(() -> scenario.engine().plan(onPartition))
			.withMessageStartingWith("No plan can be made: TRIGGER t ON partition_clash.p1 cannot be created: "
					+ "PostgreSQL clones row TRIGGER t ON partition_clash.p onto every partition of partition_clash.p "
					+ "under its name")
			.withMessageContaining("Declare the trigger once: on partition_clash.p, or on the partitions");
		List<PgEntity> onBoth = List.of(PgFunction.of("partition_clash", "f()", PASS),
				PgTrigger.of("partition_clash", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_clash", "t", "p2", "AFTER INSERT ON p2 FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThatExceptionOfType(EntityRejectedException.class).as("PostgreSQL's own refusal, in the simulation")
			.isThrownBy(() -> scenario.check(onBoth))
			.withMessageContaining("trigger \"t\" for relation \"p2\" already exists");
		assertThat(triggers(scenario)).containsExactly("p t f", "p1 t f", "p2 t f");
	}

	@Test
	void rowTriggerDeclaredOnAPartitionedTableUnderTheNameOfAPartitionsOwnTriggerIsRefusedUnlessThatOneIsDropped(
			@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_own_first", migrations);
		scenario.execute("""
				CREATE TABLE partition_own_first.p (id integer, v integer) PARTITION BY LIST (id);
				CREATE TABLE partition_own_first.p1 PARTITION OF partition_own_first.p FOR VALUES IN (1);
				INSERT INTO partition_own_first.p VALUES (1, 10);
				CREATE FUNCTION partition_own_first.f() %s;
				CREATE TRIGGER t AFTER INSERT ON partition_own_first.p1 FOR EACH ROW
				    EXECUTE FUNCTION partition_own_first.f();
				""".formatted(PASS));
		List<PgEntity> declared = List.of(PgFunction.of("partition_own_first", "f()", PASS),
				PgTrigger.of("partition_own_first", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThatExceptionOfType(PlanRefusedException.class)
			.isThrownBy(() -> scenario.engine().plan(declared))
			.withMessageContaining("partition partition_own_first.p1 cannot have a trigger t of its own");
		Convergence convergence = scenario.dropUndeclared(true).converge(declared);
		assertThat(convergence.position("DROP TRIGGER t ON partition_own_first.p1"))
			.isLessThan(convergence.position("CREATE TRIGGER t"));
		assertThat(triggers(scenario)).containsExactly("p t f", "p1 t f");
		assertThat(scenario.string("SELECT tgparentid <> 0 FROM pg_trigger"
				+ " WHERE tgrelid = 'partition_own_first.p1'::regclass")).as("a clone now").isEqualTo("t");
	}

	@Test
	void statementTriggerOfAPartitionedTableLeavesThePartitionsFreeToUseItsName(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_statement", migrations);
		scenario.execute(START.formatted("partition_statement", PASS));
		List<PgEntity> declared = List.of(PgFunction.of("partition_statement", "f()", PASS),
				PgTrigger.of("partition_statement", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_statement", "s", "p", "AFTER INSERT ON p FOR EACH STATEMENT EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_statement", "s", "p1", "AFTER INSERT ON p1 FOR EACH ROW EXECUTE FUNCTION f()"));
		scenario.converge(declared);
		assertThat(triggers(scenario)).containsExactly("p s f", "p t f", "p1 s f", "p1 t f", "p2 t f");
	}

	@Test
	void rowTriggerWithTransitionTablesIsRejectedOnAPartitionAndOnAPartitionedTableAsPostgresqlRejectsIt(
			@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_transition", migrations);
		scenario.execute(START.formatted("partition_transition", PASS));
		PgTrigger onPartition = PgTrigger.of("partition_transition", "changes", "p1",
				"AFTER UPDATE ON p1 REFERENCING NEW TABLE AS changed FOR EACH ROW EXECUTE FUNCTION f()");
		assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> scenario.check(List.of(onPartition)))
			.withMessageContaining("ROW triggers with transition tables are not supported on partitions");
		PgTrigger onPartitioned = PgTrigger.of("partition_transition", "changes", "p",
				"AFTER UPDATE ON p REFERENCING NEW TABLE AS changed FOR EACH ROW EXECUTE FUNCTION f()");
		assertThatExceptionOfType(EntityRejectedException.class)
			.isThrownBy(() -> scenario.check(List.of(onPartitioned)))
			.withMessageContaining("\"p\" is a partitioned table");
		List<PgEntity> statementLevel = List.of(PgFunction.of("partition_transition", "f()", PASS),
				PgTrigger.of("partition_transition", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_transition", "changes", "p",
						"AFTER UPDATE ON p REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION f()"));
		scenario.converge(statementLevel);
		assertThat(triggers(scenario)).containsExactly("p changes f", "p t f", "p1 t f", "p2 t f");
	}

	@Test
	void triggerOnASubPartitionIsSimulatedUnderItsWholeHierarchy(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_levels", migrations);
		scenario.execute("""
				CREATE TABLE partition_levels.p (id integer, v integer) PARTITION BY RANGE (id);
				CREATE TABLE partition_levels.p1 PARTITION OF partition_levels.p FOR VALUES FROM (0) TO (100)
				    PARTITION BY LIST (v);
				CREATE TABLE partition_levels.p1a (v integer NOT NULL, id integer);
				ALTER TABLE partition_levels.p1 ATTACH PARTITION partition_levels.p1a FOR VALUES IN (10);
				CREATE TABLE partition_levels.p1d PARTITION OF partition_levels.p1 DEFAULT;
				INSERT INTO partition_levels.p VALUES (1, 10), (2, 20);
				CREATE FUNCTION partition_levels.f() %s;
				CREATE TRIGGER t BEFORE UPDATE ON partition_levels.p FOR EACH ROW EXECUTE FUNCTION partition_levels.f();
				""".formatted(PASS));
		List<PgEntity> clash = List.of(PgFunction.of("partition_levels", "f()", PASS),
				PgTrigger.of("partition_levels", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_levels", "t", "p1a", "AFTER INSERT ON p1a FOR EACH ROW EXECUTE FUNCTION f()"));
		assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> scenario.check(clash))
			.withMessageContaining("already exists");
		List<PgEntity> declared = List.of(PgFunction.of("partition_levels", "f()", PASS),
				PgTrigger.of("partition_levels", "t", "p", "BEFORE UPDATE ON p FOR EACH ROW EXECUTE FUNCTION f()"),
				PgTrigger.of("partition_levels", "audit", "p1a",
						"AFTER INSERT ON p1a FOR EACH ROW EXECUTE FUNCTION f()"),
				PgPolicy.of("partition_levels", "visible", "p1a", "ON p1a USING (v > 0)"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("partition_levels.f()", DriftStatus.IN_SYNC),
				entry("partition_levels.p.t", DriftStatus.IN_SYNC),
				entry("partition_levels.p1a.audit", DriftStatus.MISSING),
				entry("partition_levels.p1a.visible", DriftStatus.MISSING));
		scenario.converge(declared);
		assertThat(triggers(scenario)).containsExactly("p t f", "p1 t f", "p1a audit f", "p1a t f", "p1d t f");
	}

	@Test
	void policiesOfAPartitionedTableAndOfItsPartitionConvergeSeparately(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "partition_policy", migrations);
		scenario.execute("""
				CREATE TABLE partition_policy.p (id integer, v integer) PARTITION BY LIST (id);
				CREATE TABLE partition_policy.p1 PARTITION OF partition_policy.p FOR VALUES IN (1);
				INSERT INTO partition_policy.p VALUES (1, 10);
				ALTER TABLE partition_policy.p ENABLE ROW LEVEL SECURITY;
				ALTER TABLE partition_policy.p1 ENABLE ROW LEVEL SECURITY;
				CREATE POLICY visible ON partition_policy.p USING (v > 0);
				""");
		List<PgEntity> declared = List.of(PgPolicy.of("partition_policy", "visible", "p", "ON p USING (v > 5)"),
				PgPolicy.of("partition_policy", "own", "p1", "ON p1 FOR SELECT USING (id = 1)"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("partition_policy.p.visible", DriftStatus.CHANGED),
				entry("partition_policy.p1.own", DriftStatus.MISSING));
		scenario.converge(declared);
		assertThat(scenario.strings("SELECT c.relname || ' ' || p.polname FROM pg_policy p"
				+ " JOIN pg_class c ON c.oid = p.polrelid"
				+ " WHERE c.relnamespace = 'partition_policy'::regnamespace ORDER BY 1"))
			.as("policies are not inherited by partitions")
			.containsExactly("p visible", "p1 own");
	}

	/**
	 * Every trigger on the scenario's tables as table, trigger and function name, clones
	 * included (before PostgreSQL 15, clones are marked internal).
	 */
	private static List<String> triggers(ConvergenceScenario scenario) {
		return scenario.strings("SELECT c.relname || ' ' || t.tgname || ' ' || f.proname FROM pg_trigger t"
				+ " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc f ON f.oid = t.tgfoid"
				+ " WHERE c.relnamespace = ?::regnamespace AND (NOT t.tgisinternal OR t.tgparentid <> 0) ORDER BY 1",
				scenario.schema());
	}

}
