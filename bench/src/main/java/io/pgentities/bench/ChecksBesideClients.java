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

package io.pgentities.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.pgentities.DriftReport;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import org.jspecify.annotations.Nullable;

/**
 * Measures what consecutive checks cost the other clients of the database: client threads
 * read the workload's views and update its tables, a row at a time with a short pause, while
 * in turn nothing else runs, checks run one after another, and a plain session sends
 * {@code SELECT 1} one after another. The turns take as long as the last check and rotate
 * every round, so that all three see the same background load of the machine. The plain
 * session is the least any other connection to the server can do; it shows what the machine
 * charges for any concurrent work at all.
 */
final class ChecksBesideClients {

	/**
	 * The checks measured, one per round.
	 */
	static final int CHECKS = 50;

	private static final int ROWS = 2000;

	private static final int NAMES = 50;

	private static final long PAUSE_MILLIS = 1;

	private static final long SETTLE_MILLIS = 1000;

	private final int clients;

	private final int warmup;

	/**
	 * Creates the measurement.
	 * @param clients the client threads
	 * @param warmup the checks run, beside the clients, before measuring
	 */
	ChecksBesideClients(int clients, int warmup) {
		this.clients = clients;
		this.warmup = warmup;
	}

	/**
	 * Fills the tables the clients use, then measures.
	 * @param database a database holding the workload's tables and entities
	 * @param workload the workload
	 * @param entities the entities to check, all in sync
	 * @return the measurement
	 * @throws Exception if the database fails
	 */
	ClientLatency measure(BenchDatabase database, Workload workload, List<PgEntity> entities) throws Exception {
		int tables = Math.min(workload.scale(), this.clients);
		for (int table = 0; table < tables; table++) {
			database.execute("""
					INSERT INTO public.item_%1$d (name, qty, price)
					    SELECT 'name ' || (g %% %2$d), 1 + g %% 5, g FROM generate_series(1, %3$d) g;
					ANALYZE public.item_%1$d;
					""".formatted(table, NAMES, ROWS));
		}
		ExecutorService executor = Executors.newFixedThreadPool(this.clients, (runnable) -> {
			Thread thread = new Thread(runnable, "bench-client");
			thread.setDaemon(true);
			return thread;
		});
		try (CountingDataSource checkSource = new CountingDataSource(database.dataSource()).warm();
				Connection session = database.dataSource().getConnection();
				Statement sessionStatement = session.createStatement()) {
			PhaseClock clock = new PhaseClock();
			List<Future<Client>> running = new ArrayList<>();
			for (int i = 0; i < this.clients; i++) {
				Client client = new Client(i % tables);
				running.add(executor.submit(() -> client.run(database.dataSource(), clock)));
			}
			List<String> problems = new ArrayList<>();
			List<Double> checkMillis = new ArrayList<>();
			for (int i = 0; i < Math.max(1, this.warmup); i++) {
				expectInSync(fullCheck(checkSource, entities), problems);
			}
			Thread.sleep(SETTLE_MILLIS);
			long lastCheckNanos = 0;
			// a wrong answer ends the measurement: the latency beside wrong checks means nothing
			for (int round = 0; round < CHECKS && problems.isEmpty(); round++) {
				for (int turn = 0; turn < Phase.values().length; turn++) {
					Phase phase = Phase.values()[(round + turn) % Phase.values().length];
					clock.set(phase);
					long start = System.nanoTime();
					switch (phase) {
						case BESIDE_CHECKS -> {
							expectInSync(fullCheck(checkSource, entities), problems);
							lastCheckNanos = System.nanoTime() - start;
							checkMillis.add(lastCheckNanos / 1e6);
						}
						case BESIDE_SESSION -> {
							long until = start + turnNanos(lastCheckNanos);
							while (System.nanoTime() < until) {
								sessionStatement.execute("SELECT 1");
							}
						}
						case ALONE -> TimeUnit.NANOSECONDS.sleep(turnNanos(lastCheckNanos));
					}
				}
			}
			clock.stop();
			Map<Phase, List<Long>> latencies = new EnumMap<>(Phase.class);
			List<String> errors = new ArrayList<>();
			for (Future<Client> future : running) {
				Client client = future.get(1, TimeUnit.MINUTES);
				client.latencies.forEach((phase, nanos) -> latencies.computeIfAbsent(phase, (key) -> new ArrayList<>())
					.addAll(nanos));
				errors.addAll(client.errors);
			}
			if (!errors.isEmpty()) {
				problems.add(errors.size() + " client operations failed, the first with: " + errors.get(0));
			}
			return new ClientLatency(workload.scale(), entities.size(), this.clients, checkMillis.size(),
					checkMillis.isEmpty() ? Double.NaN : Measurement.median(checkMillis), summary(latencies, Phase.ALONE),
					summary(latencies, Phase.BESIDE_CHECKS), summary(latencies, Phase.BESIDE_SESSION),
					String.join("; ", problems));
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * The turns without checks last as long as the last check, or a second before the first.
	 */
	private static long turnNanos(long lastCheckNanos) {
		return (lastCheckNanos > 0) ? lastCheckNanos : TimeUnit.SECONDS.toNanos(1);
	}

	private static void expectInSync(DriftReport report, List<String> problems) {
		if (!report.inSync() && problems.isEmpty()) {
			problems.add("expected every entity in sync, found " + report.drifted().size() + " drifted");
		}
	}

	private static ClientLatency.Latencies summary(Map<Phase, List<Long>> latencies, Phase phase) {
		return ClientLatency.Latencies.of(latencies.getOrDefault(phase, List.of()));
	}

	/**
	 * What runs besides the clients.
	 */
	private enum Phase {

		ALONE, BESIDE_CHECKS, BESIDE_SESSION

	}

	/**
	 * The phase each client operation is counted under; none before the measurement starts
	 * and after it ends.
	 */
	private static final class PhaseClock {

		private volatile @Nullable Phase phase;

		private volatile boolean stopped;

		void set(Phase phase) {
			this.phase = phase;
		}

		@Nullable Phase get() {
			return this.phase;
		}

		void stop() {
			this.phase = null;
			this.stopped = true;
		}

		boolean stopped() {
			return this.stopped;
		}

	}

	/**
	 * One client thread: reads a row of a view, reads an aggregate of the view chain, and
	 * updates a row of the table (firing its trigger), in turn, pausing after each. An
	 * operation counts under its phase only if the phase did not change while it ran.
	 */
	private static final class Client {

		private final int table;

		private final Map<Phase, List<Long>> latencies = new EnumMap<>(Phase.class);

		private final List<String> errors = new ArrayList<>();

		Client(int table) {
			this.table = table;
		}

		Client run(DataSource dataSource, PhaseClock clock) throws SQLException, InterruptedException {
			try (Connection connection = dataSource.getConnection();
					PreparedStatement readRow = connection.prepareStatement(
							"SELECT id, name, qty, price FROM public.item_%d_base WHERE id = ?".formatted(this.table));
					PreparedStatement readSummary = connection.prepareStatement(
							"SELECT name, total, n FROM public.item_%d_summary WHERE name = ?".formatted(this.table));
					PreparedStatement update = connection
						.prepareStatement("UPDATE public.item_%d SET qty = qty + 1 WHERE id = ?".formatted(this.table))) {
				long operation = 0;
				while (!clock.stopped()) {
					int id = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
					@Nullable Phase phase = clock.get();
					long start = System.nanoTime();
					try {
						switch ((int) (operation++ % 3)) {
							case 0 -> {
								readRow.setInt(1, id);
								read(readRow);
							}
							case 1 -> {
								readSummary.setString(1, "name " + id % NAMES);
								read(readSummary);
							}
							default -> {
								update.setInt(1, id);
								update.executeUpdate();
							}
						}
						if (phase != null && phase == clock.get()) {
							this.latencies.computeIfAbsent(phase, (key) -> new ArrayList<>())
								.add(System.nanoTime() - start);
						}
					}
					catch (SQLException ex) {
						this.errors.add(ex.getMessage());
					}
					Thread.sleep(PAUSE_MILLIS);
				}
			}
			return this;
		}

		private static void read(PreparedStatement statement) throws SQLException {
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					result.getObject(1);
				}
			}
		}

	}

	/**
	 * A full check: a new engine, since the same engine would answer again from its last check.
	 */
	private static DriftReport fullCheck(DataSource dataSource, List<PgEntity> entities) {
		return PgEntitiesEngine.create(dataSource).check(entities);
	}

}
