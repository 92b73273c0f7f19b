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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for checks and reconciliations running while an application works: checks must not
 * make the clients of the managed views and tables fail, nor wait longer than the CPU the
 * checks take from them explains (measured by running the same checks against another
 * database meanwhile), and instances reconciling at the same moment must apply once. Client
 * latencies are printed, to be found in the surefire output.
 */
@PostgresTest
class ConcurrencyTests {

	private static final int CLIENTS = 8;

	private static final int CHECKS = 150;

	private static final int ROUNDS = 150;

	private static final int ACCOUNTS = 2000;

	private static final long PAUSE_MILLIS = 1;

	private static final double ALLOWED_P99_INCREASE = 0.20;

	private static final int SPARE_CPUS = 4;

	private static final String ACCOUNTS_TABLE = """
			CREATE SCHEMA load;
			CREATE TABLE load.accounts (id integer PRIMARY KEY, owner_name text NOT NULL,
			    balance numeric(14, 2) NOT NULL DEFAULT 0, last_edited timestamptz);
			INSERT INTO load.accounts (id, owner_name, balance)
			    SELECT g, 'owner ' || (g %% 50), g FROM generate_series(1, %d) g;
			ANALYZE load.accounts;
			""".formatted(ACCOUNTS);

	private final TestDatabase database;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	ConcurrencyTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute(ACCOUNTS_TABLE);
		PgEntitiesEngine.create(database.dataSource()).reconcile(declared());
	}

	@AfterEach
	void stopExecutor() {
		this.executor.shutdownNow();
	}

	static List<PgEntity> declared() {
		return List.of(
				PgFunction.of("load", "touch()",
						"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$"),
				PgFunction.of("load", "balance_of(p_id integer)",
						"RETURNS numeric LANGUAGE sql STABLE "
								+ "AS $$ SELECT balance FROM load.accounts WHERE id = p_id $$"),
				PgView.of("load", "account_balances", "SELECT id, owner_name, balance FROM load.accounts"),
				PgView.of("load", "rich_accounts",
						"SELECT id, owner_name, balance FROM load.account_balances WHERE balance > 1000"),
				PgMaterializedView.of("load", "owner_totals",
						"SELECT owner_name, sum(balance) AS total FROM load.accounts GROUP BY owner_name"),
				PgTrigger.of("load", "touch", "accounts",
						"BEFORE UPDATE ON load.accounts FOR EACH ROW EXECUTE FUNCTION load.touch()"),
				PgPolicy.of("load", "own", "accounts", "USING (owner_name = current_user)"));
	}

	@Test
	void checksMakeClientsWaitNoLongerThanTheirCpuCostAloneAndNeverFail() throws Exception {
		Measurement measurement = measure();
		assertThat(measurement.errors).as("client errors").isEmpty();
		// what the checks do to the clients beyond taking CPU: p99 compared with the same checks
		// against another database of the server, which shares nothing with the clients
		assertThat(measurement.p99(Phase.WITH_CHECKS)).as("client p99 with checks running (ms): %s", measurement)
			.isLessThanOrEqualTo(measurement.p99(Phase.CHECKS_ELSEWHERE) * (1 + ALLOWED_P99_INCREASE));
	}

	@Test
	void checksMakeClientsWaitNoticeablyLongerOnlyWhereTheyTakeCpuFromThem() throws Exception {
		// with two CPUs, as on the CI machine, a check takes CPU from the clients that any other
		// work would take (the test above measures that); with spare CPUs it must not show
		assumeTrue(Runtime.getRuntime().availableProcessors() >= SPARE_CPUS, () -> "only "
				+ Runtime.getRuntime().availableProcessors() + " CPUs: clients and checks compete for them");
		Measurement measurement = measure();
		assertThat(measurement.errors).as("client errors").isEmpty();
		assertThat(measurement.p99(Phase.WITH_CHECKS)).as("client p99 with checks running (ms): %s", measurement)
			.isLessThanOrEqualTo(measurement.p99(Phase.WITHOUT_CHECKS) * (1 + ALLOWED_P99_INCREASE));
	}

	private Measurement measure() throws Exception {
		// checks use a connection pool, as in an application
		try (TestDatabase elsewhere = TestDatabase.create();
				HikariDataSource managedPool = pool(this.database);
				HikariDataSource elsewherePool = pool(elsewhere)) {
			elsewhere.execute(ACCOUNTS_TABLE);
			PgEntitiesEngine engine = PgEntitiesEngine.create(managedPool);
			PgEntitiesEngine control = PgEntitiesEngine.create(elsewherePool);
			control.reconcile(declared());
			Measurement measurement = measure(engine, control);
			System.out.println("[ConcurrencyTests] " + measurement);
			assertThat(measurement.checks).isEqualTo(CHECKS);
			assertThat(measurement.latencies(Phase.WITH_CHECKS)).hasSizeGreaterThanOrEqualTo(2000);
			assertThat(measurement.latencies(Phase.WITHOUT_CHECKS)).hasSizeGreaterThanOrEqualTo(2000);
			assertThat(measurement.latencies(Phase.CHECKS_ELSEWHERE)).hasSizeGreaterThanOrEqualTo(2000);
			return measurement;
		}
	}

	private Measurement measure(PgEntitiesEngine engine, PgEntitiesEngine control) throws Exception {
		Phase phase = new Phase();
		AtomicBoolean stop = new AtomicBoolean();
		List<Future<Client>> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			clients.add(this.executor.submit(() -> runClient(phase, stop)));
		}
		// warm up the clients, the server and the checks' code before measuring
		for (int i = 0; i < 5; i++) {
			assertThat(engine.check(declared()).inSync()).isTrue();
			assertThat(control.check(declared()).inSync()).isTrue();
		}
		Thread.sleep(2000);
		Measurement measurement = new Measurement();
		for (int round = 0; round < ROUNDS; round++) {
			// the phases take turns, and in a different order each round, so that they all see
			// the same background load of the machine
			long duration = 0;
			for (int turn = 0; turn < 3; turn++) {
				switch ((round + turn) % 3) {
					case 0 -> {
						phase.set(Phase.WITH_CHECKS);
						duration = runChecks(engine, CHECKS / ROUNDS);
						measurement.checks += CHECKS / ROUNDS;
						measurement.checksNanos += duration;
					}
					case 1 -> {
						phase.set(Phase.CHECKS_ELSEWHERE);
						runChecks(control, CHECKS / ROUNDS);
					}
					default -> {
						phase.set(Phase.WITHOUT_CHECKS);
						// as long as the last checks took, or as long as one check on the first turn
						TimeUnit.NANOSECONDS.sleep((duration > 0) ? duration : runChecksDuration(measurement));
					}
				}
			}
		}
		phase.set(Phase.IDLE);
		stop.set(true);
		for (Future<Client> future : clients) {
			measurement.add(future.get(1, TimeUnit.MINUTES));
		}
		return measurement;
	}

	private static long runChecks(PgEntitiesEngine engine, int count) {
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			DriftReport report = engine.check(declared());
			assertThat(report.inSync()).isTrue();
		}
		return System.nanoTime() - start;
	}

	private static long runChecksDuration(Measurement measurement) {
		return (measurement.checks > 0) ? measurement.checksNanos / measurement.checks * (CHECKS / ROUNDS)
				: TimeUnit.SECONDS.toNanos(1);
	}

	@Test
	void instancesReconcilingAtTheSameMomentApplyOnce() throws Exception {
		List<PgEntity> declared = declared();
		for (int round = 0; round < 3; round++) {
			this.database.execute("""
					DROP MATERIALIZED VIEW load.owner_totals;
					DROP VIEW load.rich_accounts;
					DROP FUNCTION load.balance_of(integer);
					DROP POLICY own ON load.accounts;
					""");
			// two application instances, each with its own data source and engine
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<Analysis>> instances = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				PgEntitiesEngine engine = PgEntitiesEngine.create(newDataSource());
				instances.add(this.executor.submit(() -> {
					start.await();
					return engine.reconcile(declared);
				}));
			}
			List<Analysis> analyses = new ArrayList<>();
			for (Future<Analysis> instance : instances) {
				analyses.add(instance.get(1, TimeUnit.MINUTES));
			}
			assertThat(analyses).filteredOn((analysis) -> !analysis.plan().isEmpty()).singleElement().satisfies(
					(applied) -> assertThat(applied.report().drifted()).hasSize(4));
			assertThat(analyses).filteredOn((analysis) -> analysis.plan().isEmpty()).singleElement().satisfies(
					(inSync) -> assertThat(inSync.report().inSync()).isTrue());
			assertThat(PgEntitiesEngine.create(this.database.dataSource()).check(declared).inSync()).isTrue();
			assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
		}
	}

	@Test
	void checksOfSeveralInstancesAtOnceDoNotWaitForEachOther() throws Exception {
		CyclicBarrier start = new CyclicBarrier(4);
		List<Future<List<DriftReport>>> instances = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			PgEntitiesEngine engine = PgEntitiesEngine.create(newDataSource());
			instances.add(this.executor.submit(() -> {
				start.await();
				List<DriftReport> reports = new ArrayList<>();
				for (int j = 0; j < 5; j++) {
					reports.add(engine.check(declared()));
				}
				return reports;
			}));
		}
		for (Future<List<DriftReport>> instance : instances) {
			assertThat(instance.get(1, TimeUnit.MINUTES)).hasSize(5).allSatisfy((report) -> {
				assertThat(report.inSync()).isTrue();
				assertThat(report.entities()).hasSize(declared().size());
			});
		}
		assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
	}

	private Client runClient(Phase phase, AtomicBoolean stop) throws SQLException, InterruptedException {
		Client client = new Client();
		try (Connection connection = this.database.connect();
				PreparedStatement read = connection
					.prepareStatement("SELECT id, owner_name, balance FROM load.account_balances WHERE id = ?");
				PreparedStatement readRich = connection.prepareStatement(
						"SELECT count(*), load.balance_of(?) FROM load.rich_accounts WHERE owner_name = 'owner 7'");
				PreparedStatement update = connection
					.prepareStatement("UPDATE load.accounts SET balance = balance + 1 WHERE id = ?")) {
			long operation = 0;
			while (!stop.get()) {
				int id = ThreadLocalRandom.current().nextInt(1, ACCOUNTS + 1);
				PreparedStatement statement = switch ((int) (operation++ % 3)) {
					case 0 -> read;
					case 1 -> readRich;
					default -> update;
				};
				int current = phase.get();
				long start = System.nanoTime();
				try {
					statement.setInt(1, id);
					if (statement == update) {
						statement.executeUpdate();
					}
					else {
						try (ResultSet result = statement.executeQuery()) {
							while (result.next()) {
								result.getObject(1);
							}
						}
					}
					client.record(current, System.nanoTime() - start);
				}
				catch (SQLException ex) {
					client.errors.add(ex.getMessage());
				}
				// a steady load of a few thousand statements a second, not clients that spin
				Thread.sleep(PAUSE_MILLIS);
			}
		}
		return client;
	}

	private static HikariDataSource pool(TestDatabase database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(database.user());
		pool.setPassword(database.password());
		pool.setMaximumPoolSize(2);
		return pool;
	}

	private PGSimpleDataSource newDataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.database.jdbcUrl());
		dataSource.setUser(this.database.user());
		dataSource.setPassword(this.database.password());
		return dataSource;
	}

	private static double percentile(List<Long> nanos, double fraction) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(fraction * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	/**
	 * What is running besides the clients: what each client latency is counted under.
	 */
	private static final class Phase {

		static final int IDLE = 0;

		static final int WITH_CHECKS = 1;

		static final int WITHOUT_CHECKS = 2;

		static final int CHECKS_ELSEWHERE = 3;

		private volatile int value = IDLE;

		int get() {
			return this.value;
		}

		void set(int value) {
			this.value = value;
		}

	}

	/**
	 * What one client measured.
	 */
	private static final class Client {

		private final Map<Integer, List<Long>> latencies = new HashMap<>();

		private final List<String> errors = new ArrayList<>();

		void record(int phase, long nanos) {
			if (phase != Phase.IDLE) {
				this.latencies.computeIfAbsent(phase, (key) -> new ArrayList<>()).add(nanos);
			}
		}

	}

	/**
	 * What all clients measured, with the checks that ran meanwhile.
	 */
	private static final class Measurement {

		private final Map<Integer, List<Long>> latencies = new HashMap<>();

		private final List<String> errors = new ArrayList<>();

		private int checks;

		private long checksNanos;

		void add(Client client) {
			client.latencies.forEach((phase, nanos) -> latencies(phase).addAll(nanos));
			this.errors.addAll(client.errors);
		}

		List<Long> latencies(int phase) {
			return this.latencies.computeIfAbsent(phase, (key) -> new ArrayList<>());
		}

		double p99(int phase) {
			return percentile(latencies(phase), 0.99);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%d checks in %d ms with %d clients; client p99 without checks %.3f ms (%d operations), "
							+ "with checks %.3f ms (%d operations, %+.1f%%), with the same checks on another "
							+ "database %.3f ms (%d operations, %+.1f%%); p50 %.3f / %.3f / %.3f ms",
					this.checks, TimeUnit.NANOSECONDS.toMillis(this.checksNanos), CLIENTS, p99(Phase.WITHOUT_CHECKS),
					latencies(Phase.WITHOUT_CHECKS).size(), p99(Phase.WITH_CHECKS),
					latencies(Phase.WITH_CHECKS).size(), increase(Phase.WITH_CHECKS), p99(Phase.CHECKS_ELSEWHERE),
					latencies(Phase.CHECKS_ELSEWHERE).size(), increase(Phase.CHECKS_ELSEWHERE),
					percentile(latencies(Phase.WITHOUT_CHECKS), 0.5), percentile(latencies(Phase.WITH_CHECKS), 0.5),
					percentile(latencies(Phase.CHECKS_ELSEWHERE), 0.5));
		}

		private double increase(int phase) {
			return (p99(phase) / p99(Phase.WITHOUT_CHECKS) - 1) * 100;
		}

	}

}
