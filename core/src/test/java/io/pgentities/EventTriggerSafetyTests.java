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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that a check never fires an event trigger, live or declared. The event triggers here
 * call a function that advances a sequence, which no rollback undoes, and logs the command:
 * after the checks the sequence must never have been called. Event triggers belong to the
 * database, so each test drops those it made.
 */
@PostgresTest
class EventTriggerSafetyTests {

	private static final String LOG_DDL = """
			RETURNS event_trigger LANGUAGE plpgsql AS $$
			BEGIN
			    INSERT INTO guard.ddl_log VALUES (nextval('guard.calls'), tg_event, tg_tag);
			END;
			$$""";

	private final TestDatabase database;

	EventTriggerSafetyTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void createSchema() {
		this.database.execute("""
				CREATE SCHEMA guard;
				CREATE TABLE guard.items (id integer PRIMARY KEY, name text, owner_name text);
				INSERT INTO guard.items VALUES (1, 'one', 'alice');
				CREATE SEQUENCE guard.calls;
				CREATE TABLE guard.ddl_log (call bigint, event text, tag text);
				CREATE FUNCTION guard.log_ddl() %s;
				CREATE FUNCTION guard.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				""".formatted(LOG_DDL));
	}

	@AfterEach
	void dropEverything() {
		this.database.dropEventTriggers();
		this.database.execute("DROP SCHEMA guard CASCADE");
	}

