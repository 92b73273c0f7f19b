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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityRejectedException;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.PlanExecutionException;
import io.pgentities.embedded.EmbeddedPostgres;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what a check or an apply leaves behind when something fails underneath it: the
 * connection killed in the middle of a check or of a plan, {@code statement_timeout} hit,
 * and the server restarted between check and apply. After each fault the database must be
 * entirely as before the plan or entirely as after it, hold no scratch schema, and converge
 * on the next check and apply.
 */
@PostgresTest
class FaultTests {

	private static final String SCHEMA_SQL = """
			CREATE SCHEMA faults;
			CREATE TABLE faults.accounts (id integer PRIMARY KEY, owner_name text NOT NULL,
			    balance numeric(12, 2) NOT NULL DEFAULT 0, last_edited timestamptz);
			INSERT INTO faults.accounts (id, owner_name, balance)
			    SELECT g, 'owner ' || (g % 7), g * 10 FROM generate_series(1, 100) g;
			CREATE FUNCTION faults.touch() RETURNS trigger LANGUAGE plpgsql
			    AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
			""";

	private static final String RESET_SQL = """
			DROP MATERIALIZED VIEW IF EXISTS faults.slow_totals;
			DROP VIEW IF EXISTS faults.rich;
			DROP FUNCTION IF EXISTS faults.balance_of(integer);
			DROP TRIGGER IF EXISTS touch ON faults.accounts;
			DROP POLICY IF EXISTS own ON faults.accounts;
			""";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final TestDatabase database;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	FaultTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute(SCHEMA_SQL);
	}

	@BeforeEach
	void removeDeclaredEntities() {
		this.database.execute(RESET_SQL);
	}

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	static List<PgEntity> declared() {
		return List.of(
				PgFunction.of("faults", "touch()",
						"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$"),
				PgFunction.of("faults", "balance_of(p_id integer)",
						"RETURNS numeric LANGUAGE sql STABLE "
								+ "AS $$ SELECT balance FROM faults.accounts WHERE id = p_id $$"),
				PgView.of("faults", "rich", "SELECT id, owner_name, balance FROM faults.accounts WHERE balance > 500"),
				PgTrigger.of("faults", "touch", "accounts",
						"BEFORE UPDATE ON faults.accounts FOR EACH ROW EXECUTE FUNCTION faults.touch()"),
				PgPolicy.of("faults", "own", "accounts", "USING (owner_name = current_user)"),
				// its query sleeps, so that applying the plan takes a while
				PgMaterializedView.of("faults", "slow_totals",
						"SELECT r.owner_name, sum(r.balance) AS total FROM faults.rich r, pg_sleep(2) "
								+ "GROUP BY r.owner_name"));
	}

	@Test
	void connectionKilledInTheMiddleOfACheckLeavesNothingBehind() throws Exception {
		String before = fingerprint();
		Throwable failure = killCheckWaitingForALock();
		assertThat(failure).isInstanceOf(PgEntitiesException.class).isNotInstanceOf(EntityRejectedException.class);
		assertUnchangedAndConverges(before);
	}

	@Test
	void connectionKilledInTheMiddleOfACheckFailsWithPostgresReason() throws Exception {
		Throwable failure = killCheckWaitingForALock();
		assertThat(messages(failure)).contains("terminating connection due to administrator command");
	}

	private Throwable killCheckWaitingForALock() throws Exception {
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.lockTimeout(Duration.ofMinutes(1))
			.build();
		try (Connection migration = this.database.connect()) {
			// a migration holds the table the declarations read: the simulation waits for it
			lockAccounts(migration);
			Future<DriftReport> check = this.executor.submit(() -> engine.check(declared()));
			int pid = awaitBackend("wait_event_type = 'Lock' AND query LIKE '%pgentities\\_sim\\_%'");
			assertThat(scratchSchemasSeenBy(pid)).isTrue();
			terminate(pid);
			Throwable failure = failureOf(check);
			migration.rollback();
			return failure;
		}
	}

	@Test
	void connectionKilledInTheMiddleOfApplyingAPlanLeavesTheDatabaseAsBefore() throws Exception {
		String before = fingerprint();
		Throwable failure = killApplyRunningTheSlowStatement();
		assertThat(failure).isInstanceOf(PgEntitiesException.class);
		assertUnchangedAndConverges(before);
	}

	@Test
	void connectionKilledInTheMiddleOfApplyingAPlanFailsNamingTheStatementAndPostgresReason() throws Exception {
		Throwable failure = killApplyRunningTheSlowStatement();
		assertThat(failure).isInstanceOf(PlanExecutionException.class);
		assertThat(((PlanExecutionException) failure).getStatement()).contains("CREATE MATERIALIZED VIEW");
		assertThat(messages(failure)).contains("terminating connection due to administrator command");
	}

	private Throwable killApplyRunningTheSlowStatement() throws Exception {
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		MigrationPlan plan = engine.plan(declared());
		// the materialized view comes after the view it reads: statements before it have run when it is killed
		assertThat(plan.statements()).filteredOn((statement) -> statement.contains("CREATE MATERIALIZED VIEW"))
			.singleElement()
			.satisfies((statement) -> assertThat(plan.statements().indexOf(statement)).isGreaterThan(1));
		Future<?> apply = this.executor.submit(() -> engine.apply(plan));
		int pid = awaitBackend("state = 'active' AND query LIKE '%CREATE MATERIALIZED VIEW faults.slow_totals%'");
		terminate(pid);
		return failureOf(apply);
	}

	@Test
	void statementTimeoutDuringACheckFailsNamingTheTimeoutAndLeavesNothingBehind() throws Exception {
		String before = fingerprint();
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.lockTimeout(Duration.ofMinutes(1))
			.statementTimeout(Duration.ofMillis(100))
			.build();
		try (Connection migration = this.database.connect()) {
			lockAccounts(migration);
			long start = System.nanoTime();
			Future<DriftReport> check = this.executor.submit(() -> engine.check(declared()));
			Throwable failure = failureOf(check);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(failure).isInstanceOf(PgEntitiesException.class);
			assertThat(messages(failure)).contains("canceling statement due to statement timeout");
			migration.rollback();
		}
		assertUnchangedAndConverges(before);
	}

	@Test
	void serverRestartedBetweenCheckAndApply() throws Exception {
		Path dataDirectory = Path.of("target", "reliability-restart-" + UUID.randomUUID()).toAbsolutePath();
		try {
			int port;
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			MigrationPlan plan;
			String before;
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(dataDirectory).start()) {
				port = postgres.port();
				dataSource.setURL(postgres.jdbcUrl("postgres"));
				dataSource.setUser(postgres.user());
				execute(dataSource, SCHEMA_SQL);
				before = CatalogFingerprint.of(dataSource, "faults.accounts");
				plan = PgEntitiesEngine.create(dataSource).plan(declared());
				assertThat(plan.isEmpty()).isFalse();
			}
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.dataDirectory(dataDirectory)
				.port(port)
				.start()) {
				assertThat(CatalogFingerprint.of(dataSource, "faults.accounts")).isEqualTo(before);
				PgEntitiesEngine engine = PgEntitiesEngine.create(dataSource);
				// the plan of the check before the restart still describes this database
				engine.apply(plan);
				assertThat(engine.check(declared()).drifted()).isEmpty();
				assertThat(engine.plan(declared()).isEmpty()).isTrue();
				assertThat(CatalogFingerprint.scratchSchemas(dataSource)).isZero();
			}
		}
		finally {
			deleteRecursively(dataDirectory);
		}
	}

	private void assertUnchangedAndConverges(String before) throws SQLException {
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
		assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND state LIKE 'idle in transaction%'")).isZero();
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		// fully before the plan: everything the plan creates is missing again
		assertThat(engine.check(declared()).drifted()).extracting(EntityDrift::status)
			.containsExactly(DriftStatus.MISSING, DriftStatus.MISSING, DriftStatus.MISSING, DriftStatus.MISSING,
					DriftStatus.MISSING);
		engine.apply(engine.plan(declared()));
		assertThat(engine.check(declared()).drifted()).isEmpty();
		assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
	}

	private static void lockAccounts(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE faults.accounts IN ACCESS EXCLUSIVE MODE");
		}
	}

	private int awaitBackend(String condition) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		String sql = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
				+ "AND pid <> pg_backend_pid() AND " + condition;
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			while (System.nanoTime() < deadline) {
				try (ResultSet result = statement.executeQuery(sql)) {
					if (result.next()) {
						return result.getInt(1);
					}
				}
				Thread.sleep(20);
			}
		}
		throw new AssertionError("No backend of " + this.database + " matched " + condition + " within " + WAIT);
	}

	private boolean scratchSchemasSeenBy(int pid) throws SQLException {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection
					.prepareStatement("SELECT query FROM pg_stat_activity WHERE pid = ?")) {
			statement.setInt(1, pid);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getString(1).contains("pgentities_sim_");
			}
		}
	}

	private void terminate(int pid) throws SQLException {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
			statement.setInt(1, pid);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				assertThat(result.getBoolean(1)).as("backend %s terminated", pid).isTrue();
			}
		}
	}

	private static Throwable failureOf(Future<?> future) throws InterruptedException {
		try {
			future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("Still running after " + WAIT, ex);
		}
		throw new AssertionError("Expected a failure, but it succeeded");
	}

	/**
	 * The messages of a throwable, its causes and what they suppressed.
	 */
	private static String messages(Throwable throwable) {
		StringBuilder messages = new StringBuilder();
		collectMessages(throwable, messages, 0);
		return messages.toString();
	}

	private static void collectMessages(Throwable throwable, StringBuilder messages, int depth) {
		if (throwable == null || depth > 10) {
			return;
		}
		messages.append(throwable).append('\n');
		for (Throwable suppressed : throwable.getSuppressed()) {
			collectMessages(suppressed, messages, depth + 1);
		}
		collectMessages(throwable.getCause(), messages, depth + 1);
	}

	private String fingerprint() {
		return CatalogFingerprint.of(this.database.dataSource(), "faults.accounts");
	}

	private int count(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.isSymbolicLink(directory)) {
			// The launcher keeps the cluster elsewhere when its server user (as root) cannot reach target
			Path cluster = directory.toRealPath();
			Files.delete(directory);
			deleteRecursively(cluster);
			return;
		}
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
