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
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
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
 * Convergence when what depends on a recreated view is not a plain declared view: an
 * undeclared materialized view, a view in another schema, a trigger on the view, and what is
 * attached to the view's columns. Also two plans in a row in one migration directory.
 */
@PostgresTest
class DependentConvergenceTests {

	private final TestDatabase database;

	DependentConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void undeclaredMaterializedViewIsRecreatedWithItsIndexGrantAndDataState(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_matview", migrations);
		String reader = uniqueRoleName();
		scenario.execute("CREATE ROLE " + reader + " NOLOGIN");
		try {
			scenario.execute("""
					CREATE TABLE dependent_matview.orders (id integer PRIMARY KEY, amount integer NOT NULL, note text);
					INSERT INTO dependent_matview.orders VALUES (1, 10, 'a'), (2, 20, NULL);
					CREATE VIEW dependent_matview.order_facts AS SELECT id, amount, note FROM dependent_matview.orders;
					CREATE MATERIALIZED VIEW dependent_matview.order_sums AS
					    SELECT count(*) AS n, sum(amount) AS total FROM dependent_matview.order_facts;
					CREATE UNIQUE INDEX order_sums_n ON dependent_matview.order_sums (n);
					GRANT SELECT ON dependent_matview.order_sums TO %s;
					""".formatted(reader));
			List<PgEntity> declared = List.of(PgView.of("dependent_matview", "order_facts",
					"SELECT id, amount FROM dependent_matview.orders"));
			assertThat(scenario.statuses(declared)).containsOnly(
					entry("dependent_matview.order_facts", DriftStatus.CHANGED),
					entry("dependent_matview.order_sums", DriftStatus.UNDECLARED));
			scenario.converge(declared);
			assertThat(scenario.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'dependent_matview'"
					+ " AND tablename = 'order_sums'")).containsExactly("order_sums_n");
			assertThat(scenario.string(
					"SELECT has_table_privilege(?, 'dependent_matview.order_sums', 'SELECT')::text", reader))
				.isEqualTo("true");
			assertThat(scenario.string("SELECT n || ':' || total FROM dependent_matview.order_sums"))
				.isEqualTo("2:30");
			assertThat(scenario.statuses(declared))
				.containsEntry("dependent_matview.order_sums", DriftStatus.UNDECLARED);
		}
		finally {
			scenario.executeQuietly("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
		}
	}

	@Test
	void viewInAnUnmanagedSchemaThatDependsOnARecreatedViewSurvives(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_managed", migrations);
		scenario.execute("""
				CREATE SCHEMA dependent_reports;
				CREATE TABLE dependent_managed.orders (id integer PRIMARY KEY, amount integer NOT NULL, note text);
				INSERT INTO dependent_managed.orders VALUES (1, 10, 'a'), (2, 20, NULL);
				CREATE VIEW dependent_managed.order_facts AS SELECT id, amount, note FROM dependent_managed.orders;
				CREATE VIEW dependent_reports.order_total AS SELECT sum(amount) AS total FROM dependent_managed.order_facts;
				""");
		List<PgEntity> declared = List.of(
				PgView.of("dependent_managed", "order_facts", "SELECT id, amount FROM dependent_managed.orders"));
		assertThat(scenario.statuses(declared))
			.containsOnly(entry("dependent_managed.order_facts", DriftStatus.CHANGED));
		scenario.converge(declared);
		assertThat(scenario.string("SELECT total::text FROM dependent_reports.order_total")).isEqualTo("30");
	}

