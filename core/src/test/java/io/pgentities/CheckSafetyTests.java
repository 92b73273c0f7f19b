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
package io.pgentities;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests that a check is safe to run against a production database: it needs no lock a
 * writer holds, leaves nothing behind, and reports rejected declarations without changing
 * anything. Also pins the cases the Python peers get wrong: overloads, view chains whose head
 * changes its columns, quoted names in other schemas.
 */
@PostgresTest
class CheckSafetyTests {

	private final TestDatabase database;

	CheckSafetyTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute("""
				CREATE SCHEMA shop;
				CREATE TABLE shop.items (id integer PRIMARY KEY, name text NOT NULL, qty integer NOT NULL DEFAULT 1,
				    price numeric(10, 2) NOT NULL DEFAULT 0, owner_name text, last_edited timestamptz);
				ALTER TABLE shop.items ENABLE ROW LEVEL SECURITY;
				INSERT INTO shop.items (id, name) VALUES (1, 'one'), (2, 'two');
				CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
				CREATE FUNCTION shop.f(a integer) RETURNS text LANGUAGE sql AS $$ SELECT 'int' $$;
				CREATE FUNCTION shop.f(a text) RETURNS text LANGUAGE sql AS $$ SELECT 'text' $$;
				CREATE VIEW shop.a AS SELECT id, name FROM shop.items;
				CREATE VIEW shop.b AS SELECT id, name FROM shop.a;
				CREATE MATERIALIZED VIEW shop.c AS SELECT id, name FROM shop.b;
				CREATE TRIGGER touch BEFORE UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch();
				CREATE POLICY own ON shop.items USING (owner_name = current_user);
				CREATE SCHEMA "Sales";
				CREATE VIEW "Sales"."OrderTotals" AS SELECT id AS "Id" FROM shop.items;
				""");
	}

	private List<PgEntity> declared() {
		return List.of(PgFunction.of("shop", "touch()",
				"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$"),
				PgFunction.of("shop", "f(a integer)", "RETURNS text LANGUAGE sql AS $$ SELECT 'int' $$"),
				PgFunction.of("shop", "f(a text)", "RETURNS text LANGUAGE sql AS $$ SELECT 'text' $$"),
				PgView.of("shop", "a", "SELECT id, name FROM shop.items"),
				PgView.of("shop", "b", "SELECT id, name FROM shop.a"),
				PgMaterializedView.of("shop", "c", "SELECT id, name FROM shop.b"),
				PgTrigger.of("shop", "touch", "items", "BEFORE UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch()"),
				PgPolicy.of("shop", "own", "items", "USING (owner_name = current_user)"),
				PgView.of("Sales", "OrderTotals", "SELECT id AS \"Id\" FROM shop.items"));
	}

	@Test
	void overloadsQuotedNamesAndOtherSchemasAreInSync() {
		DriftReport report = PgEntitiesEngine.create(this.database.dataSource()).check(declared());
		assertThat(report.drifted()).isEmpty();
		assertThat(report.entities()).extracting(EntityDrift::identity)
			.contains("shop.f(integer)", "shop.f(text)", "\"Sales\".\"OrderTotals\"", "shop.items.touch",
					"shop.items.own");
	}

	@Test
	void overloadChangedAloneIsTheOnlyDrift() {
		List<PgEntity> declared = new ArrayList<>(declared());
		declared.set(2, PgFunction.of("shop", "f(a text)", "RETURNS text LANGUAGE sql AS $$ SELECT 'TEXT' $$"));
		DriftReport report = PgEntitiesEngine.create(this.database.dataSource()).check(declared);
		assertThat(report.drifted()).singleElement().satisfies((drift) -> {
			assertThat(drift.identity()).isEqualTo("shop.f(text)");
			assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
		});
	}

	@Test
	void chainWhoseHeadChangesItsColumnsIsSimulatedThroughout() {
		// alembic_utils cannot simulate B and C once A's columns change (its issue #116)
		List<PgEntity> declared = new ArrayList<>(declared());
		// A's columns change order, which CREATE OR REPLACE VIEW cannot do; B and C still read A
		declared.set(3, PgView.of("shop", "a", "SELECT name, id, qty FROM shop.items"));
		DriftReport report = PgEntitiesEngine.create(this.database.dataSource()).check(declared);
		assertThat(report.drifted()).extracting(EntityDrift::identity, EntityDrift::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("shop.a", DriftStatus.CHANGED));
		assertThat(report.entities()).filteredOn((drift) -> List.of("shop.b", "shop.c").contains(drift.identity()))
			.extracting(EntityDrift::status)
			.containsExactly(DriftStatus.IN_SYNC, DriftStatus.IN_SYNC);
		MigrationPlan plan = PgEntitiesEngine.create(this.database.dataSource()).plan(declared);
		assertThat(plan.statements()).containsSubsequence("DROP MATERIALIZED VIEW shop.c", "DROP VIEW shop.b",
				"DROP VIEW shop.a");
		assertThat(String.join("\n", plan.statements())).doesNotContainIgnoringCase("cascade");
	}

	@Test
	void checkNeedsNoLockThatWritersHold() throws Exception {
		try (Connection writer = this.database.connect()) {
			writer.setAutoCommit(false);
			try (Statement statement = writer.createStatement()) {
				statement.execute("LOCK TABLE shop.items, shop.a, shop.b, \"Sales\".\"OrderTotals\" IN ROW EXCLUSIVE MODE");
				statement.execute("UPDATE shop.items SET qty = qty + 1 WHERE id = 1");
			}
			PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
				.lockTimeout(Duration.ofSeconds(4))
				.build();
			DriftReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> engine.check(declared()));
			assertThat(report.inSync()).isTrue();
			writer.rollback();
		}
	}

	@Test
	void checkOfTriggersOnPartitionsNeedsNoLockThatWritersHold() throws Exception {
		this.database.execute("""
				CREATE SCHEMA parts;
				CREATE TABLE parts.p (id integer, v integer) PARTITION BY LIST (id);
				CREATE TABLE parts.p1 PARTITION OF parts.p FOR VALUES IN (1) PARTITION BY RANGE (v);
				CREATE TABLE parts.p1a PARTITION OF parts.p1 FOR VALUES FROM (0) TO (100);
				INSERT INTO parts.p VALUES (1, 10);
				""");
		List<PgEntity> declared = List.of(PgFunction.of("parts", "pass()",
				"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
				PgTrigger.of("parts", "t", "p", "BEFORE UPDATE ON parts.p FOR EACH ROW EXECUTE FUNCTION parts.pass()"),
				PgTrigger.of("parts", "a", "p1a", "AFTER INSERT ON parts.p1a FOR EACH ROW EXECUTE FUNCTION parts.pass()"),
				PgPolicy.of("parts", "own", "p1", "USING (v > 0)"));
		String before = catalogSnapshot();
		try (Connection writer = this.database.connect()) {
			writer.setAutoCommit(false);
			try (Statement statement = writer.createStatement()) {
				statement.execute("LOCK TABLE parts.p, parts.p1, parts.p1a IN ROW EXCLUSIVE MODE");
				statement.execute("UPDATE parts.p SET v = v + 1 WHERE id = 1");
			}
			PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
				.lockTimeout(Duration.ofSeconds(4))
				.build();
			DriftReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> engine.check(declared));
			assertThat(report.entities()).extracting(EntityDrift::status).containsOnly(DriftStatus.MISSING);
			assertThat(catalogSnapshot()).isEqualTo(before);
			writer.rollback();
		}
		finally {
			this.database.execute("DROP SCHEMA parts CASCADE");
		}
	}

	@Test
	void checkLeavesNothingBehind() throws SQLException {
		String before = catalogSnapshot();
		PgEntitiesEngine.create(this.database.dataSource()).check(declared());
		assertThat(catalogSnapshot()).isEqualTo(before);
		assertThat(query("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pgentities_sim_%'")).isEqualTo("0");
		assertThat(query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND state LIKE 'idle in transaction%'")).isEqualTo("0");
	}

	@Test
	void rejectedDeclarationNamesEntitySourceAndPostgresMessageAndChangesNothing() throws SQLException {
		String before = catalogSnapshot();
		List<PgEntity> declared = new ArrayList<>(declared());
		declared.add(PgView.of("shop", "broken", "SELECT id,\n  no_such_column\nFROM shop.items").withSource("file views.sql:7"));
		assertThatExceptionOfType(EntityRejectedException.class)
			.isThrownBy(() -> PgEntitiesEngine.create(this.database.dataSource()).check(declared))
			.satisfies((ex) -> {
				assertThat(ex.getIdentity()).isEqualTo("shop.broken");
				assertThat(ex.getEntitySource()).isEqualTo("file views.sql:7");
				assertThat(ex.getPostgresMessage()).contains("no_such_column").doesNotContain("pgentities_sim");
				assertThat(ex.getPosition()).isPositive();
				assertThat(ex.getMessage()).contains("shop.broken", "file views.sql:7", "no_such_column",
						"line 2 of the statement");
			});
		assertThat(catalogSnapshot()).isEqualTo(before);
	}

	@Test
	void declarationSmugglingASecondStatementIsRefusedBeforeAnythingRuns() throws SQLException {
		String before = catalogSnapshot();
		PgEntity smuggler = PgFunction.of("shop", "evil()",
				"RETURNS integer LANGUAGE sql AS 'SELECT 1'; DROP TABLE shop.items; SELECT 'x'");
		assertThatExceptionOfType(InvalidDeclarationException.class)
			.isThrownBy(() -> PgEntitiesEngine.create(this.database.dataSource()).check(List.of(smuggler)))
			.withMessageContaining("shop.evil()")
			.withMessageContaining("must be one statement");
		assertThat(catalogSnapshot()).isEqualTo(before);
		assertThat(query("SELECT count(*) FROM shop.items")).isEqualTo("2");
	}

	private String catalogSnapshot() throws SQLException {
		return query("SELECT string_agg(c, ',' ORDER BY c) FROM (SELECT relname || ':' || relkind::text AS c FROM pg_class "
				+ "WHERE relnamespace >= 16384 UNION ALL SELECT proname FROM pg_proc WHERE pronamespace >= 16384 "
				+ "UNION ALL SELECT nspname FROM pg_namespace UNION ALL SELECT tgname FROM pg_trigger "
				+ "UNION ALL SELECT polname FROM pg_policy) s");
	}

	private String query(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
