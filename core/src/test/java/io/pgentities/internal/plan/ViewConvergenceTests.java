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
import io.pgentities.PgEntity;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgView;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of plans that change views and materialized views, keeping what depends on
 * them and what was granted on them.
 */
@PostgresTest
class ViewConvergenceTests {

	private final TestDatabase database;

	ViewConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void columnAppendedToViewIsReplacedInPlace(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_7", migrations);
		scenario.execute("""
				CREATE TABLE scenario_7.orders (id integer PRIMARY KEY, customer text NOT NULL,
				    amount numeric(10, 2) NOT NULL);
				INSERT INTO scenario_7.orders VALUES (1, 'ada', 120), (2, 'alan', 30);
				CREATE VIEW scenario_7.order_summary AS SELECT id, customer FROM scenario_7.orders;
				CREATE VIEW scenario_7.customers AS SELECT DISTINCT customer FROM scenario_7.order_summary;
				""");
		List<PgEntity> declared = List.of(
				PgView.of("scenario_7", "order_summary", "SELECT id, customer, amount FROM scenario_7.orders"),
				PgView.of("scenario_7", "customers", "SELECT DISTINCT customer FROM scenario_7.order_summary"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("scenario_7.order_summary", DriftStatus.CHANGED),
				entry("scenario_7.customers", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.startsWith("CREATE OR REPLACE VIEW scenario_7.order_summary");
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(scenario.strings("SELECT id || ':' || amount FROM scenario_7.order_summary ORDER BY id"))
			.containsExactly("1:120.00", "2:30.00");
	}

	@Test
	void columnRemovedFromViewRecreatesDependentViewsAndMaterializedViewWithIndexesAndGrant(
			@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_8", migrations);
		String reader = uniqueRoleName();
		scenario.execute("CREATE ROLE " + reader + " NOLOGIN");
		try {
			scenario.execute("""
					CREATE TABLE scenario_8.customers (id integer PRIMARY KEY, name text NOT NULL);
					CREATE TABLE scenario_8.orders (id integer PRIMARY KEY,
					    customer_id integer NOT NULL REFERENCES scenario_8.customers,
					    amount numeric(10, 2) NOT NULL, note text);
					INSERT INTO scenario_8.customers VALUES (1, 'ada'), (2, 'alan');
					INSERT INTO scenario_8.orders VALUES (1, 1, 80, 'first'), (2, 1, 45.5, NULL), (3, 2, 12, 'small');
					CREATE VIEW scenario_8.customer_orders AS
					    SELECT o.id, o.customer_id, c.name, o.amount, o.note
					    FROM scenario_8.orders o JOIN scenario_8.customers c ON c.id = o.customer_id;
					CREATE VIEW scenario_8.order_ids AS SELECT id, customer_id FROM scenario_8.customer_orders;
					CREATE VIEW scenario_8.big_spenders AS
					    SELECT name, sum(amount) AS spent FROM scenario_8.customer_orders GROUP BY name
					    HAVING sum(amount) > 100;
					CREATE MATERIALIZED VIEW scenario_8.customer_totals AS
					    SELECT customer_id, name, sum(amount) AS total, count(*) AS orders
					    FROM scenario_8.customer_orders GROUP BY customer_id, name;
					CREATE UNIQUE INDEX customer_totals_customer ON scenario_8.customer_totals (customer_id);
					CREATE INDEX customer_totals_total ON scenario_8.customer_totals (total DESC);
					GRANT SELECT ON scenario_8.customer_totals TO %s;
					""".formatted(reader));
			List<PgEntity> declared = List.of(PgView.of("scenario_8", "customer_orders", """
					SELECT o.id, o.customer_id, c.name, o.amount
					FROM scenario_8.orders o JOIN scenario_8.customers c ON c.id = o.customer_id"""),
					PgView.of("scenario_8", "order_ids", "SELECT id, customer_id FROM scenario_8.customer_orders"),
					PgView.of("scenario_8", "big_spenders", """
							SELECT name, sum(amount) AS spent FROM scenario_8.customer_orders GROUP BY name
							HAVING sum(amount) > 100"""),
					PgMaterializedView.of("scenario_8", "customer_totals", """
							SELECT customer_id, name, sum(amount) AS total, count(*) AS orders
							FROM scenario_8.customer_orders GROUP BY customer_id, name""")
						.withIndex("CREATE UNIQUE INDEX customer_totals_customer ON customer_totals (customer_id)")
						.withIndex("CREATE INDEX customer_totals_total ON customer_totals (total DESC)"));
			assertThat(scenario.statuses(declared)).containsOnly(
					entry("scenario_8.customer_orders", DriftStatus.CHANGED),
					entry("scenario_8.order_ids", DriftStatus.IN_SYNC),
					entry("scenario_8.big_spenders", DriftStatus.IN_SYNC),
					entry("scenario_8.customer_totals", DriftStatus.IN_SYNC));
			Convergence convergence = scenario.converge(declared);
			int dropBase = convergence.position("DROP VIEW scenario_8.customer_orders");
			assertThat(convergence.position("DROP VIEW scenario_8.order_ids")).isLessThan(dropBase);
			assertThat(convergence.position("DROP VIEW scenario_8.big_spenders")).isLessThan(dropBase);
			assertThat(convergence.position("DROP MATERIALIZED VIEW scenario_8.customer_totals")).isLessThan(dropBase);
			int createBase = convergence.position("CREATE VIEW scenario_8.customer_orders");
			assertThat(createBase).isGreaterThan(dropBase);
			int createTotals = convergence.position("CREATE MATERIALIZED VIEW scenario_8.customer_totals");
			assertThat(createTotals).isGreaterThan(createBase);
			assertThat(convergence.position("CREATE VIEW scenario_8.order_ids")).isGreaterThan(createBase);
			assertThat(convergence.position("CREATE VIEW scenario_8.big_spenders")).isGreaterThan(createBase);
			assertThat(convergence.position("INDEX customer_totals_customer")).isGreaterThan(createTotals);
			assertThat(convergence.position("INDEX customer_totals_total")).isGreaterThan(createTotals);
			assertThat(convergence.position("GRANT SELECT ON TABLE scenario_8.customer_totals TO " + reader))
				.isGreaterThan(createTotals);
			assertThat(convergence.plan().drops()).isEmpty();
			assertThat(scenario.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'scenario_8'"
					+ " AND tablename = 'customer_totals' ORDER BY 1"))
				.containsExactly("customer_totals_customer", "customer_totals_total");
			assertThat(scenario.string("SELECT has_table_privilege(?, 'scenario_8.customer_totals', 'SELECT')::text",
					reader))
				.isEqualTo("true");
			// information_schema leaves materialized views out: read the ACL itself
			assertThat(scenario.strings("SELECT a.privilege_type FROM pg_class c, aclexplode(c.relacl) a"
					+ " WHERE c.oid = 'scenario_8.customer_totals'::regclass AND a.grantee = ?::regrole", reader))
				.containsExactly("SELECT");
			assertThat(scenario.strings("SELECT name || ':' || total || ':' || orders FROM scenario_8.customer_totals"
					+ " ORDER BY customer_id")).containsExactly("ada:125.50:2", "alan:12.00:1");
		}
		finally {
			scenario.executeQuietly("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
		}
	}

	@Test
	void changedMaterializedViewQueryRecreatesItWithIndexCommentAndDependentView(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_9", migrations);
		scenario.execute("""
				CREATE TABLE scenario_9.orders (id integer PRIMARY KEY, created date NOT NULL,
				    amount numeric(10, 2) NOT NULL);
				INSERT INTO scenario_9.orders VALUES (1, '2024-03-01', 10), (2, '2024-03-01', 5), (3, '2023-12-31', 7);
				CREATE MATERIALIZED VIEW scenario_9.daily_totals AS
				    SELECT created AS day, sum(amount) AS total FROM scenario_9.orders GROUP BY created;
				CREATE UNIQUE INDEX daily_totals_day ON scenario_9.daily_totals (day);
				COMMENT ON MATERIALIZED VIEW scenario_9.daily_totals IS 'Totals per day';
				CREATE VIEW scenario_9.recent_totals AS
				    SELECT day, total FROM scenario_9.daily_totals WHERE day >= DATE '2024-01-01';
				""");
		List<PgEntity> declared = List.of(
				PgMaterializedView
					.of("scenario_9", "daily_totals", """
							SELECT created AS day, sum(amount) AS total, count(*) AS orders
							FROM scenario_9.orders GROUP BY created""")
					.withIndex("CREATE UNIQUE INDEX daily_totals_day ON daily_totals (day)"),
				PgView.of("scenario_9", "recent_totals",
						"SELECT day, total FROM scenario_9.daily_totals WHERE day >= DATE '2024-01-01'"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("scenario_9.daily_totals", DriftStatus.CHANGED),
				entry("scenario_9.recent_totals", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		int dropMatview = convergence.position("DROP MATERIALIZED VIEW scenario_9.daily_totals");
		assertThat(convergence.position("DROP VIEW scenario_9.recent_totals")).isLessThan(dropMatview);
		int createMatview = convergence.position("CREATE MATERIALIZED VIEW scenario_9.daily_totals");
		assertThat(createMatview).isGreaterThan(dropMatview);
		assertThat(convergence.position("INDEX daily_totals_day")).isGreaterThan(createMatview);
		assertThat(convergence.position("CREATE VIEW scenario_9.recent_totals")).isGreaterThan(createMatview);
		assertThat(scenario.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'scenario_9'"
				+ " AND tablename = 'daily_totals'")).containsExactly("daily_totals_day");
		assertThat(scenario.string("SELECT obj_description('scenario_9.daily_totals'::regclass, 'pg_class')"))
			.isEqualTo("Totals per day");
		assertThat(scenario.strings("SELECT day || ':' || total || ':' || orders FROM scenario_9.daily_totals"
				+ " ORDER BY day")).containsExactly("2023-12-31:7.00:1", "2024-03-01:15.00:2");
	}

	@Test
	void commentGrantAndOwnerOfRecreatedViewsSurviveAndDeclaredCommentIsApplied(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_18", migrations);
		String reader = uniqueRoleName();
		scenario.execute("CREATE ROLE " + reader + " NOLOGIN");
		try {
			scenario.execute("""
					CREATE TABLE scenario_18.orders (id integer PRIMARY KEY, customer text NOT NULL,
					    amount numeric(10, 2) NOT NULL, note text);
					INSERT INTO scenario_18.orders VALUES (1, 'ada', 10, 'gift'), (2, 'ada', 5, NULL), (3, 'alan', 8, NULL);
					CREATE VIEW scenario_18.order_facts AS SELECT id, customer, amount, note FROM scenario_18.orders;
					CREATE VIEW scenario_18.customer_report AS
					    SELECT customer, sum(amount) AS total FROM scenario_18.order_facts GROUP BY customer;
					COMMENT ON VIEW scenario_18.customer_report IS 'Totals per customer';
					GRANT SELECT ON scenario_18.customer_report TO %1$s;
					CREATE VIEW scenario_18.order_count AS SELECT count(*) AS n FROM scenario_18.order_facts;
					ALTER VIEW scenario_18.order_count OWNER TO %1$s;
					""".formatted(reader));
			List<PgEntity> declared = List.of(
					PgView.of("scenario_18", "order_facts", "SELECT id, customer, amount FROM scenario_18.orders")
						.withComment("Orders without their notes"),
					PgView.of("scenario_18", "customer_report",
							"SELECT customer, sum(amount) AS total FROM scenario_18.order_facts GROUP BY customer"),
					PgView.of("scenario_18", "order_count", "SELECT count(*) AS n FROM scenario_18.order_facts"));
			assertThat(scenario.statuses(declared)).containsOnly(
					entry("scenario_18.order_facts", DriftStatus.CHANGED),
					entry("scenario_18.customer_report", DriftStatus.IN_SYNC),
					entry("scenario_18.order_count", DriftStatus.IN_SYNC));
			Convergence convergence = scenario.converge(declared);
			assertThat(convergence.position("DROP VIEW scenario_18.customer_report"))
				.isLessThan(convergence.position("DROP VIEW scenario_18.order_facts"));
			assertThat(convergence.position("CREATE VIEW scenario_18.customer_report"))
				.isGreaterThan(convergence.position("CREATE VIEW scenario_18.order_facts"));
			assertThat(convergence.statementsContaining("COMMENT ON VIEW scenario_18.customer_report")).hasSize(1);
			assertThat(convergence.statementsContaining("COMMENT ON VIEW scenario_18.order_facts")).hasSize(1);
			assertThat(scenario.string("SELECT obj_description('scenario_18.customer_report'::regclass, 'pg_class')"))
				.isEqualTo("Totals per customer");
			assertThat(scenario.string("SELECT obj_description('scenario_18.order_facts'::regclass, 'pg_class')"))
				.isEqualTo("Orders without their notes");
			assertThat(scenario.string("SELECT has_table_privilege(?, 'scenario_18.customer_report', 'SELECT')::text",
					reader))
				.isEqualTo("true");
			assertThat(scenario.strings("SELECT privilege_type FROM information_schema.role_table_grants"
					+ " WHERE grantee = ? AND table_schema = 'scenario_18' AND table_name = 'customer_report'",
					reader))
				.containsExactly("SELECT");
			assertThat(scenario.string("SELECT viewowner FROM pg_views WHERE schemaname = 'scenario_18'"
					+ " AND viewname = 'order_count'")).isEqualTo(reader);
			assertThat(scenario.strings("SELECT customer || ':' || total FROM scenario_18.customer_report ORDER BY 1"))
				.containsExactly("ada:15.00", "alan:8.00");
		}
		finally {
			scenario.executeQuietly("DROP OWNED BY " + reader + "; DROP ROLE " + reader);
		}
	}

	@Test
	void declaredCommentOnUnchangedViewIsSetWithoutRecreatingIt(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_18_comment", migrations);
		scenario.execute("""
				CREATE TABLE scenario_18_comment.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
				INSERT INTO scenario_18_comment.orders VALUES (1, 10);
				CREATE VIEW scenario_18_comment.order_facts AS SELECT id, amount FROM scenario_18_comment.orders;
				""");
		List<PgEntity> declared = List.of(PgView
			.of("scenario_18_comment", "order_facts", "SELECT id, amount FROM scenario_18_comment.orders")
			.withComment("One row per order"));
		assertThat(scenario.statuses(declared))
			.containsOnly(entry("scenario_18_comment.order_facts", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.startsWith("COMMENT ON VIEW scenario_18_comment.order_facts IS 'One row per order'");
		assertThat(scenario.string(
				"SELECT obj_description('scenario_18_comment.order_facts'::regclass, 'pg_class')"))
			.isEqualTo("One row per order");
	}

	@Test
	void renamedViewColumnDropsAndRecreatesTheView(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "view_rename", migrations);
		scenario.execute("""
				CREATE TABLE view_rename.orders (id integer PRIMARY KEY, amount integer NOT NULL);
				INSERT INTO view_rename.orders VALUES (1, 10);
				CREATE VIEW view_rename.order_facts AS SELECT id, amount FROM view_rename.orders;
				""");
		List<PgEntity> declared = List.of(
				PgView.of("view_rename", "order_facts", "SELECT id, amount AS total FROM view_rename.orders"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("view_rename.order_facts", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP VIEW view_rename.order_facts"))
			.isLessThan(convergence.position("CREATE VIEW view_rename.order_facts"));
		assertThat(scenario.string("SELECT total::text FROM view_rename.order_facts")).isEqualTo("10");
	}

	@Test
	void changedViewColumnTypeDropsAndRecreatesTheView(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "view_type", migrations);
		scenario.execute("""
				CREATE TABLE view_type.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
				INSERT INTO view_type.orders VALUES (1, 10.25);
				CREATE VIEW view_type.order_facts AS SELECT id, amount FROM view_type.orders;
				CREATE VIEW view_type.order_ids AS SELECT id FROM view_type.order_facts;
				""");
		List<PgEntity> declared = List.of(
				PgView.of("view_type", "order_facts", "SELECT id, amount::numeric(12, 1) AS amount FROM view_type.orders"),
				PgView.of("view_type", "order_ids", "SELECT id FROM view_type.order_facts"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("view_type.order_facts", DriftStatus.CHANGED),
				entry("view_type.order_ids", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP VIEW view_type.order_ids"))
			.isLessThan(convergence.position("DROP VIEW view_type.order_facts"));
		assertThat(scenario.string("SELECT amount::text FROM view_type.order_facts")).isEqualTo("10.3");
	}

	@Test
	void changedMaterializedViewIndexesChangeWithoutRecreatingIt(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "matview_indexes", migrations);
		scenario.execute("""
				CREATE TABLE matview_indexes.orders (id integer PRIMARY KEY, customer text NOT NULL,
				    amount integer NOT NULL);
				INSERT INTO matview_indexes.orders VALUES (1, 'ada', 10), (2, 'alan', 5);
				CREATE MATERIALIZED VIEW matview_indexes.totals AS
				    SELECT customer, sum(amount) AS total FROM matview_indexes.orders GROUP BY customer;
				CREATE INDEX totals_total ON matview_indexes.totals (total);
				CREATE VIEW matview_indexes.top AS SELECT customer FROM matview_indexes.totals WHERE total > 6;
				""");
		List<PgEntity> declared = List.of(
				PgMaterializedView
					.of("matview_indexes", "totals",
							"SELECT customer, sum(amount) AS total FROM matview_indexes.orders GROUP BY customer")
					.withIndex("CREATE UNIQUE INDEX totals_customer ON totals (customer)"),
				PgView.of("matview_indexes", "top", "SELECT customer FROM matview_indexes.totals WHERE total > 6"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("matview_indexes.totals", DriftStatus.CHANGED),
				entry("matview_indexes.top", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactly("DROP INDEX matview_indexes.totals_total",
				"CREATE UNIQUE INDEX totals_customer ON matview_indexes.totals USING btree (customer)");
		assertThat(scenario.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'matview_indexes'"
				+ " AND tablename = 'totals'")).containsExactly("totals_customer");
	}

	@Test
	void changedViewOptionsConverge(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "view_options", migrations);
		scenario.execute("""
				CREATE TABLE view_options.orders (id integer PRIMARY KEY, amount integer NOT NULL);
				INSERT INTO view_options.orders VALUES (1, 10);
				CREATE VIEW view_options.big_orders AS SELECT id, amount FROM view_options.orders WHERE amount > 5;
				""");
		List<PgEntity> declared = List.of(PgView.of("view_options", "big_orders", """
				SELECT id, amount FROM view_options.orders WHERE amount > 5 WITH CASCADED CHECK OPTION"""));
		assertThat(scenario.statuses(declared)).containsOnly(entry("view_options.big_orders", DriftStatus.CHANGED));
		scenario.converge(declared);
		assertThat(scenario.string("SELECT check_option FROM information_schema.views"
				+ " WHERE table_schema = 'view_options' AND table_name = 'big_orders'")).isEqualTo("CASCADED");
	}

	private static String uniqueRoleName() {
		return "pge_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