	@Test
	void insteadOfTriggerOnARecreatedViewIsRecreated(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_trigger", migrations);
		String insert = """
				RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    INSERT INTO dependent_trigger.orders (id, amount) VALUES (NEW.id, NEW.amount);
				    RETURN NEW;
				END;
				$$""";
		scenario.execute("""
				CREATE TABLE dependent_trigger.orders (id integer PRIMARY KEY, amount integer NOT NULL, note text);
				INSERT INTO dependent_trigger.orders VALUES (1, 10, 'a');
				CREATE VIEW dependent_trigger.order_facts AS SELECT id, amount, note FROM dependent_trigger.orders;
				CREATE FUNCTION dependent_trigger.insert_order() %s;
				CREATE TRIGGER order_facts_insert INSTEAD OF INSERT ON dependent_trigger.order_facts
				    FOR EACH ROW EXECUTE FUNCTION dependent_trigger.insert_order();
				""".formatted(insert));
		List<PgEntity> declared = List.of(
				PgView.of("dependent_trigger", "order_facts", "SELECT id, amount FROM dependent_trigger.orders"),
				PgFunction.of("dependent_trigger", "insert_order()", insert),
				PgTrigger.of("dependent_trigger", "order_facts_insert", "order_facts", """
						INSTEAD OF INSERT ON dependent_trigger.order_facts
						FOR EACH ROW EXECUTE FUNCTION dependent_trigger.insert_order()"""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("dependent_trigger.order_facts", DriftStatus.CHANGED),
				entry("dependent_trigger.insert_order()", DriftStatus.IN_SYNC),
				entry("dependent_trigger.order_facts.order_facts_insert", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("CREATE TRIGGER order_facts_insert"))
			.isGreaterThan(convergence.position("CREATE VIEW dependent_trigger.order_facts"));
	}

	@Test
	void columnCommentOfARecreatedViewSurvives(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_column_comment", migrations);
		scenario.execute("""
				CREATE TABLE dependent_column_comment.orders (id integer PRIMARY KEY, amount integer NOT NULL,
				    note text);
				INSERT INTO dependent_column_comment.orders VALUES (1, 10, 'a');
				CREATE VIEW dependent_column_comment.order_facts AS
				    SELECT id, amount, note FROM dependent_column_comment.orders;
				CREATE VIEW dependent_column_comment.order_amounts AS
				    SELECT id, amount FROM dependent_column_comment.order_facts;
				COMMENT ON COLUMN dependent_column_comment.order_amounts.amount IS 'In cents';
				""");
		List<PgEntity> declared = List.of(
				PgView.of("dependent_column_comment", "order_facts",
						"SELECT id, amount FROM dependent_column_comment.orders"),
				PgView.of("dependent_column_comment", "order_amounts",
						"SELECT id, amount FROM dependent_column_comment.order_facts"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("dependent_column_comment.order_facts", DriftStatus.CHANGED),
				entry("dependent_column_comment.order_amounts", DriftStatus.IN_SYNC));
		scenario.converge(declared);
		assertThat(scenario.string("SELECT col_description('dependent_column_comment.order_amounts'::regclass, 2)"))
			.isEqualTo("In cents");
	}

	@Test
	void columnGrantOfARecreatedViewSurvives(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_column_grant", migrations);
		String reader = uniqueRoleName();
		scenario.execute("CREATE ROLE " + reader + " NOLOGIN");
		try {
			scenario.execute("""
					CREATE TABLE dependent_column_grant.orders (id integer PRIMARY KEY, amount integer NOT NULL,
					    note text);
					INSERT INTO dependent_column_grant.orders VALUES (1, 10, 'a');
					CREATE VIEW dependent_column_grant.order_facts AS
					    SELECT id, amount, note FROM dependent_column_grant.orders;
					CREATE VIEW dependent_column_grant.order_amounts AS
					    SELECT id, amount FROM dependent_column_grant.order_facts;
					GRANT SELECT (id) ON dependent_column_grant.order_amounts TO %s;
					""".formatted(reader));
			List<PgEntity> declared = List.of(
					PgView.of("dependent_column_grant", "order_facts",
							"SELECT id, amount FROM dependent_column_grant.orders"),
					PgView.of("dependent_column_grant", "order_amounts",
							"SELECT id, amount FROM dependent_column_grant.order_facts"));
			assertThat(scenario.statuses(declared)).containsOnly(
					entry("dependent_column_grant.order_facts", DriftStatus.CHANGED),
					entry("dependent_column_grant.order_amounts", DriftStatus.IN_SYNC));
			scenario.converge(declared);
			assertThat(scenario.string("SELECT has_column_privilege(?, 'dependent_column_grant.order_amounts',"
					+ " 'id', 'SELECT')::text", reader)).isEqualTo("true");
			assertThat(scenario.string("SELECT has_column_privilege(?, 'dependent_column_grant.order_amounts',"
					+ " 'amount', 'SELECT')::text", reader)).isEqualTo("false");
		}
		finally {
			scenario.executeQuietly("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
		}
	}

	@Test
	void functionUsedByAColumnDefaultIsReplacedOrRefusedButNeverLeftHalfApplied(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_default", migrations);
		scenario.execute("""
				CREATE FUNCTION dependent_default.new_code() RETURNS text
				    LANGUAGE sql VOLATILE AS $$ SELECT 'C-' || floor(random() * 1000)::text $$;
				CREATE TABLE dependent_default.orders (id integer PRIMARY KEY,
				    code text NOT NULL DEFAULT dependent_default.new_code());
				INSERT INTO dependent_default.orders VALUES (1, 'C-1');
				""");
		List<PgEntity> declared = List.of(PgFunction.of("dependent_default", "new_code()", """
				RETURNS varchar LANGUAGE sql VOLATILE
				AS $$ SELECT ('C-' || floor(random() * 1000)::text)::varchar $$"""));
		assertThat(scenario.statuses(declared))
			.containsOnly(entry("dependent_default.new_code()", DriftStatus.CHANGED));
		MigrationPlan plan;
		try {
			plan = scenario.engine().plan(declared);
		}
		catch (PgEntitiesException ex) {
			// refusing to plan what cannot be applied is fine, if the message names the table
			assertThat(ex.getMessage()).contains("dependent_default.orders");
			return;
		}
		assertThat(plan.statements()).as("a plan was made, so it must apply and converge").isNotEmpty();
		scenario.converge(declared);
	}

	@Test
	void refusalToDropAnUndeclaredFunctionSaysItWouldOnlyBeDropped(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_refused_drop", migrations)
			.dropUndeclared(true);
		scenario.execute("""
				CREATE FUNCTION dependent_refused_drop.new_code() RETURNS text
				    LANGUAGE sql VOLATILE AS $$ SELECT 'C-1' $$;
				CREATE TABLE dependent_refused_drop.orders (id integer PRIMARY KEY,
				    code text NOT NULL DEFAULT dependent_refused_drop.new_code());
				INSERT INTO dependent_refused_drop.orders VALUES (1, 'C-1');
				""");
		assertThatExceptionOfType(PlanRefusedException.class).isThrownBy(() -> scenario.engine().plan(List.of()))
			.withMessageStartingWith("No plan can be made: FUNCTION dependent_refused_drop.new_code() needs drop "
					+ "(declared by nothing), but default value for column code of table dependent_refused_drop.orders "
					+ "depends on it")
			.withMessageEndingWith("then drops FUNCTION dependent_refused_drop.new_code(); then check again.");
	}

	@Test
	void refusalNamesTheIndexAndConstraintOfAPartitionedTableAndNotTheirCopiesOnThePartitions(
			@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_partitioned", migrations);
		scenario.execute("""
				CREATE FUNCTION dependent_partitioned.norm(code text) RETURNS text
				    LANGUAGE sql IMMUTABLE AS $$ SELECT lower(code) $$;
				CREATE TABLE dependent_partitioned.p (id integer, code text,
				    CONSTRAINT code_set CHECK (dependent_partitioned.norm(code) <> '')) PARTITION BY LIST (id);
				CREATE TABLE dependent_partitioned.p1 PARTITION OF dependent_partitioned.p FOR VALUES IN (1);
				CREATE TABLE dependent_partitioned.p2 PARTITION OF dependent_partitioned.p FOR VALUES IN (2);
				CREATE INDEX p_norm ON dependent_partitioned.p (dependent_partitioned.norm(code));
				INSERT INTO dependent_partitioned.p VALUES (1, 'A');
				""");
		List<PgEntity> declared = List.of(PgFunction.of("dependent_partitioned", "norm(value text)",
				"RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(value) $$"));
		assertThatExceptionOfType(PlanRefusedException.class).isThrownBy(() -> scenario.engine().plan(declared))
			.withMessageContaining("needs drop and create (")
			.withMessageContaining("then changes FUNCTION dependent_partitioned.norm(text) as declared")
			.withMessageContaining("index dependent_partitioned.p_norm")
			.withMessageContaining("constraint code_set on table dependent_partitioned.p depend on it")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("p1", "p2"));
	}

	@Test
	void triggerMovedToANewFunctionLetsTheUndeclaredOldFunctionBeDropped(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_new_function", migrations)
			.dropUndeclared(true);
		String touch = """
				RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.last_edited = now();
				    RETURN NEW;
				END;
				$$""";
		scenario.execute("""
				CREATE TABLE dependent_new_function.items (id integer PRIMARY KEY, last_edited timestamptz);
				INSERT INTO dependent_new_function.items VALUES (1, NULL);
				CREATE FUNCTION dependent_new_function.old_touch() %s;
				CREATE TRIGGER items_touch BEFORE UPDATE ON dependent_new_function.items FOR EACH ROW
				    EXECUTE FUNCTION dependent_new_function.old_touch();
				""".formatted(touch));
		List<PgEntity> declared = List.of(PgFunction.of("dependent_new_function", "touch()", touch),
				PgTrigger.of("dependent_new_function", "items_touch", "items", """
						BEFORE UPDATE ON dependent_new_function.items FOR EACH ROW
						EXECUTE FUNCTION dependent_new_function.touch()"""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("dependent_new_function.touch()", DriftStatus.MISSING),
				entry("dependent_new_function.old_touch()", DriftStatus.UNDECLARED),
				entry("dependent_new_function.items.items_touch", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).containsExactly("dependent_new_function.old_touch()");
		assertThat(convergence.position("DROP TRIGGER items_touch"))
			.isLessThan(convergence.position("DROP FUNCTION dependent_new_function.old_touch()"));
	}

	@Test
	void declaredViewOnAnUndeclaredViewIsNotLeftWithoutIt(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_on_undeclared", migrations)
			.dropUndeclared(true);
		scenario.execute("""
				CREATE TABLE dependent_on_undeclared.orders (id integer PRIMARY KEY, amount integer NOT NULL);
				INSERT INTO dependent_on_undeclared.orders VALUES (1, 10);
				CREATE VIEW dependent_on_undeclared.legacy AS SELECT id, amount FROM dependent_on_undeclared.orders;
				CREATE VIEW dependent_on_undeclared.report AS SELECT id FROM dependent_on_undeclared.legacy;
				""");
		List<PgEntity> declared = List.of(
				PgView.of("dependent_on_undeclared", "report", "SELECT id FROM dependent_on_undeclared.legacy"));
		MigrationPlan plan;
		try {
			plan = scenario.engine().plan(declared);
		}
		catch (PgEntitiesException ex) {
			// refusing to drop what a declaration needs is fine, if the message names it
			assertThat(ex.getMessage()).contains("dependent_on_undeclared.legacy");
			return;
		}
		assertThat(plan.statements()).as("a plan that drops the view a declared view reads")
			.noneMatch((statement) -> statement.startsWith("DROP VIEW dependent_on_undeclared.legacy"));
	}

	@Test
	void ownerOfARecreatedMaterializedViewIsRestored(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_owner", migrations);
		String owner = uniqueRoleName();
		scenario.execute("CREATE ROLE " + owner + " NOLOGIN");
		try {
			scenario.execute("""
					CREATE TABLE dependent_owner.orders (id integer PRIMARY KEY, amount integer NOT NULL, note text);
					INSERT INTO dependent_owner.orders VALUES (1, 10, NULL);
					CREATE VIEW dependent_owner.order_facts AS SELECT id, amount, note FROM dependent_owner.orders;
					CREATE MATERIALIZED VIEW dependent_owner.order_sums AS
					    SELECT sum(amount) AS total FROM dependent_owner.order_facts;
					ALTER MATERIALIZED VIEW dependent_owner.order_sums OWNER TO %s;
					""".formatted(owner));
			List<PgEntity> declared = List.of(
					PgView.of("dependent_owner", "order_facts", "SELECT id, amount FROM dependent_owner.orders"),
					PgMaterializedView.of("dependent_owner", "order_sums",
							"SELECT sum(amount) AS total FROM dependent_owner.order_facts"));
			assertThat(scenario.statuses(declared)).containsOnly(
					entry("dependent_owner.order_facts", DriftStatus.CHANGED),
					entry("dependent_owner.order_sums", DriftStatus.IN_SYNC));
			Convergence convergence = scenario.converge(declared);
			assertThat(convergence.statementsContaining("ALTER MATERIALIZED VIEW dependent_owner.order_sums OWNER TO"))
				.hasSize(1);
			assertThat(scenario.string("SELECT matviewowner FROM pg_matviews WHERE schemaname = 'dependent_owner'"))
				.isEqualTo(owner);
		}
		finally {
			scenario.executeQuietly("DROP OWNED BY " + owner + "; DROP ROLE " + owner);
		}
	}

	@Test
	void declaredViewInAnotherSchemaIsRecreatedWithTheViewItReads(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_cross", migrations);
		scenario.execute("""
				CREATE SCHEMA dependent_cross_reports;
				CREATE TABLE dependent_cross.orders (id integer PRIMARY KEY, amount integer NOT NULL, note text);
				INSERT INTO dependent_cross.orders VALUES (1, 10, NULL), (2, 5, 'x');
				CREATE VIEW dependent_cross.order_facts AS SELECT id, amount, note FROM dependent_cross.orders;
				CREATE VIEW dependent_cross_reports.total AS SELECT sum(amount) AS total FROM dependent_cross.order_facts;
				""");
		List<PgEntity> declared = List.of(
				PgView.of("dependent_cross", "order_facts", "SELECT id, amount FROM dependent_cross.orders"),
				PgView.of("dependent_cross_reports", "total",
						"SELECT sum(amount) AS total FROM dependent_cross.order_facts"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("dependent_cross.order_facts", DriftStatus.CHANGED),
				entry("dependent_cross_reports.total", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP VIEW dependent_cross_reports.total"))
			.isLessThan(convergence.position("DROP VIEW dependent_cross.order_facts"));
		assertThat(scenario.string("SELECT total::text FROM dependent_cross_reports.total")).isEqualTo("15");
	}

	@Test
	void secondPlanInTheSameDirectoryBecomesTheNextFlywayVersion(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "dependent_two_steps", migrations);
		scenario.execute("""
				CREATE TABLE dependent_two_steps.orders (id integer PRIMARY KEY, amount integer NOT NULL);
				INSERT INTO dependent_two_steps.orders VALUES (1, 10);
				""");
		PgFunction doubled = PgFunction.of("dependent_two_steps", "doubled(p integer)",
				"RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p * 2 $$");
		Convergence first = scenario.converge(List.of(doubled,
				PgView.of("dependent_two_steps", "order_view", "SELECT id FROM dependent_two_steps.orders")));
		assertThat(first.file().getFileName().toString()).startsWith("V1__");
		Convergence second = scenario.converge(List.of(doubled, PgView.of("dependent_two_steps", "order_view",
				"SELECT id, dependent_two_steps.doubled(amount) AS doubled FROM dependent_two_steps.orders")));
		assertThat(second.file().getFileName().toString()).startsWith("V2__");
		assertThat(scenario.strings("SELECT version FROM dependent_two_steps.flyway_schema_history"
				+ " WHERE version IS NOT NULL ORDER BY installed_rank")).containsExactly("0", "1", "2");
	}

	private static String uniqueRoleName() {
		return "pge_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