	private List<PgEntity> declared() {
		return List.of(PgFunction.of("guard", "log_ddl()", LOG_DDL),
				PgFunction.of("guard", "touch()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
				PgView.of("guard", "named", "SELECT id, name FROM guard.items"),
				PgMaterializedView.of("guard", "counted", "SELECT count(*) AS n FROM guard.items")
					.withIndex("CREATE INDEX ON guard.counted (n)"),
				PgTrigger.of("guard", "touch", "items", "BEFORE UPDATE ON guard.items FOR EACH ROW EXECUTE FUNCTION guard.touch()"),
				PgPolicy.of("guard", "own", "items", "USING (owner_name = current_user)"),
				PgEventTrigger.of("guard", "guard_start", "ON ddl_command_start EXECUTE FUNCTION log_ddl()"),
				PgEventTrigger.of("guard", "guard_declared", "ON ddl_command_end EXECUTE FUNCTION log_ddl()")
					.withFiring(PgEventTrigger.Firing.ALWAYS));
	}

	private void runEveryKindOfCheck(PgEntitiesEngine engine) {
		List<PgEntity> declared = declared();
		assertThat(engine.check(declared).entities()).isNotEmpty();
		Analysis analysis = engine.analyze(declared);
		assertThat(analysis.plan().statements()).isNotEmpty();
		engine.lint(declared);
	}

	private String calls() {
		return query("SELECT is_called || ':' || (SELECT count(*) FROM guard.ddl_log) FROM guard.calls");
	}

	@Test
	void liveEventTriggersInTheDefaultModeNeverFireOnChecks() {
		this.database.execute("""
				CREATE EVENT TRIGGER guard_start ON ddl_command_start EXECUTE FUNCTION guard.log_ddl();
				CREATE EVENT TRIGGER guard_end ON ddl_command_end EXECUTE FUNCTION guard.log_ddl();
				CREATE EVENT TRIGGER guard_drop ON sql_drop EXECUTE FUNCTION guard.log_ddl();
				""");
		assertThat(calls()).isEqualTo("false:0");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas("guard").build();
		runEveryKindOfCheck(engine);
		assertThat(calls()).as("calls of the event trigger function").isEqualTo("false:0");
		// the event triggers are live: DDL outside a check fires them
		this.database.execute("CREATE TABLE guard.later (id integer)");
		assertThat(query("SELECT string_agg(event || ' ' || tag, ', ' ORDER BY call) FROM guard.ddl_log"))
			.isEqualTo("ddl_command_start CREATE TABLE, ddl_command_end CREATE TABLE");
	}

	@Test
	void rehearsingAPlanThatDropsFiresNoEventTrigger() {
		this.database.execute("""
				CREATE VIEW guard.stale AS SELECT id FROM guard.items;
				CREATE EVENT TRIGGER guard_drop ON sql_drop EXECUTE FUNCTION guard.log_ddl();
				CREATE EVENT TRIGGER guard_end ON ddl_command_end WHEN TAG IN ('DROP VIEW') EXECUTE FUNCTION guard.log_ddl();
				""");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas("guard")
			.dropUndeclared(true)
			.build();
		// a plan that creates an ENABLE ALWAYS event trigger cannot be rehearsed before PostgreSQL 17:
		// the check after it would fire it
		List<PgEntity> declared = declared().stream()
			.filter((entity) -> !entity.name().equals("guard_declared"))
			.toList();
		MigrationPlan plan = engine.plan(declared);
		assertThat(plan.statements()).contains("DROP VIEW guard.stale");
		assertThat(engine.rehearse(plan, declared).entities()).isNotEmpty();
		assertThat(calls()).isEqualTo("false:0");
	}

	@Test
	void eventTriggersThatOnlyWatchDropsDoNotStopAChecks() {
		this.database.execute("""
				CREATE EVENT TRIGGER guard_drop ON sql_drop EXECUTE FUNCTION guard.log_ddl();
				ALTER EVENT TRIGGER guard_drop ENABLE ALWAYS;
				CREATE EVENT TRIGGER guard_drop_table ON ddl_command_end WHEN TAG IN ('DROP TABLE')
				    EXECUTE FUNCTION guard.log_ddl();
				ALTER EVENT TRIGGER guard_drop_table ENABLE ALWAYS;
				""");
		runEveryKindOfCheck(PgEntitiesEngine.builder(this.database.dataSource()).schemas("guard").build());
		assertThat(calls()).isEqualTo("false:0");
	}

	@Test
	void eventTriggersInBothModesAreTurnedOffFromPostgres17AndRefuseTheCheckBefore() {
		this.database.execute("""
				CREATE EVENT TRIGGER guard_origin ON ddl_command_end EXECUTE FUNCTION guard.log_ddl();
				CREATE EVENT TRIGGER guard_replica ON ddl_command_start EXECUTE FUNCTION guard.log_ddl();
				ALTER EVENT TRIGGER guard_replica ENABLE REPLICA;
				""");
		silencedFromPostgres17OrRefused("guard_origin (ENABLE, on ddl_command_end, function guard.log_ddl())",
				"no session_replication_role silences both");
	}

	@Test
	void anAlwaysEnabledEventTriggerIsTurnedOffFromPostgres17AndRefusesTheCheckBefore() {
		this.database.execute("""
				CREATE EVENT TRIGGER guard_always ON ddl_command_end EXECUTE FUNCTION guard.log_ddl();
				ALTER EVENT TRIGGER guard_always ENABLE ALWAYS;
				""");
		silencedFromPostgres17OrRefused("guard_always (ENABLE ALWAYS, on ddl_command_end, function guard.log_ddl())",
				"PostgreSQL before 17 has no event_triggers setting");
	}

	/**
	 * From PostgreSQL 17 on, event_triggers = off silences every event trigger; before, the check
	 * is refused with the given reasons. Either way, nothing fires.
	 */
	private void silencedFromPostgres17OrRefused(String... reasons) {
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas("guard").build();
		if (this.database.serverMajorVersion() >= 17) {
			runEveryKindOfCheck(engine);
		}
		else {
			assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> engine.check(declared()))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains(reasons));
		}
		assertThat(calls()).isEqualTo("false:0");
	}

	@Test
	void aRoleThatMayNotSilenceEventTriggersIsRefusedAndMayCreateNone() {
		String role = "pge_checker_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.database.execute("""
				CREATE ROLE %1$s NOLOGIN;
				GRANT CREATE ON DATABASE %2$s TO %1$s;
				GRANT USAGE ON SCHEMA guard TO %1$s;
				GRANT SELECT ON ALL TABLES IN SCHEMA guard TO %1$s;
				""".formatted(role, this.database.name()));
		try {
			// after the grants, which would fire it
			this.database.execute("CREATE EVENT TRIGGER guard_end ON ddl_command_end EXECUTE FUNCTION guard.log_ddl()");
			PgEntitiesEngine engine = PgEntitiesEngine.builder(as(role)).schemas("guard").build();
			List<PgEntity> noEventTriggers = declared().stream()
				.filter((entity) -> entity.kind() != EntityKind.EVENT_TRIGGER)
				.toList();
			assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> engine.check(noEventTriggers))
				.withMessageContaining("guard_end (ENABLE, on ddl_command_end, function guard.log_ddl())")
				.withMessageContaining("Role " + role + " may not silence them")
				.withMessageContaining("permission denied to set parameter");
			if (this.database.serverMajorVersion() >= 15) {
				this.database.execute("GRANT SET ON PARAMETER "
						+ ((this.database.serverMajorVersion() >= 17) ? "event_triggers" : "session_replication_role")
						+ " TO " + role);
				assertThat(engine.check(noEventTriggers).entities()).isNotEmpty();
				assertThatExceptionOfType(EntityRejectedException.class)
					.isThrownBy(() -> engine.check(declared()))
					.satisfies((ex) -> assertThat(ex.getIdentity()).isEqualTo("guard_start"))
					.satisfies((ex) -> assertThat(ex.getPostgresMessage())
						.contains("permission denied to create event trigger guard_start")
						.contains("Must be superuser"));
			}
			assertThat(calls()).isEqualTo("false:0");
		}
		finally {
			this.database.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
		}
	}

	/**
	 * The test database as seen by another role: each connection is {@code SET ROLE} to it.
	 */
	private DataSource as(String role) {
		DataSource delegate = this.database.dataSource();
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, arguments) -> {
					try {
						Object result = method.invoke(delegate, arguments);
						if (result instanceof Connection connection) {
							try (Statement statement = connection.createStatement()) {
								statement.execute("SET ROLE " + role);
							}
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private String query(String sql) {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
