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

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pgentities.CompiledDeclarations;
import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.FlywayMigrationWriter;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.PgEntity;
import io.pgentities.TenantDriftReport;
import io.pgentities.TenantTemplate;
import io.pgentities.bench.CountingDataSource.StatementTime;
import org.jspecify.annotations.Nullable;

/**
 * Measures how long pg-entities takes to check, plan and apply the {@link Workload} at
 * several scales, and compares each median with the floor: the time PostgreSQL needs to
 * create the same entities in one batch, in one transaction that is rolled back. Prints a
 * table, then one {@code RESULT} line per scenario and scale.
 * <pre class="code">
 * java -jar bench/target/pg-entities-bench.jar --scales 1,10,100,1000
 * </pre>
 *
 * @see BenchmarkOptions#USAGE
 */
public final class Benchmark {

	private static final String JDBC_URL_ENVIRONMENT_VARIABLE = "PG_ENTITIES_TEST_JDBC_URL";

	private static final String CHANGED_VIEW = "public.item_0_base";

	private static final int SETUP_FILES_PER_TRANSACTION = 1000;

	private static final int TENANTS = 100;

	private static final Workload TENANT_WORKLOAD = Workload.ofScale(1);

	private final PostgresServer server;

	private final BenchmarkOptions options;

	private final PrintStream out;

	private final HeapMeter heap = new HeapMeter();

	private @Nullable Floor floor;

	Benchmark(PostgresServer server, BenchmarkOptions options, PrintStream out) {
		this.server = server;
		this.options = options;
		this.out = out;
	}

	/**
	 * Runs the benchmark; see {@link BenchmarkOptions#USAGE} for the arguments. Exits with
	 * status 1 if the engine answered a scenario wrongly, 2 if the arguments are invalid.
	 * @param args the command line
	 * @throws Exception if the benchmark cannot run
	 */
	public static void main(String[] args) throws Exception {
		quietLogging();
		BenchmarkOptions options;
		try {
			options = BenchmarkOptions.parse(args, System.getenv(JDBC_URL_ENVIRONMENT_VARIABLE));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(BenchmarkOptions.USAGE);
			return;
		}
		String jdbcUrl = options.jdbcUrl();
		Results results;
		try (PostgresServer server = (jdbcUrl != null) ? PostgresServer.connect(jdbcUrl)
				: PostgresServer.startEmbedded(options.serverSettings())) {
			results = new Benchmark(server, options, System.out).run();
		}
		if (results.anyProblem()) {
			System.exit(1);
		}
	}

