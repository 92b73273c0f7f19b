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
package io.pgentities.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityRejectedException;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for the features that differ between PostgreSQL 13 and 18 and change what the
 * catalog prints: SQL-standard routine bodies and {@code CREATE OR REPLACE TRIGGER} (14),
 * {@code security_invoker} views and {@code MERGE} (15), SQL/JSON and subqueries without an
 * alias (16), {@code JSON_TABLE} and the {@code MAINTAIN} privilege (17), virtual generated
 * columns and {@code OLD}/{@code NEW} in {@code RETURNING} (18). Each is declared, applied and
 * checked in sync on the versions that have it, and changed to converge again.
 */
@PostgresTest
class PostgresVersionFeatureTests {

	private final TestDatabase database;

	PostgresVersionFeatureTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void serverRunsTheVersionTheBuildAskedFor() {
		String requested = System.getProperty("pg-entities.postgres.version");
		if (requested == null || requested.isBlank()) {
			requested = System.getenv("PG_ENTITIES_POSTGRES_VERSION");
		}
		String jdbcUrl = System.getenv("PG_ENTITIES_TEST_JDBC_URL");
		assumeTrue(requested != null && !requested.isBlank() && (jdbcUrl == null || jdbcUrl.isBlank()),
				"no PostgreSQL version was asked for, or the server is given by PG_ENTITIES_TEST_JDBC_URL");
		// the version matrix of CI would prove nothing if every run used the default server
		assertThat(this.database.serverMajorVersion()).isEqualTo(Integer.parseInt(requested.trim().split("\\.")[0]));
	}

