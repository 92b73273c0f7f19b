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
package io.pgentities.internal.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.EntityDeclaration;
import io.pgentities.EntityKind;
import io.pgentities.LintedAnalysis;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogReader;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.CatalogStamp;
import io.pgentities.internal.catalog.CatalogStampReader;
import io.pgentities.internal.catalog.Environment;
import io.pgentities.internal.catalog.EnvironmentReader;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.catalog.References;
import io.pgentities.internal.diff.DriftComparator;
import io.pgentities.internal.diff.EntityComparison;
import io.pgentities.internal.lint.LintFacts;
import io.pgentities.internal.plan.DependencyGraph;
import io.pgentities.internal.plan.Planner;
import io.pgentities.internal.plan.PlanningProblem;
import io.pgentities.internal.plan.Surroundings;
import io.pgentities.internal.simulate.EventTriggerSilence;
import io.pgentities.internal.simulate.Simulation;
import io.pgentities.internal.simulate.SimulationResult;
import io.pgentities.internal.simulate.ServerError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check: reads the live catalog, simulates the declarations, compares and plans, all in
 * one transaction that is rolled back whatever happens.
 */
public final class Analyzer {

	private static final Logger logger = LoggerFactory.getLogger(Analyzer.class);

	private static final MigrationPlan EMPTY_PLAN = new MigrationPlan(List.of(), List.of(), List.of());

	private final DataSource dataSource;

	private final EngineSettings settings;

	private final Rechecks rechecks;

	private final List<String> searchPath;

	/**
	 * Creates an analyzer that remembers nothing between checks.
	 * @param dataSource the database
	 * @param settings the settings
	 */
	public Analyzer(DataSource dataSource, EngineSettings settings) {
		this(dataSource, settings, new Rechecks());
	}

	/**
	 * Creates an analyzer.
	 * @param dataSource the database
	 * @param settings the settings
	 * @param rechecks what earlier checks of the same engine left, for checking again cheaply
	 */
	public Analyzer(DataSource dataSource, EngineSettings settings, Rechecks rechecks) {
		this(dataSource, settings, rechecks, List.of(settings.defaultSchema()));
	}

	/**
	 * Creates an analyzer that remembers nothing between checks, whose declarations look up
	 * unqualified references in several schemas.
	 * @param dataSource the database
	 * @param settings the settings
	 * @param searchPath the schemas unqualified references in declarations look in first
	 */
	Analyzer(DataSource dataSource, EngineSettings settings, List<String> searchPath) {
		this(dataSource, settings, new Rechecks(), searchPath);
	}

