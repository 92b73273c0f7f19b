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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.pgentities.Hazard;
import io.pgentities.LockMode;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PlannedStatement;
import io.pgentities.PlannedStatement.Lock;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lock and hazards of each planned statement. Each scenario's plan runs in one transaction
 * that is rolled back; after every statement, another connection reads from {@code pg_locks}
 * what the statement's backend newly holds on relations it can see (those that existed before
 * the plan; indexes follow their table), which must be the lock the planner stated, besides
 * {@code ACCESS SHARE} on relations the statement reads.
 */
@PostgresTest
class PlanHazardsTests {

	private static final String LOCKS = """
			SELECT n.nspname, c.relname, l.mode FROM pg_locks l
			JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE l.pid = ? AND l.locktype = 'relation' AND l.granted AND c.relkind <> 'i'
			AND n.nspname <> 'pg_catalog' AND n.nspname NOT LIKE 'pg\\_toast%'""";

	private final TestDatabase database;

	private final String role = "pge_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	PlanHazardsTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void createRole() {
		this.database.execute("CREATE ROLE " + this.role + " NOLOGIN");
	}

	@AfterEach
	void dropRole() {
		this.database.execute("DROP OWNED BY " + this.role + "; DROP ROLE " + this.role);
	}

	@Test
	void dependentViewIsDroppedWithAccessExclusiveAndCreatedAgainWithoutLock() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_dependent;
				CREATE TABLE hz_dependent.items (id integer PRIMARY KEY, price numeric NOT NULL);
				CREATE FUNCTION hz_dependent.doubled(p numeric) RETURNS numeric LANGUAGE sql AS 'SELECT p * 2';
				CREATE VIEW hz_dependent.priced AS SELECT id, hz_dependent.doubled(price) AS price FROM hz_dependent.items;
				COMMENT ON VIEW hz_dependent.priced IS 'Doubled prices';
				GRANT SELECT ON hz_dependent.priced TO %s;
				""".formatted(this.role));
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION hz_dependent.doubled(p numeric) RETURNS double precision LANGUAGE sql
				    AS 'SELECT (p * 2)::double precision';
				""");
		MigrationPlan plan = engine("hz_dependent", false).plan(declared);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactly(
					tuple("DROP VIEW hz_dependent.priced", lock("hz_dependent.priced", LockMode.ACCESS_EXCLUSIVE),
							Set.of(Hazard.DROPS_DEPENDENT)),
					tuple("DROP FUNCTION hz_dependent.doubled(numeric)", null, Set.of()),
					tuple("CREATE OR REPLACE FUNCTION hz_dependent.doubled(p numeric)", null, Set.of()),
					tuple("CREATE VIEW hz_dependent.priced AS", null, Set.of()),
					tuple("COMMENT ON VIEW hz_dependent.priced IS 'Doubled prices'", null, Set.of()),
					tuple("GRANT SELECT ON TABLE hz_dependent.priced TO " + this.role, null, Set.of()));
		assertThat(plan.steps()).extracting(PlannedStatement::identity)
			.containsExactly("hz_dependent.priced", "hz_dependent.doubled(numeric)", "hz_dependent.doubled(numeric)",
					"hz_dependent.priced", "hz_dependent.priced", "hz_dependent.priced");
		assertLocksObserved(plan);
	}

	@Test
	void viewReplacedInPlaceAndCommentedLockTheView() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_replace;
				CREATE TABLE hz_replace.items (id integer PRIMARY KEY, price numeric NOT NULL);
				CREATE VIEW hz_replace.ids AS SELECT id FROM hz_replace.items;
				CREATE FUNCTION hz_replace.one() RETURNS integer LANGUAGE sql AS 'SELECT 1';
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW hz_replace.ids AS SELECT id, price FROM hz_replace.items;
				COMMENT ON VIEW hz_replace.ids IS 'Item ids';
				CREATE FUNCTION hz_replace.one() RETURNS integer LANGUAGE sql AS 'SELECT 2';
				""");
		MigrationPlan plan = engine("hz_replace", false).plan(declared);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactlyInAnyOrder(
					tuple("CREATE OR REPLACE FUNCTION hz_replace.one()", null, Set.of()),
					tuple("CREATE OR REPLACE VIEW hz_replace.ids AS", lock("hz_replace.ids", LockMode.ACCESS_EXCLUSIVE),
							Set.of()),
					tuple("COMMENT ON VIEW hz_replace.ids IS 'Item ids'",
							lock("hz_replace.ids", LockMode.SHARE_UPDATE_EXCLUSIVE), Set.of()));
		assertLocksObserved(plan);
	}

	@Test
	void materializedViewCreatedWithDataRunsItsQueryAndIndexChangesLockIt() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_matview;
				CREATE TABLE hz_matview.items (id integer PRIMARY KEY, price numeric NOT NULL);
				CREATE MATERIALIZED VIEW hz_matview.prices AS SELECT id, price FROM hz_matview.items;
				CREATE INDEX prices_id ON hz_matview.prices (id);
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW hz_matview.prices AS SELECT id, price FROM hz_matview.items;
				CREATE UNIQUE INDEX prices_id ON hz_matview.prices (id);
				CREATE MATERIALIZED VIEW hz_matview.totals AS SELECT sum(price) AS total FROM hz_matview.items;
				CREATE INDEX totals_total ON hz_matview.totals (total);
				CREATE MATERIALIZED VIEW hz_matview.later AS SELECT count(*) AS n FROM hz_matview.items WITH NO DATA;
				""");
		MigrationPlan plan = engine("hz_matview", false).plan(declared);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactlyInAnyOrder(
					tuple("DROP INDEX hz_matview.prices_id", lock("hz_matview.prices", LockMode.ACCESS_EXCLUSIVE),
							Set.of()),
					tuple("CREATE UNIQUE INDEX prices_id ON hz_matview.prices USING btree (id)",
							lock("hz_matview.prices", LockMode.SHARE), Set.of()),
					tuple("CREATE MATERIALIZED VIEW hz_matview.totals AS", null, Set.of(Hazard.RUNS_QUERY)),
					tuple("CREATE INDEX totals_total ON hz_matview.totals USING btree (total)", null, Set.of()),
					tuple("CREATE MATERIALIZED VIEW hz_matview.later AS", null, Set.of()));
		assertLocksObserved(plan);
	}

	@Test
	void triggersLockTheirTable() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_trigger;
				CREATE TABLE hz_trigger.items (id integer PRIMARY KEY, edited timestamptz);
				CREATE FUNCTION hz_trigger.touch() RETURNS trigger LANGUAGE plpgsql
				    AS 'BEGIN NEW.edited = now(); RETURN NEW; END';
				CREATE TRIGGER touch BEFORE UPDATE ON hz_trigger.items FOR EACH ROW EXECUTE FUNCTION hz_trigger.touch();
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION hz_trigger.touch() RETURNS trigger LANGUAGE plpgsql
				    AS 'BEGIN NEW.edited = now(); RETURN NEW; END';
				CREATE TRIGGER touch BEFORE INSERT OR UPDATE ON hz_trigger.items
				    FOR EACH ROW EXECUTE FUNCTION hz_trigger.touch();
				CREATE TRIGGER stamp BEFORE INSERT ON hz_trigger.items FOR EACH ROW EXECUTE FUNCTION hz_trigger.touch();
				COMMENT ON TRIGGER stamp ON hz_trigger.items IS 'Stamps inserts';
				""");
		MigrationPlan plan = engine("hz_trigger", false).plan(declared);
		Lock exclusive = lock("hz_trigger.items", LockMode.ACCESS_EXCLUSIVE);
		Lock shareRowExclusive = lock("hz_trigger.items", LockMode.SHARE_ROW_EXCLUSIVE);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactlyInAnyOrder(tuple("DROP TRIGGER touch ON hz_trigger.items", exclusive, Set.of()),
					tuple("CREATE TRIGGER touch BEFORE INSERT OR UPDATE ON hz_trigger.items FOR EACH ROW EXECUTE FUNCTION hz...",
							shareRowExclusive, Set.of()),
					tuple("CREATE TRIGGER stamp BEFORE INSERT ON hz_trigger.items FOR EACH ROW EXECUTE FUNCTION hz_trigger.t...",
							shareRowExclusive, Set.of()),
					tuple("COMMENT ON TRIGGER stamp ON hz_trigger.items IS 'Stamps inserts'",
							lock("hz_trigger.items", LockMode.ACCESS_SHARE), Set.of()));
		assertLocksObserved(plan);
	}

	@Test
	void policiesLockTheirTableAndChangeAccess() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_policy;
				CREATE TABLE hz_policy.notes (id integer PRIMARY KEY, author name NOT NULL);
				ALTER TABLE hz_policy.notes ENABLE ROW LEVEL SECURITY;
				CREATE POLICY own ON hz_policy.notes USING (author = current_user);
				CREATE POLICY legacy ON hz_policy.notes FOR SELECT USING (true);
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE POLICY own ON hz_policy.notes USING (author = session_user);
				CREATE POLICY readers ON hz_policy.notes FOR SELECT TO %s USING (id > 0);
				""".formatted(this.role));
		MigrationPlan plan = engine("hz_policy", true).plan(declared);
		Lock exclusive = lock("hz_policy.notes", LockMode.ACCESS_EXCLUSIVE);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactlyInAnyOrder(
					tuple("DROP POLICY legacy ON hz_policy.notes", exclusive,
							Set.of(Hazard.CHANGES_ACCESS, Hazard.DROPS_UNDECLARED)),
					tuple("DROP POLICY own ON hz_policy.notes", exclusive, Set.of()),
					tuple("CREATE POLICY own ON hz_policy.notes AS PERMISSIVE FOR ALL TO PUBLIC USING ((author = SESSION_USER))",
							exclusive, Set.of(Hazard.CHANGES_ACCESS)),
					tuple("CREATE POLICY readers ON hz_policy.notes AS PERMISSIVE FOR SELECT TO " + this.role + " USING ...",
							exclusive, Set.of(Hazard.CHANGES_ACCESS)));
		assertLocksObserved(plan);
	}

	@Test
	void securityAttributesOwnersAndDeclaredPrivilegesChangeAccess() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_access;
				CREATE TABLE hz_access.items (id integer PRIMARY KEY);
				CREATE FUNCTION hz_access.total() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM hz_access.items';
				CREATE VIEW hz_access.ids AS SELECT id FROM hz_access.items;
				CREATE VIEW hz_access.shown AS SELECT id FROM hz_access.items;
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION hz_access.total() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog
				    AS 'SELECT count(*) FROM hz_access.items';
				CREATE VIEW hz_access.ids WITH (security_barrier = true) AS SELECT id FROM hz_access.items;
				CREATE VIEW hz_access.shown AS SELECT id FROM hz_access.items;
				GRANT SELECT ON hz_access.shown TO PUBLIC;
				ALTER VIEW hz_access.shown OWNER TO %s;
				""".formatted(this.role));
		MigrationPlan plan = engine("hz_access", false).plan(declared);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactlyInAnyOrder(
					tuple("CREATE OR REPLACE FUNCTION hz_access.total()", null, Set.of(Hazard.CHANGES_ACCESS)),
					tuple("CREATE OR REPLACE VIEW hz_access.ids WITH (security_barrier=true) AS",
							lock("hz_access.ids", LockMode.ACCESS_EXCLUSIVE), Set.of(Hazard.CHANGES_ACCESS)),
					tuple("ALTER VIEW hz_access.shown OWNER TO " + this.role,
							lock("hz_access.shown", LockMode.ACCESS_EXCLUSIVE), Set.of(Hazard.CHANGES_ACCESS)),
					tuple("GRANT SELECT ON TABLE hz_access.shown TO PUBLIC", null, Set.of(Hazard.CHANGES_ACCESS)));
		assertLocksObserved(plan);
	}

	@Test
	void undeclaredObjectsAreDroppedForGoodOnlyWhenUndeclaredObjectsAreDropped() throws SQLException {
		this.database.execute("""
				CREATE SCHEMA hz_undeclared;
				CREATE TABLE hz_undeclared.items (id integer PRIMARY KEY);
				CREATE VIEW hz_undeclared.old_ids AS SELECT id FROM hz_undeclared.items;
				CREATE FUNCTION hz_undeclared.helper() RETURNS integer LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';
				""");
		List<PgEntity> declared = PgEntities.fromSql("CREATE VIEW hz_undeclared.ids AS SELECT id FROM hz_undeclared.items");
		assertThat(engine("hz_undeclared", false).plan(declared).hazards()).isEmpty();
		MigrationPlan plan = engine("hz_undeclared", true).plan(declared);
		assertThat(plan.steps()).extracting(PlannedStatement::firstLine, PlannedStatement::lock, PlannedStatement::hazards)
			.containsExactlyInAnyOrder(
					tuple("DROP VIEW hz_undeclared.old_ids", lock("hz_undeclared.old_ids", LockMode.ACCESS_EXCLUSIVE),
							Set.of(Hazard.DROPS_UNDECLARED)),
					tuple("DROP FUNCTION hz_undeclared.helper()", null,
							Set.of(Hazard.DROPS_UNDECLARED, Hazard.CHANGES_ACCESS)),
					tuple("CREATE VIEW hz_undeclared.ids AS", null, Set.of()));
		assertLocksObserved(plan);
	}

	private PgEntitiesEngine engine(String schema, boolean dropUndeclared) {
		return PgEntitiesEngine.builder(this.database.dataSource()).schemas(schema).dropUndeclared(dropUndeclared).build();
	}

	private static Lock lock(String relation, LockMode mode) {
		return new Lock(relation, mode);
	}

	/**
	 * Runs the plan in a transaction that is rolled back and checks, after each statement,
	 * the relation locks its backend newly holds, as another connection sees them.
	 */
	private void assertLocksObserved(MigrationPlan plan) throws SQLException {
		try (Connection applying = this.database.connect(); Connection observing = this.database.connect()) {
			applying.setAutoCommit(false);
			int pid;
			try (Statement statement = applying.createStatement();
					ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
				row.next();
				pid = row.getInt(1);
			}
			try {
				Set<Lock> held = locks(observing, pid);
				for (PlannedStatement step : plan.steps()) {
					try (Statement statement = applying.createStatement()) {
						statement.execute(step.sql());
					}
					Set<Lock> now = locks(observing, pid);
					Set<Lock> taken = new HashSet<>(now);
					taken.removeAll(held);
					Lock planned = step.lock();
					if (planned != null) {
						assertThat(now).as("locks held after %s", step.sql()).contains(planned);
						assertThat(taken).as("locks taken by %s", step.sql())
							.filteredOn((lock) -> lock.relation().equals(planned.relation()))
							.allSatisfy((lock) -> assertThat(lock.mode()).isLessThanOrEqualTo(planned.mode()));
					}
					assertThat(taken).as("locks taken by %s besides %s", step.sql(), planned)
						.filteredOn((lock) -> planned == null || !lock.relation().equals(planned.relation()))
						.allSatisfy((lock) -> assertThat(lock.mode()).isEqualTo(LockMode.ACCESS_SHARE));
					held = now;
				}
			}
			finally {
				applying.rollback();
			}
		}
	}

	private static Set<Lock> locks(Connection observing, int pid) throws SQLException {
		Set<Lock> locks = new HashSet<>();
		try (PreparedStatement statement = observing.prepareStatement(LOCKS)) {
			statement.setInt(1, pid);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String mode = rows.getString("mode");
					locks.add(new Lock(Identifiers.qualify(rows.getString("nspname"), rows.getString("relname")),
							List.of(LockMode.values()).stream().filter((m) -> m.lockName().equals(mode)).findFirst().orElseThrow()));
				}
			}
		}
		return locks;
	}

}