	/**
	 * The engine logs each applied plan at INFO; keep the report readable unless logging was
	 * configured with {@code -Dorg.slf4j.simpleLogger...}.
	 */
	private static void quietLogging() {
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		}
	}

	/**
	 * Measures every scale.
	 * @return the measurements
	 * @throws Exception if the benchmark cannot run
	 */
	Results run() throws Exception {
		printEnvironment();
		List<Measurement> results = new ArrayList<>();
		List<ClientLatency> latencies = new ArrayList<>();
		for (int scale : this.options.scales()) {
			Workload workload = Workload.ofScale(scale);
			List<PgEntity> entities = readEntities(workload);
			results.addAll(measure(workload, entities));
			if (this.options.clients() > 0) {
				latencies.add(measureBesideClients(workload, entities));
			}
		}
		this.out.println();
		printLoad("at end");
		this.out.println();
		printTable(results);
		if (!latencies.isEmpty()) {
			this.out.println();
			printLatencyTable(latencies);
		}
		this.out.println();
		results.forEach((result) -> this.out.println(result.resultLine()));
		latencies.forEach((latency) -> this.out.println(latency.resultLine()));
		results.stream()
			.filter((result) -> !result.problem().isEmpty())
			.forEach((result) -> this.out.printf(Locale.ROOT, "PROBLEM scale=%d entities=%d scenario=%s %s%n",
					result.scale(), result.entities(), result.scenario().id(), result.problem()));
		latencies.stream()
			.filter((latency) -> !latency.problem().isEmpty())
			.forEach((latency) -> this.out.printf(Locale.ROOT,
					"PROBLEM scale=%d entities=%d scenario=checks-beside-clients %s%n", latency.scale(),
					latency.entities(), latency.problem()));
		return new Results(results, latencies);
	}

	private void printEnvironment() throws SQLException {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		String memory = (os instanceof com.sun.management.OperatingSystemMXBean system)
				? (system.getTotalMemorySize() / (1024 * 1024)) + " MB memory" : "memory unknown";
		this.out.printf(Locale.ROOT, "pg-entities benchmark%n");
		this.out.printf(Locale.ROOT, "  machine:    %d cores, %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
				memory, System.getProperty("os.name"), System.getProperty("os.arch"));
		this.out.printf(Locale.ROOT, "  java:       %s %s, max heap %d MB%n", System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), HeapMeter.maxMegabytes());
		this.out.printf(Locale.ROOT, "  postgresql: %s%n", this.server.describe());
		this.out.printf(Locale.ROOT, "  settings:   %s%n", this.server.settings());
		this.out.printf(Locale.ROOT, "  runs:       median of %d after %d warm-up%n", this.options.runs(),
				this.options.warmup());
		printLoad("at start");
	}

	/**
	 * Other work on the machine slows PostgreSQL and the JVM alike; say how busy it was.
	 */
	private void printLoad(String when) {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		if (load >= 0) {
			this.out.printf(Locale.ROOT, "  load:       %.2f (1-minute average %s)%n", load, when);
		}
	}

	/**
	 * Reads the entities of a scale once, for all its measurements, and says how long that took.
	 */
	private List<PgEntity> readEntities(Workload workload) {
		long start = System.nanoTime();
		List<PgEntity> entities = workload.entities();
		double parseMillis = (System.nanoTime() - start) / 1e6;
		this.out.printf(Locale.ROOT, "%nScale %d: %d entities over %d tables (read from SQL in %.1f ms)%n",
				workload.scale(), entities.size(), workload.scale(), parseMillis);
		return entities;
	}

	private List<Measurement> measure(Workload workload, List<PgEntity> entities) throws Exception {
		this.floor = openFloor(workload, entities);
		try {
			List<Measurement> results = new ArrayList<>();
			measure(results, workload, Scenario.INSYNC_CHECK, entities.size(),
					() -> check(Scenario.INSYNC_CHECK, workload, true, entities, Benchmark::expectInSync));
			measure(results, workload, Scenario.MISSING_CHECK, entities.size(),
					() -> check(Scenario.MISSING_CHECK, workload, false, entities,
							(report) -> expectAll(report, DriftStatus.MISSING, entities.size())));
			measure(results, workload, Scenario.ONE_CHANGED_CHECK, entities.size(),
					() -> check(Scenario.ONE_CHANGED_CHECK, workload, true, workload.entitiesWithOneViewChanged(),
							Benchmark::expectOneChanged));
			if (workload.entityCount() == TENANTS * TENANT_WORKLOAD.entityCount()) {
				measure(results, workload, Scenario.TENANTS_CHECK, workload.entityCount(),
						() -> tenantsCheck(workload));
			}
			AtomicReference<@Nullable MigrationPlan> plan = new AtomicReference<>();
			measure(results, workload, Scenario.PLAN_WRITE, entities.size(),
					() -> planWrite(workload, entities, plan));
			measure(results, workload, Scenario.APPLY, entities.size(), () -> {
				MigrationPlan planned = plan.get();
				if (planned == null) {
					throw new IllegalStateException(
							"there is no plan to apply: " + Scenario.PLAN_WRITE.id() + " failed or was not run");
				}
				return apply(workload, entities, planned);
			});
			measure(results, workload, Scenario.RECHECK, entities.size(), () -> recheck(workload, entities));
			measure(results, workload, Scenario.PRECOMPILED_CHECK, entities.size(),
					() -> precompiledCheck(workload, entities));
			double floorMillis = (this.floor != null) ? this.floor.medianSince(0) : Double.NaN;
			if (this.floor != null) {
				List<Double> samples = this.floor.millis();
				this.out.printf(Locale.ROOT, "  %-18s %10.1f ms  median of %d runs (%s ms) before the scenarios and "
						+ "before each of their measured runs%n", "floor", floorMillis, samples.size(), range(samples));
			}
			return results.stream().map((result) -> result.withFloor(floorMillis)).toList();
		}
		finally {
			closeFloor();
		}
	}

	/**
	 * Sets up the floor of a scale and takes its first samples, or says why PostgreSQL cannot
	 * create the entities in one transaction.
	 */
	private @Nullable Floor openFloor(Workload workload, List<PgEntity> entities) {
		Floor opened = null;
		try {
			opened = Floor.open(this.server, workload, entities);
			for (int i = 0; i < this.options.warmup(); i++) {
				opened.run();
			}
			for (int i = 0; i < this.options.runs(); i++) {
				opened.sample();
			}
			this.out.printf(Locale.ROOT, "  %-18s %10.1f ms  1 batch of %d CREATE statements, rolled back%n", "floor",
					opened.medianSince(0), entities.size());
			return opened;
		}
		catch (Exception ex) {
			this.out.printf(Locale.ROOT, "  %-18s FAILED: %s%n", "floor", failure(ex));
			closeQuietly(opened);
			return null;
		}
	}

	private void sampleFloor() {
		Floor current = this.floor;
		if (current == null) {
			return;
		}
		try {
			current.sample();
		}
		catch (SQLException ex) {
			this.out.printf(Locale.ROOT, "  %-18s FAILED, no more samples: %s%n", "floor", failure(ex));
			closeFloor();
		}
	}

	private void closeFloor() {
		closeQuietly(this.floor);
		this.floor = null;
	}

	private void closeQuietly(@Nullable Floor floor) {
		if (floor != null) {
			try {
				floor.close();
			}
			catch (SQLException ex) {
				this.out.printf(Locale.ROOT, "  could not drop the floor's database: %s%n", failure(ex));
			}
		}
	}

	/**
	 * Runs a scenario if it was asked for, adding its measurement to the results.
	 */
	private void measure(List<Measurement> results, Workload workload, Scenario scenario, int entities,
			ScenarioRun run) {
		if (this.options.scenarios().contains(scenario)) {
			results.add(attempt(workload, scenario, entities, run));
		}
	}

	/**
	 * Runs a scenario; if it fails, reports the failure in place of its measurement and goes on
	 * with the others.
	 */
	private Measurement attempt(Workload workload, Scenario scenario, int entities, ScenarioRun run) {
		try {
			return run.run();
		}
		catch (Exception ex) {
			String problem = "FAILED: " + failure(ex);
			this.out.printf(Locale.ROOT, "  %-18s %s%n", scenario.id(), problem);
			return new Measurement(workload.scale(), entities, scenario, List.of(), Double.NaN, 0, 0, problem);
		}
	}

	private static String failure(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String failure = ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage());
		String cause = oneLine(root.getMessage());
		return (root == ex || failure.contains(cause)) ? failure
				: failure + " <- " + root.getClass().getSimpleName() + ": " + cause;
	}

	private static String oneLine(@Nullable String message) {
		String line = String.valueOf(message).replaceAll("\\s+", " ").strip();
		return (line.length() > 240) ? line.substring(0, 240) + "..." : line;
	}

	private Measurement check(Scenario scenario, Workload workload, boolean created, List<PgEntity> declared,
			Function<DriftReport, String> expectation) throws Exception {
		try (BenchDatabase database = this.server.createDatabase(workload.tablesSql())) {
			if (created) {
				createEntities(database, workload);
			}
			try (CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
				AtomicReference<DriftReport> report = new AtomicReference<>();
				// a new engine each run: the same engine would answer again from its last check
				Samples samples = repeat(
						() -> timed(dataSource, () -> report.set(PgEntitiesEngine.create(dataSource).check(declared))));
				return report(workload, scenario, declared.size(), samples, expectation.apply(report.get()));
			}
		}
	}

	/**
	 * Checks {@link #TENANTS} tenant schemas, each holding the entities of scale 1, against the
	 * template of those entities: as many entities as the scale's one schema holds.
	 */
	private Measurement tenantsCheck(Workload workload) throws Exception {
		TenantTemplate template = TenantTemplate.fromSql(TENANT_WORKLOAD.tenantTemplateSql(), "bench template");
		try (BenchDatabase database = this.server.createDatabase("SELECT 1")) {
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				for (int tenant = 0; tenant < TENANTS; tenant++) {
					for (String sql : TENANT_WORKLOAD.tenantStatements(String.format(Locale.ROOT, "tenant_%03d", tenant))) {
						statement.execute(sql);
					}
				}
			}
			try (CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
				PgEntitiesEngine engine = PgEntitiesEngine.create(dataSource);
				PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("tenant_*"));
				AtomicReference<TenantDriftReport> report = new AtomicReference<>();
				Samples samples = repeat(() -> timed(dataSource, () -> report.set(engine.checkTenants(template, tenants))));
				TenantDriftReport checked = report.get();
				String problem = (checked.schemas().size() != TENANTS) ? "expected " + TENANTS + " tenant schemas, found "
						+ checked.schemas().size()
						: checked.inSync() ? "" : "expected every tenant in sync, found " + checked.driftedSchemas().size()
								+ " drifted (" + checked.details().stream().limit(1).toList() + ")";
				return report(workload, Scenario.TENANTS_CHECK, workload.entityCount(), samples, problem);
			}
		}
	}

	/**
	 * Checks in-sync entities again with the engine that checked them before: the path of an
	 * application's health check. Two checks come first, unmeasured: the full check, which
	 * keeps the catalog's stamp that proves the measured checks, and one check again.
	 */
	private Measurement recheck(Workload workload, List<PgEntity> entities) throws Exception {
		try (BenchDatabase database = this.server.createDatabase(workload.tablesSql())) {
			createEntities(database, workload);
			try (CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
				PgEntitiesEngine engine = PgEntitiesEngine.create(dataSource);
				engine.check(entities);
				engine.check(entities);
				AtomicReference<DriftReport> report = new AtomicReference<>();
				Samples samples = repeat(() -> timed(dataSource, () -> report.set(engine.check(entities))));
				return report(workload, Scenario.RECHECK, entities.size(), samples, expectInSyncUnsimulated(report, samples));
			}
		}
	}

	/**
	 * Checks in-sync entities compiled beforehand against the same database, with a new
	 * engine each run.
	 */
	private Measurement precompiledCheck(Workload workload, List<PgEntity> entities) throws Exception {
		try (BenchDatabase database = this.server.createDatabase(workload.tablesSql())) {
			createEntities(database, workload);
			try (CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
				CompiledDeclarations compiled = CompiledDeclarations
					.fromJson(PgEntitiesEngine.create(dataSource).compile(entities).toJson());
				AtomicReference<DriftReport> report = new AtomicReference<>();
				Samples samples = repeat(
						() -> timed(dataSource, () -> report.set(PgEntitiesEngine.create(dataSource).check(compiled))));
				return report(workload, Scenario.PRECOMPILED_CHECK, entities.size(), samples,
						expectInSyncUnsimulated(report, samples));
			}
		}
	}

	private static String expectInSyncUnsimulated(AtomicReference<DriftReport> report, Samples samples) {
		String problem = expectInSync(report.get());
		boolean simulated = samples.last()
			.statements()
			.stream()
			.anyMatch((time) -> time.label().toUpperCase(Locale.ROOT).contains("CREATE"));
		return (!problem.isEmpty() || !simulated) ? problem : "the check simulated";
	}

	/**
	 * Runs consecutive checks of every entity, all in sync, beside client threads working on
	 * the workload's first tables and views.
	 */
	private ClientLatency measureBesideClients(Workload workload, List<PgEntity> entities) {
		int clients = this.options.clients();
		try (BenchDatabase database = this.server.createDatabase(workload.tablesSql())) {
			createEntities(database, workload);
			ClientLatency latency = new ChecksBesideClients(clients, this.options.warmup()).measure(database, workload,
					entities);
			this.out.printf(Locale.ROOT,
					"  %-18s client p99 %.2f ms alone, %.2f ms beside checks (%+.0f%%), %.2f ms beside a SELECT 1 "
							+ "session (%+.0f%%); %d clients, %d checks of %.1f ms%s%n",
					"beside-clients", latency.alone().p99Millis(), latency.besideChecks().p99Millis(),
					latency.checksIncreasePercent(), latency.besideSession().p99Millis(),
					latency.sessionIncreasePercent(), clients, latency.checks(), latency.checkMillis(),
					latency.problem().isEmpty() ? "" : "  PROBLEM: " + latency.problem());
			return latency;
		}
		catch (Exception ex) {
			String problem = "FAILED: " + failure(ex);
			this.out.printf(Locale.ROOT, "  %-18s %s%n", "beside-clients", problem);
			return ClientLatency.failed(workload.scale(), entities.size(), clients, problem);
		}
	}

	private Measurement planWrite(Workload workload, List<PgEntity> entities,
			AtomicReference<@Nullable MigrationPlan> plan) throws Exception {
		try (BenchDatabase database = this.server.createDatabase(workload.tablesSql());
				CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
			AtomicReference<Optional<Path>> written = new AtomicReference<>(Optional.empty());
			Samples samples = repeat(() -> {
				Path directory = Files.createTempDirectory("pg-entities-bench");
				try {
					return timed(dataSource, () -> {
						MigrationPlan planned = PgEntitiesEngine.create(dataSource).plan(entities);
						written.set(new FlywayMigrationWriter(directory).write(planned, "bench"));
						plan.set(planned);
					});
				}
				finally {
					deleteRecursively(directory);
				}
			});
			int statements = (plan.get() != null) ? plan.get().statements().size() : 0;
			String problem = written.get().isEmpty() ? "no migration was written"
					: (statements < entities.size())
							? "the plan has " + statements + " statements for " + entities.size() + " missing entities"
							: "";
			return report(workload, Scenario.PLAN_WRITE, entities.size(), samples, problem);
		}
	}

	private Measurement apply(Workload workload, List<PgEntity> entities, MigrationPlan plan) throws Exception {
		AtomicReference<@Nullable String> problem = new AtomicReference<>();
		Samples samples = repeat(() -> {
			try (BenchDatabase database = this.server.createDatabase(workload.tablesSql());
					CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
				PgEntitiesEngine engine = PgEntitiesEngine.create(dataSource);
				Trial trial = timed(dataSource, () -> engine.apply(plan));
				if (problem.get() == null) {
					// once: a plan that does not converge is a bug
					problem.set(convergence(engine, entities));
				}
				return trial;
			}
		});
		return report(workload, Scenario.APPLY, entities.size(), samples,
				"".equals(problem.get()) ? "" : "after apply: " + problem.get());
	}

	/**
	 * Whether a check after the apply finds every entity in sync; a failing check is reported,
	 * but does not invalidate the apply's measurement.
	 */
	private static String convergence(PgEntitiesEngine engine, List<PgEntity> entities) {
		try {
			return expectInSync(engine.check(entities));
		}
		catch (RuntimeException ex) {
			return "the check failed: " + failure(ex);
		}
	}

	/**
	 * Creates the entities from their files, as migrations would: a thousand files per
	 * transaction, since one transaction cannot hold the locks of ten thousand new objects
	 * under PostgreSQL's default {@code max_locks_per_transaction}.
	 */
	private static void createEntities(BenchDatabase database, Workload workload) throws SQLException {
		List<Workload.EntityFile> files = workload.entityFiles();
		try (Connection connection = database.dataSource().getConnection()) {
			connection.setAutoCommit(false);
			for (int from = 0; from < files.size(); from += SETUP_FILES_PER_TRANSACTION) {
				try (Statement statement = connection.createStatement()) {
					for (Workload.EntityFile file : files.subList(from,
							Math.min(files.size(), from + SETUP_FILES_PER_TRANSACTION))) {
						statement.addBatch(file.sql());
					}
					statement.executeBatch();
				}
				connection.commit();
			}
		}
	}

	/**
	 * Runs a scenario's warm-up and measured runs; a floor sample precedes each measured run.
	 */
	private Samples repeat(TrialRun run) throws Exception {
		List<Double> millis = new ArrayList<>();
		long roundTrips = 0;
		Trial last = null;
		int firstFloorSample = (this.floor != null) ? this.floor.millis().size() : 0;
		for (int i = 0; i < this.options.warmup() + this.options.runs(); i++) {
			if (i >= this.options.warmup()) {
				sampleFloor();
			}
			if (i == this.options.warmup()) {
				this.heap.reset();
			}
			Trial trial = run.run();
			if (i >= this.options.warmup()) {
				millis.add(trial.nanos() / 1e6);
				roundTrips = Math.max(roundTrips, trial.roundTrips());
				last = trial;
			}
		}
		long peakHeap = this.heap.peakMegabytes();
		double pairedFloor = (this.floor != null) ? this.floor.medianSince(firstFloorSample) : Double.NaN;
		return new Samples(millis, roundTrips, peakHeap, pairedFloor,
				(last != null) ? last : new Trial(0, 0, List.of()));
	}

	private static Trial timed(CountingDataSource dataSource, Step step) throws Exception {
		dataSource.reset();
		long start = System.nanoTime();
		step.run();
		long nanos = System.nanoTime() - start;
		return new Trial(nanos, dataSource.roundTrips(), dataSource.statementTimes());
	}

	private Measurement report(Workload workload, Scenario scenario, int entities, Samples samples, String problem) {
		Measurement measurement = new Measurement(workload.scale(), entities, scenario, samples.millis(), Double.NaN,
				samples.roundTrips(), samples.peakHeapMegabytes(), problem);
		this.out.printf(Locale.ROOT,
				"  %-18s %10.1f ms  %6.2f x the floor of its runs (%.1f ms)  %6d round trips  %5d MB peak heap%s%n",
				scenario.id(), measurement.medianMillis(), measurement.medianMillis() / samples.pairedFloorMillis(),
				samples.pairedFloorMillis(), measurement.roundTrips(), measurement.peakHeapMegabytes(),
				problem.isEmpty() ? "" : "  PROBLEM: " + problem);
		if (this.options.profile()) {
			printProfile(samples.last());
		}
		return measurement;
	}

	/**
	 * Where the time of the last run went: each kind of statement's time in the database
	 * (including the network and pgjdbc), and the rest, spent in Java.
	 */
	private void printProfile(Trial trial) {
		long database = 0;
		for (StatementTime time : trial.statements()) {
			database += time.nanos();
		}
		this.out.printf(Locale.ROOT, "      %10.1f ms  java (everything outside JDBC calls)%n",
				(trial.nanos() - database) / 1e6);
		trial.statements().stream().limit(12).forEach((time) -> this.out.printf(Locale.ROOT,
				"      %10.1f ms  %5dx  %s%n", time.nanos() / 1e6, time.count(), time.label()));
		if (trial.statements().size() > 12) {
			long rest = trial.statements().stream().skip(12).mapToLong(StatementTime::nanos).sum();
			long count = trial.statements().stream().skip(12).mapToLong(StatementTime::count).sum();
			this.out.printf(Locale.ROOT, "      %10.1f ms  %5dx  other statements%n", rest / 1e6, count);
		}
	}

	private void printTable(List<Measurement> results) {
		String format = "%6s %9s  %-18s %10s %10s %7s %12s %13s  %s%n";
		this.out.printf(Locale.ROOT, format, "scale", "entities", "scenario", "median ms", "floor ms", "ratio",
				"round trips", "peak heap MB", "runs ms (min-max)");
		for (Measurement result : results) {
			this.out.printf(Locale.ROOT, format, result.scale(), result.entities(), result.scenario().id(),
					String.format(Locale.ROOT, "%.1f", result.medianMillis()),
					String.format(Locale.ROOT, "%.1f", result.floorMillis()),
					String.format(Locale.ROOT, "%.2f", result.ratio()), result.roundTrips(),
					result.peakHeapMegabytes(),
					range(result.millis()) + (result.problem().isEmpty() ? "" : "  PROBLEM: " + result.problem()));
		}
	}

	private void printLatencyTable(List<ClientLatency> latencies) {
		this.out.printf(Locale.ROOT, "Client latency beside consecutive checks (p50 / p99 ms; increase of p99 over alone)%n");
		String format = "%6s %9s %8s %7s %9s  %-15s  %-24s  %-24s  %s%n";
		this.out.printf(Locale.ROOT, format, "scale", "entities", "clients", "checks", "check ms", "alone",
				"beside checks", "beside SELECT 1 session", "operations");
		for (ClientLatency latency : latencies) {
			this.out.printf(Locale.ROOT, format, latency.scale(), latency.entities(), latency.clients(),
					latency.checks(), String.format(Locale.ROOT, "%.1f", latency.checkMillis()),
					String.format(Locale.ROOT, "%.2f / %.2f", latency.alone().p50Millis(), latency.alone().p99Millis()),
					String.format(Locale.ROOT, "%.2f / %.2f (%+.0f%%)", latency.besideChecks().p50Millis(),
							latency.besideChecks().p99Millis(), latency.checksIncreasePercent()),
					String.format(Locale.ROOT, "%.2f / %.2f (%+.0f%%)", latency.besideSession().p50Millis(),
							latency.besideSession().p99Millis(), latency.sessionIncreasePercent()),
					latency.alone().operations() + latency.besideChecks().operations()
							+ latency.besideSession().operations()
							+ (latency.problem().isEmpty() ? "" : "  PROBLEM: " + latency.problem()));
		}
	}

	private static String range(List<Double> millis) {
		if (millis.isEmpty()) {
			return "-";
		}
		double min = millis.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double max = millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		return String.format(Locale.ROOT, "%.1f-%.1f", min, max);
	}

	private static String expectInSync(DriftReport report) {
		List<EntityDrift> drifted = report.entities()
			.stream()
			.filter((drift) -> drift.status() != DriftStatus.IN_SYNC)
			.toList();
		return drifted.isEmpty() ? "" : "expected every entity in sync, found " + describe(drifted);
	}

	private static String expectAll(DriftReport report, DriftStatus status, int count) {
		long matching = report.entities().stream().filter((drift) -> drift.status() == status).count();
		if (matching == count && report.entities().size() == count) {
			return "";
		}
		return "expected " + count + " entities " + status + ", found " + describe(report.entities());
	}

	private static String expectOneChanged(DriftReport report) {
		List<EntityDrift> drifted = report.entities()
			.stream()
			.filter((drift) -> drift.status() != DriftStatus.IN_SYNC)
			.toList();
		if (drifted.size() == 1 && drifted.get(0).status() == DriftStatus.CHANGED
				&& drifted.get(0).identity().equals(CHANGED_VIEW)) {
			return "";
		}
		return "expected only " + CHANGED_VIEW + " CHANGED, found " + describe(drifted);
	}

	private static String describe(List<EntityDrift> drifts) {
		String counts = drifts.stream()
			.collect(Collectors.groupingBy(EntityDrift::status, Collectors.counting()))
			.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
		String first = drifts.stream()
			.filter((drift) -> drift.status() != DriftStatus.IN_SYNC)
			.limit(3)
			.map((drift) -> drift.status() + " " + drift.identity())
			.collect(Collectors.joining(", "));
		return (counts.isEmpty() ? "none" : counts) + (first.isEmpty() ? "" : " (" + first + ", ...)");
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

	@FunctionalInterface
	private interface ScenarioRun {

		Measurement run() throws Exception;

	}

	@FunctionalInterface
	private interface TrialRun {

		Trial run() throws Exception;

	}

	/**
	 * One run: how long its measured part took, and what it sent.
	 */
	private record Trial(long nanos, long roundTrips, List<StatementTime> statements) {

	}

	/**
	 * What the benchmark measured.
	 *
	 * @param scenarios the scenarios of every scale
	 * @param clientLatencies the client latencies beside checks of every scale, if asked for
	 */
	record Results(List<Measurement> scenarios, List<ClientLatency> clientLatencies) {

		/**
		 * Whether the engine answered a scenario wrongly or a measurement failed.
		 * @return {@code true} if any did
		 */
		boolean anyProblem() {
			return this.scenarios.stream().anyMatch((result) -> !result.problem().isEmpty())
					|| this.clientLatencies.stream().anyMatch((latency) -> !latency.problem().isEmpty());
		}

	}

	/**
	 * The measured runs of a scenario.
	 */
	private record Samples(List<Double> millis, long roundTrips, long peakHeapMegabytes, double pairedFloorMillis,
			Trial last) {

	}

}