	@Test
	void sqlStandardFunctionAndProcedureBodiesRoundTrip() {
		requireVersion(14);
		String schema = schemaWithAccounts("atomic");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION atomic.total(p_owner text) RETURNS numeric LANGUAGE sql STABLE
				BEGIN ATOMIC
				  SELECT sum(balance) FROM atomic.accounts WHERE owner_name = p_owner;
				END;
				CREATE PROCEDURE atomic.credit(p_id integer, p_amount numeric) LANGUAGE sql
				BEGIN ATOMIC
				  UPDATE atomic.accounts SET balance = balance + p_amount WHERE id = p_id;
				  INSERT INTO atomic.audit (account_id, amount) VALUES (p_id, p_amount);
				END;
				""", "atomic.sql", schema);
		assertRoundTrips(schema, declared);
		List<PgEntity> changed = PgEntities.fromSql("""
				CREATE FUNCTION atomic.total(p_owner text) RETURNS numeric LANGUAGE sql STABLE
				BEGIN ATOMIC
				  SELECT coalesce(sum(balance), 0) FROM atomic.accounts WHERE owner_name = p_owner;
				END;
				CREATE PROCEDURE atomic.credit(p_id integer, p_amount numeric) LANGUAGE sql
				BEGIN ATOMIC
				  UPDATE atomic.accounts SET balance = balance + p_amount WHERE id = p_id;
				END;
				""", "atomic.sql", schema);
		assertConverges(schema, changed, 2);
	}

	@Test
	void sqlStandardBodyWithCaseExpressionsIsOneStatement() {
		requireVersion(14);
		String schema = schemaWithAccounts("atomic_case");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION atomic_case.tier(p_balance numeric) RETURNS text LANGUAGE sql IMMUTABLE
				BEGIN ATOMIC
				  SELECT CASE WHEN p_balance > 1000 THEN 'gold' ELSE 'plain' END;
				END;
				CREATE FUNCTION atomic_case.label(p_id integer) RETURNS text LANGUAGE sql STABLE
				BEGIN ATOMIC
				  SELECT CASE owner_name WHEN 'a' THEN 'first' END || atomic_case.tier(balance)
				  FROM atomic_case.accounts WHERE id = p_id;
				END;
				""", "atomic_case.sql", schema);
		assertThat(declared).hasSize(2);
		assertRoundTrips(schema, declared);
	}

	@Test
	void sqlStandardBodyCannotHideAStatementAfterTheEndOfACase() {
		String schema = schemaWithAccounts("atomic_smuggle");
		String before = CatalogFingerprint.of(this.database.dataSource(), "atomic_smuggle.accounts");
		List<PgEntity> declared = List.of(PgFunction.of(schema, "smuggle()", "RETURNS integer LANGUAGE sql "
				+ "BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; DROP TABLE atomic_smuggle.accounts; END"));
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> engine.check(declared))
			.satisfies((ex) -> assertThat(ex.getPostgresMessage())
				.contains((this.database.serverMajorVersion() >= 14)
						? "DROP TABLE is not yet supported in unquoted SQL function body" : "syntax error"));
		assertThat(CatalogFingerprint.of(this.database.dataSource(), "atomic_smuggle.accounts")).isEqualTo(before);
		assertThat(count("SELECT count(*) FROM atomic_smuggle.accounts")).isEqualTo(3);
	}

	@Test
	void createOrReplaceTriggerRoundTrips() {
		requireVersion(14);
		String schema = schemaWithAccounts("replace_trigger");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION replace_trigger.touch() RETURNS trigger LANGUAGE plpgsql
				AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
				CREATE OR REPLACE TRIGGER touch BEFORE UPDATE ON replace_trigger.accounts
				FOR EACH ROW EXECUTE FUNCTION replace_trigger.touch();
				""", "replace_trigger.sql", schema);
		assertRoundTrips(schema, declared);
		List<PgEntity> changed = PgEntities.fromSql("""
				CREATE FUNCTION replace_trigger.touch() RETURNS trigger LANGUAGE plpgsql
				AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
				CREATE OR REPLACE TRIGGER touch BEFORE INSERT OR UPDATE OF balance ON replace_trigger.accounts
				FOR EACH ROW WHEN (NEW.balance IS NOT NULL) EXECUTE FUNCTION replace_trigger.touch();
				""", "replace_trigger.sql", schema);
		assertConverges(schema, changed, 1);
	}

	@Test
	void securityInvokerViewRoundTrips() {
		requireVersion(15);
		String schema = schemaWithAccounts("invoker");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW invoker.mine WITH (security_invoker = true) AS
				SELECT id, balance FROM invoker.accounts WHERE owner_name = current_user;
				""", "invoker.sql", schema);
		assertRoundTrips(schema, declared);
		assertThat(count("SELECT count(*) FROM pg_class WHERE oid = 'invoker.mine'::regclass "
				+ "AND reloptions @> ARRAY['security_invoker=true']")).isOne();
		assertConverges(schema, List.of(PgView.of(schema, "mine",
				"SELECT id, balance FROM invoker.accounts WHERE owner_name = current_user")
			.withClauses("WITH (security_invoker = false, security_barrier = true)")), 1);
	}

	@Test
	void mergeInASqlFunctionRoundTrips() {
		requireVersion(15);
		String schema = schemaWithAccounts("merging");
		List<PgEntity> declared = List.of(PgFunction.of(schema, "upsert(p_id integer, p_balance numeric)",
				"""
						RETURNS void LANGUAGE sql AS $$
						  MERGE INTO merging.accounts a USING (SELECT p_id AS id, p_balance AS balance) s ON a.id = s.id
						  WHEN MATCHED THEN UPDATE SET balance = s.balance
						  WHEN NOT MATCHED THEN INSERT (id, owner_name, balance) VALUES (s.id, 'new', s.balance)
						$$"""));
		assertRoundTrips(schema, declared);
	}

	@Test
	void viewsWithSqlJsonAndASubqueryWithoutAliasRoundTrip() {
		requireVersion(16);
		String schema = schemaWithAccounts("json16");
		List<PgEntity> declared = List.of(
				PgView.of(schema, "documents",
						"SELECT id, JSON_OBJECT('owner' VALUE owner_name, 'balance' VALUE balance) AS doc "
								+ "FROM json16.accounts"),
				PgView.of(schema, "valid", "SELECT id, owner_name IS JSON AS is_json FROM json16.accounts"),
				PgView.of(schema, "unaliased", "SELECT * FROM (SELECT id, balance FROM json16.accounts)"),
				PgMaterializedView.of(schema, "totals", "SELECT JSON_ARRAYAGG(id ORDER BY id) AS ids "
						+ "FROM (SELECT id FROM json16.accounts WHERE balance > 0)"));
		assertRoundTrips(schema, declared);
	}

	@Test
	void viewWithJsonTableRoundTrips() {
		requireVersion(17);
		String schema = schemaWithAccounts("json17");
		List<PgEntity> declared = List.of(PgView.of(schema, "items", """
				SELECT t.* FROM JSON_TABLE('[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]'::jsonb, '$[*]'
				    COLUMNS (a integer PATH '$.a', b text PATH '$.b', n FOR ORDINALITY)) AS t"""));
		assertRoundTrips(schema, declared);
	}

	@Test
	void maintainPrivilegeSurvivesTheRecreationOfAMaterializedView() throws SQLException {
		requireVersion(17);
		String schema = schemaWithAccounts("maintain");
		String role = "pge_maintainer_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		this.database.execute("CREATE ROLE " + role);
		try {
			List<PgEntity> declared = List.of(PgMaterializedView.of(schema, "totals",
					"SELECT owner_name, sum(balance) AS total FROM maintain.accounts GROUP BY owner_name"));
			assertRoundTrips(schema, declared);
			this.database.execute("GRANT MAINTAIN, SELECT ON maintain.totals TO " + role);
			// a changed query drops and recreates the materialized view: its grants must come back
			List<PgEntity> changed = List.of(PgMaterializedView.of(schema, "totals",
					"SELECT owner_name, count(*) AS accounts, sum(balance) AS total FROM maintain.accounts "
							+ "GROUP BY owner_name"));
			MigrationPlan plan = assertConverges(schema, changed, 1);
			assertThat(plan.statements()).anySatisfy((statement) -> assertThat(statement).contains("MAINTAIN"));
			assertThat(count("SELECT count(*) FROM pg_class WHERE oid = 'maintain.totals'::regclass "
					+ "AND has_table_privilege('" + role + "', oid, 'MAINTAIN') "
					+ "AND has_table_privilege('" + role + "', oid, 'SELECT')")).isOne();
		}
		finally {
			this.database.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
		}
	}

	@Test
	void virtualGeneratedColumnsAndOldAndNewInReturningRoundTrip() {
		requireVersion(18);
		String schema = schemaWithAccounts("pg18");
		this.database.execute("ALTER TABLE pg18.accounts ADD COLUMN doubled numeric GENERATED ALWAYS AS "
				+ "(balance * 2) VIRTUAL");
		List<PgEntity> declared = List.of(
				PgView.of(schema, "doubled", "SELECT id, doubled FROM pg18.accounts"),
				PgFunction.of(schema, "credit(p_id integer, p_amount numeric)", """
						RETURNS TABLE (before numeric, after numeric) LANGUAGE sql
						BEGIN ATOMIC
						  UPDATE pg18.accounts SET balance = balance + p_amount WHERE id = p_id
						  RETURNING old.balance, new.balance;
						END"""));
		assertRoundTrips(schema, declared);
	}

	private void assertRoundTrips(String schema, List<PgEntity> declared) {
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas(schema).build();
		DriftReport before = engine.check(declared);
		assertThat(before.entities()).extracting(EntityDrift::status).containsOnly(DriftStatus.MISSING);
		engine.apply(engine.plan(declared));
		DriftReport after = engine.check(declared);
		assertThat(after.drifted()).as("drift after apply").isEmpty();
		assertThat(after.entities()).hasSameSizeAs(declared);
		assertThat(engine.plan(declared).isEmpty()).isTrue();
	}

	private MigrationPlan assertConverges(String schema, List<PgEntity> changed, int expectedChanges) {
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas(schema).build();
		assertThat(engine.check(changed).drifted()).hasSize(expectedChanges)
			.extracting(EntityDrift::status)
			.containsOnly(DriftStatus.CHANGED);
		MigrationPlan plan = engine.plan(changed);
		engine.apply(plan);
		assertThat(engine.check(changed).drifted()).as("drift after apply").isEmpty();
		return plan;
	}

	private String schemaWithAccounts(String schema) {
		this.database.execute("""
				CREATE SCHEMA %1$s;
				CREATE TABLE %1$s.accounts (id integer PRIMARY KEY, owner_name text NOT NULL,
				    balance numeric(12, 2) NOT NULL DEFAULT 0, last_edited timestamptz);
				CREATE TABLE %1$s.audit (account_id integer NOT NULL, amount numeric NOT NULL);
				INSERT INTO %1$s.accounts (id, owner_name, balance) VALUES (1, 'a', 10), (2, 'b', 2000), (3, 'a', 0);
				""".formatted(schema));
		return schema;
	}

	private void requireVersion(int major) {
		assumeTrue(this.database.serverMajorVersion() >= major,
				() -> "PostgreSQL " + this.database.serverMajorVersion() + " has not got this feature of " + major);
	}

	private int count(String sql) {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