	private Analyzer(DataSource dataSource, EngineSettings settings, Rechecks rechecks, List<String> searchPath) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.rechecks = rechecks;
		this.searchPath = List.copyOf(searchPath);
	}

	/**
	 * Checks and plans.
	 * @param declared the declared entities
	 * @return the report and the plan
	 */
	public Analysis analyze(List<PgEntity> declared) {
		return run(declared, true, List.of());
	}

	/**
	 * Checks, plans and lints with one simulation of the declarations.
	 * @param declared the declared entities
	 * @return the report, the plan and the lint's findings
	 */
	public LintedAnalysis analyzeAndLint(List<PgEntity> declared) {
		Outcome outcome = run(declared, true, List.of(), true);
		LintFacts facts = Objects.requireNonNull(outcome.lint(), "a linted check reads the lint's facts");
		return new LintedAnalysis(outcome.analysis(), Linter.findings(facts, declared));
	}

	/**
	 * Checks without planning.
	 * @param declared the declared entities
	 * @return the report
	 */
	public DriftReport check(List<PgEntity> declared) {
		return run(declared, false, List.of()).report();
	}

	/**
	 * Applies a plan and checks the declarations against the database as the plan left it,
	 * in one transaction that is rolled back: nothing of the plan remains.
	 * @param plan the plan
	 * @param declared the declared entities
	 * @return the report after the plan
	 * @throws io.pgentities.PlanExecutionException if a statement of the plan fails
	 */
	public DriftReport rehearse(MigrationPlan plan, List<PgEntity> declared) {
		return run(declared, false, plan.statements()).report();
	}

	/**
	 * Renders the live entities of the configured schemas as declarations, leaving out the
	 * ignored ones.
	 * @return one declaration per entity, ordered by kind and identity
	 */
	public List<EntityDeclaration> declarations() {
		CatalogSnapshot live;
		try {
			live = Transaction.rolledBack(this.dataSource, (connection) -> {
				applySettings(connection);
				return CatalogReader.read(connection, this.settings.schemas(), NameMapping.identity());
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Reading the entities of schemas " + this.settings.schemas() + " failed: "
					+ ServerError.of(ex).message(), ex);
		}
		// extensions are read database-wide: only those installed in the schemas are rendered
		return live.entities()
			.stream()
			.filter((entity) -> this.settings.schemas().contains(entity.schema()))
			.filter((entity) -> !this.settings.ignored().matches(entity))
			.sorted(Comparator.comparing(CatalogEntity::kind).thenComparing(CatalogEntity::identity))
			.map((entity) -> new EntityDeclaration(entity.kind(), entity.schema(), entity.name(), entity.identity(),
					entity.declarationStatements()))
			.toList();
	}

	/**
	 * Compiles declarations: simulates them and reads the environment before and after, until
	 * the environment read beforehand covers everything the simulation referenced and did
	 * not change meanwhile.
	 * @param declared the declared entities
	 * @return the compilation
	 * @throws io.pgentities.EntityRejectedException if PostgreSQL rejects a declaration
	 */
	public Compilation compile(List<PgEntity> declared) {
		Set<String> read = scope(declared).read();
		References reach = searched(declared);
		Set<String> identities = new HashSet<>();
		for (int attempt = 0; attempt < 4; attempt++) {
			References within = reach;
			Set<String> shadowed = Set.copyOf(identities);
			Compiling compiling;
			try {
				compiling = Transaction.rolledBack(this.dataSource, (connection) -> {
					applySettings(connection);
					Savepoint start = connection.setSavepoint();
					List<String> excluded = excluded(
							CatalogReader.readDefinitions(connection, read, NameMapping.identity()), shadowed);
					connection.rollback(start);
					applySettings(connection);
					Environment before = EnvironmentReader.read(connection, within.schemas(), within.roles(), excluded);
					SimulationResult simulated = Simulation.run(connection, declared, this.settings.defaultSchema(),
							this.settings.checkTransactionSettings());
					CatalogReader.usePrintingSearchPath(connection);
					Environment after = EnvironmentReader.read(connection, within.schemas(), within.roles(),
							createdExtensions(excluded, simulated));
					return new Compiling(before, after, simulated);
				});
			}
			catch (SQLException ex) {
				throw new PgEntitiesException("Compiling " + declared.size() + " declared entities failed: "
						+ ServerError.of(ex).message(), ex);
			}
			SimulationResult simulated = compiling.simulated();
			Set<String> simulatedIdentities = new HashSet<>();
			simulated.canonical().values().forEach((entity) -> simulatedIdentities.add(entity.identity()));
			References referenced = simulated.references();
			if (compiling.before().equals(compiling.after()) && referenced.within(within)
					&& simulatedIdentities.equals(shadowed)) {
				List<Compilation.Compiled> compiled = new ArrayList<>();
				for (PgEntity entity : declared) {
					compiled.add(new Compilation.Compiled(Compilation.hash(entity), entity,
							simulated.canonical().get(entity)));
				}
				return new Compilation(Compilation.FORMAT, compiling.before().serverVersion(),
						compiling.before().fingerprint(), List.copyOf(within.schemas()), List.copyOf(within.roles()),
						compiled);
			}
			reach = within.and(referenced);
			identities = simulatedIdentities;
		}
		throw new PgEntitiesException("Compiling " + declared.size()
				+ " declared entities failed: the database kept changing while they were simulated");
	}

	private record Compiling(Environment before, Environment after, SimulationResult simulated) {

	}

	/**
	 * Checks compiled declarations: where the server's major version, every declaration's
	 * hash and the environment are those of the compilation, the declared side is taken from
	 * it, and the database is only read; otherwise the declarations are checked in full.
	 * @param compiled the compilation
	 * @param edited its {@linkplain Compilation#firstEdited() first edited declaration}
	 * @return the report
	 */
	public DriftReport check(Compilation compiled, @Nullable String edited) {
		long start = System.nanoTime();
		List<PgEntity> declared = compiled.declared();
		Scope scope = scope(declared);
		if (edited != null) {
			logger.debug("Checking compiled declarations in full: {} changed after it was compiled", edited);
			return check(declared);
		}
		Set<String> identities = new HashSet<>();
		compiled.declarations().forEach((entry) -> identities.add(entry.canonical().identity()));
		Rechecks.Compiled previous = this.rechecks.get(compiled);
		Looked looked;
		try {
			looked = Transaction.rolledBack(this.dataSource, (connection) -> {
				readOnly(connection);
				// an earlier check of the same compilation: its stamp may prove its answer
				CatalogStamp stamp = (previous != null) ? CatalogStampReader.read(connection) : null;
				if (stamp != null && stamp.equals(previous.stamp())) {
					return null;
				}
				CatalogSnapshot live = CatalogReader.readDefinitions(connection, scope.read(), NameMapping.identity());
				Environment environment = EnvironmentReader.read(connection, compiled.schemas(), compiled.roles(),
						excluded(live, identities));
				return new Looked(live, environment,
						(stamp != null) ? CatalogStampReader.unchangedSince(connection, stamp) : null);
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Checking " + declared.size() + " compiled declarations failed: "
					+ ServerError.of(ex).message(), ex);
		}
		if (looked == null) {
			logger.debug("Checked {} compiled declarations: nothing changed since the last check", declared.size());
			return new DriftReport(previous.report().entities(), Duration.ofNanos(System.nanoTime() - start));
		}
		if (looked.environment().serverMajor() != compiled.serverMajor()
				|| !looked.environment().fingerprint().equals(compiled.environment())) {
			logger.debug("Checking compiled declarations in full: compiled on PostgreSQL {} in another environment, "
					+ "checked on PostgreSQL {}", compiled.serverMajor(), looked.environment().serverMajor());
			return check(declared);
		}
		Map<PgEntity, CatalogEntity> canonical = new IdentityHashMap<>();
		compiled.declarations().forEach((entry) -> canonical.put(entry.declaration(), entry.canonical()));
		List<EntityComparison> comparisons = DriftComparator.compare(canonical, looked.live(), scope.managed(),
				this.settings.ignored());
		DriftReport report = new DriftReport(comparisons.stream().map(EntityComparison::toDrift).toList(),
				Duration.ofNanos(System.nanoTime() - start));
		this.rechecks.put(compiled, new Rechecks.Compiled(report, looked.stamp()));
		return report;
	}

	/**
	 * What a check of compiled declarations read, and the catalog's stamp when it was read
	 * before and after with the same value.
	 */
	private record Looked(CatalogSnapshot live, Environment environment, @Nullable CatalogStamp stamp) {

	}

	/**
	 * The objects left out of the environment after a simulation: also the declared extensions,
	 * which it created when the database lacks them (only its rolled-back transaction has them).
	 */
	private static List<String> createdExtensions(List<String> excluded, SimulationResult simulated) {
		List<String> all = new ArrayList<>(excluded);
		simulated.canonical()
			.values()
			.stream()
			.filter((entity) -> entity.kind() == EntityKind.EXTENSION)
			.map(EnvironmentReader::excluded)
			.forEach(all::add);
		return all;
	}

	/**
	 * The live objects a simulation shadows with its own copies: those of the declared
	 * identities, left out of the environment.
	 */
	private static List<String> excluded(CatalogSnapshot live, Set<String> identities) {
		return live.entities()
			.stream()
			.filter((entity) -> identities.contains(entity.identity()))
			.map(EnvironmentReader::excluded)
			.toList();
	}

	/**
	 * The schemas a check reports undeclared objects in, and those it reads.
	 */
	private record Scope(Set<String> managed, Set<String> read) {

	}

	private Scope scope(List<PgEntity> declared) {
		Set<String> managed = new LinkedHashSet<>(this.settings.schemas());
		if (managed.isEmpty()) {
			declared.forEach((entity) -> managed.add(entity.schema()));
		}
		Set<String> read = new LinkedHashSet<>(managed);
		declared.forEach((entity) -> read.add(entity.schema()));
		return new Scope(managed, read);
	}

	private Analysis run(List<PgEntity> declared, boolean planned, List<String> rehearsed) {
		return run(declared, planned, rehearsed, false).analysis();
	}

	/**
	 * What a check found, and the lint's facts when it was asked to read them.
	 */
	private record Outcome(Analysis analysis, @Nullable LintFacts lint) {

	}

	private Outcome run(List<PgEntity> declared, boolean planned, List<String> rehearsed, boolean linted) {
		long start = System.nanoTime();
		Scope scope = scope(declared);
		Set<String> managed = scope.managed();
		Set<String> read = scope.read();
		// a rehearsal checks a database changed by its own transaction: never remembered
		boolean remembered = rehearsed.isEmpty();
		Rechecks.Checked previous = remembered ? this.rechecks.get(declared, planned) : null;
		// the lint reads what the simulation made of the declarations: an earlier answer has none
		if (previous != null && previous.reusable() && !linted) {
			Analysis again = recheck(previous, declared, read, planned, start);
			if (again != null) {
				return new Outcome(again, null);
			}
		}
		References reach = searched(declared).and((previous != null) ? previous.reach() : References.NONE);
		Observation observed;
		try {
			observed = Transaction.rolledBack(this.dataSource, (connection) -> {
				if (!rehearsed.isEmpty()) {
					EventTriggerSilence.ensure(connection, EventTriggerSilence.Ddl.ANY);
					PlanExecutor.run(connection, rehearsed, this.settings);
				}
				return observe(connection, declared, read, planned, remembered ? reach : null, linted);
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Checking " + declared.size() + " declared entities failed: "
					+ ServerError.of(ex).message(), ex);
		}
		Analysis analysis = analysis(observed, declared, managed, start);
		Environment environment = observed.environment();
		if (environment != null) {
			References referenced = observed.simulated().references();
			this.rechecks.put(declared, planned,
					new Rechecks.Checked(reach.and(referenced), environment, observed.liveSide().live(),
							observed.liveSide().surroundings(), observed.liveSide().currentUser(), analysis,
							referenced.within(reach), observed.stamp()));
		}
		return new Outcome(analysis, observed.lint());
	}

	/**
	 * Checks and plans in the caller's transaction, in a savepoint that is rolled back: what the
	 * transaction did before is seen, and locks it took (an advisory lock) are kept.
	 * @param connection a connection in a transaction
	 * @param declared the declared entities
	 * @return the report and the plan
	 * @throws SQLException if the database cannot be read
	 */
	Analysis analyze(Connection connection, List<PgEntity> declared) throws SQLException {
		long start = System.nanoTime();
		Scope scope = scope(declared);
		Savepoint savepoint = connection.setSavepoint();
		Observation observed;
		try {
			observed = observe(connection, declared, scope.read(), true, null, false);
		}
		finally {
			connection.rollback(savepoint);
		}
		return analysis(observed, declared, scope.managed(), start);
	}

	/**
	 * Checks and plans in the caller's transaction, as {@link #analyze(Connection, List)} does,
	 * with a simulation made earlier: only the live side is read, in a savepoint that is rolled
	 * back.
	 * @param connection a connection in a transaction
	 * @param declared the declared entities
	 * @param simulated what PostgreSQL made of them, keyed by them
	 * @return the report and the plan
	 * @throws SQLException if the database cannot be read
	 */
	Analysis analyze(Connection connection, List<PgEntity> declared, SimulationResult simulated) throws SQLException {
		long start = System.nanoTime();
		Scope scope = scope(declared);
		Savepoint savepoint = connection.setSavepoint();
		LiveSide live;
		try {
			applySettings(connection);
			live = liveSide(connection, scope.read(), true);
		}
		finally {
			connection.rollback(savepoint);
		}
		return analysis(live, simulated, declared, scope.managed(), start);
	}

	/**
	 * What a check reads of the live database: the role it runs as, the entities, and, when it
	 * plans, their surroundings.
	 */
	private record LiveSide(String currentUser, CatalogSnapshot live, @Nullable Surroundings surroundings) {

	}

	private Analysis analysis(Observation observed, List<PgEntity> declared, Set<String> managed, long start) {
		return analysis(observed.liveSide(), observed.simulated(), declared, managed, start);
	}

	private Analysis analysis(LiveSide observed, SimulationResult simulated, List<PgEntity> declared,
			Set<String> managed, long start) {
		List<EntityComparison> comparisons = DriftComparator.compare(simulated.canonical(), observed.live(),
				managed, this.settings.ignored());
		DriftReport report = new DriftReport(comparisons.stream().map(EntityComparison::toDrift).toList(),
				Duration.ofNanos(System.nanoTime() - start));
		logger.debug("Checked {} declared entities against schemas {} in {} ms", declared.size(), managed,
				report.duration().toMillis());
		Surroundings surroundings = observed.surroundings();
		if (surroundings == null) {
			return new Analysis(report, EMPTY_PLAN);
		}
		DependencyGraph liveNeeds = DependencyGraph.of(observed.live()).merge(surroundings.bystanderNeeds());
		DependencyGraph declaredNeeds = DependencyGraph.of(simulated.snapshot(), observed.live())
			.merge(surroundings.bystanderNeeds());
		PlanningProblem problem = new PlanningProblem(comparisons, liveNeeds, declaredNeeds,
				creationOrder(simulated), surroundings.withBystanders(unreported(observed.live(), comparisons)),
				new Planner.Options(this.settings.dropUndeclared(), observed.currentUser(), false));
		MigrationPlan plan = Planner.plan(problem);
		if (plan.isRefused()) {
			return new Analysis(report, plan, EMPTY_PLAN);
		}
		return new Analysis(report, plan, Planner.plan(problem.reversed()));
	}

	/**
	 * The schemas whose names a simulation of the declarations searches, and the roles the
	 * declarations name as owners and grantees. Reading roles from the text is a guess, but a
	 * safe one: what the simulation really referenced decides whether its answer is kept.
	 */
	private References searched(List<PgEntity> declared) {
		Set<String> schemas = new LinkedHashSet<>(this.searchPath);
		Set<String> roles = new LinkedHashSet<>();
		for (PgEntity entity : declared) {
			schemas.add(entity.schema());
			String owner = entity.access().owner();
			if (owner != null) {
				roles.addAll(roleNames(owner));
			}
			entity.access().grants().forEach((grant) -> roles.addAll(roleNames(grant.grantees())));
		}
		return new References(schemas, roles);
	}

	private static List<String> roleNames(String roles) {
		List<String> names = new ArrayList<>();
		for (String role : roles.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
			String name = role.strip().replaceFirst("(?i)^group\\s+", "");
			if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
				names.add(name.substring(1, name.length() - 1).replace("\"\"", "\""));
			}
			else if (!name.isEmpty()) {
				names.add(name.toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	/**
	 * The fast path: the answer of an earlier full check of the same declarations, when one
	 * read-only look at the catalog finds the live entities and everything the simulation
	 * depended on as they were then. Sends no DDL.
	 * @return the earlier answer, timed anew, or {@code null} when anything changed
	 */
	private @Nullable Analysis recheck(Rechecks.Checked previous, List<PgEntity> declared, Set<String> read,
			boolean planned, long start) {
		Look look;
		try {
			look = Transaction.rolledBack(this.dataSource, (connection) -> {
				readOnly(connection);
				CatalogStamp stamp = CatalogStampReader.read(connection);
				if (stamp.equals(previous.stamp())) {
					return new Look(true, null);
				}
				if (!unchanged(connection, previous, read, planned)) {
					return new Look(false, null);
				}
				// kept only when nothing changed while the definitions were compared
				return new Look(true, CatalogStampReader.unchangedSince(connection, stamp));
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Checking " + declared.size() + " declared entities failed: "
					+ ServerError.of(ex).message(), ex);
		}
		if (!look.unchanged()) {
			logger.debug("Checking {} declared entities again: the database changed since the last check",
					declared.size());
			return null;
		}
		CatalogStamp settled = look.settled();
		if (settled != null) {
			this.rechecks.put(declared, planned, previous.withStamp(settled));
		}
		Analysis analysis = previous.analysis();
		DriftReport report = new DriftReport(analysis.report().entities(), Duration.ofNanos(System.nanoTime() - start));
		logger.debug("Checked {} declared entities in {} ms: nothing changed since the last check", declared.size(),
				report.duration().toMillis());
		return new Analysis(report, analysis.plan(), analysis.undoPlan());
	}

	/**
	 * Whether the environment, the current user, the live entities and, when a plan was made,
	 * their surroundings are those an earlier check saw.
	 */
	private boolean unchanged(Connection connection, Rechecks.Checked previous, Set<String> read, boolean planned)
			throws SQLException {
		Environment environment = EnvironmentReader.read(connection, previous.reach().schemas(),
				previous.reach().roles(), List.of());
		if (!environment.equals(previous.environment()) || !currentUser(connection).equals(previous.currentUser())) {
			return false;
		}
		CatalogSnapshot live = live(connection, read, planned);
		if (!live.equals(previous.live())) {
			return false;
		}
		return !planned || Surroundings.read(connection, read, live).equals(previous.surroundings());
	}

	/**
	 * What a look at the database found: whether nothing changed, and the catalog's stamp to
	 * keep when a comparison of the definitions proved it.
	 */
	private record Look(boolean unchanged, @Nullable CatalogStamp settled) {

	}

	/**
	 * Starts a transaction that only reads: a check's settings, and generic plans for the
	 * catalog queries. Planned anew for the arrays they are given, each costs a few
	 * milliseconds of planning, a large share of a check that sends nothing else; a generic plan
	 * is made once per connection, once the driver keeps the statement prepared.
	 */
	private void readOnly(Connection connection) throws SQLException {
		List<String> settings = new ArrayList<>(
				List.of("SET TRANSACTION READ ONLY", "SET LOCAL plan_cache_mode = force_generic_plan"));
		settings.addAll(this.settings.checkTransactionSettings());
		execute(connection, settings);
	}

	/**
	 * Everything a check reads from the database, in its one rolled-back transaction.
	 */
	private Observation observe(Connection connection, List<PgEntity> declared, Set<String> read, boolean planned,
			@Nullable References reach, boolean linted) throws SQLException {
		Savepoint start = connection.setSavepoint();
		applySettings(connection);
		// read before anything else: whatever changes after this read, a later look finds
		// changed, and falls back to a full check. The catalog's stamp, read before and after
		// the reads, pins them to one state of the catalog when the two are equal
		CatalogStamp before = (reach != null) ? CatalogStampReader.read(connection) : null;
		Environment environment = (reach != null)
				? EnvironmentReader.read(connection, reach.schemas(), reach.roles(), List.of()) : null;
		LiveSide live = liveSide(connection, read, planned);
		CatalogStamp stamp = (before != null) ? CatalogStampReader.unchangedSince(connection, before) : null;
		// printing a view's definition takes a lock on it until the transaction ends: let the
		// live side's locks go before the simulation takes its own, so that large checks fit
		// the server's lock table. Rolling back to a savepoint releases them as well, and
		// keeps a plan rehearsed before the check
		connection.rollback(start);
		applySettings(connection);
		SimulationResult simulated = Simulation.run(connection, declared, this.searchPath,
				this.settings.checkTransactionSettings());
		LintFacts lint = linted ? LintFacts.read(connection, simulated) : null;
		return new Observation(live, simulated, environment, stamp, lint);
	}

	/**
	 * Reads the live side: the current user, the live entities and, when a plan is made,
	 * their surroundings.
	 */
	private static LiveSide liveSide(Connection connection, Set<String> read, boolean planned) throws SQLException {
		String currentUser = currentUser(connection);
		CatalogSnapshot live = live(connection, read, planned);
		return new LiveSide(currentUser, live, planned ? Surroundings.read(connection, read, live) : null);
	}

	/**
	 * The live entities; with the dependencies between them only when a plan is made.
	 */
	private static CatalogSnapshot live(Connection connection, Set<String> read, boolean planned) throws SQLException {
		return planned ? CatalogReader.read(connection, read, NameMapping.identity())
				: CatalogReader.readDefinitions(connection, read, NameMapping.identity());
	}

	private record Observation(LiveSide liveSide, SimulationResult simulated, @Nullable Environment environment,
			@Nullable CatalogStamp stamp, @Nullable LintFacts lint) {

	}

	private void applySettings(Connection connection) throws SQLException {
		applySettings(connection, this.settings);
	}

	/**
	 * Starts a check's transaction: its timeouts and the printing {@code search_path}.
	 */
	static void applySettings(Connection connection, EngineSettings settings) throws SQLException {
		execute(connection, settings.checkTransactionSettings());
	}

	private static void execute(Connection connection, List<String> settings) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String setting : settings) {
				statement.addBatch(setting);
			}
			statement.executeBatch();
		}
	}

	private static String currentUser(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_user")) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * The live objects no comparison covers: ignored ones, and undeclared ones in schemas that
	 * are read but not managed. The plan leaves them alone unless something they depend on is
	 * dropped; then they are recreated as they are, since a drop without CASCADE would fail.
	 */
	private static List<CatalogEntity> unreported(CatalogSnapshot live, List<EntityComparison> comparisons) {
		Set<String> compared = new HashSet<>();
		comparisons.forEach((comparison) -> compared.add(comparison.identity()));
		return live.entities().stream().filter((entity) -> !compared.contains(entity.identity())).toList();
	}

	private static List<String> creationOrder(SimulationResult simulated) {
		List<String> order = new ArrayList<>();
		for (PgEntity entity : simulated.creationOrder()) {
			order.add(simulated.canonical().get(entity).identity());
		}
		return order;
	}

}
