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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.EntityDeclaration;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogReader;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.diff.DriftComparator;
import io.pgentities.internal.diff.EntityComparison;
import io.pgentities.internal.plan.DependencyGraph;
import io.pgentities.internal.plan.Planner;
import io.pgentities.internal.plan.PlanningProblem;
import io.pgentities.internal.plan.Surroundings;
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

	private final List<String> searchPath;

	/**
	 * Creates an analyzer.
	 * @param dataSource the database
	 * @param settings the settings
	 */
	public Analyzer(DataSource dataSource, EngineSettings settings) {
		this(dataSource, settings, List.of(settings.defaultSchema()));
	}

	/**
	 * Creates an analyzer whose declarations look up unqualified references in several schemas.
	 * @param dataSource the database
	 * @param settings the settings
	 * @param searchPath the schemas unqualified references in declarations look in first
	 */
	Analyzer(DataSource dataSource, EngineSettings settings, List<String> searchPath) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.searchPath = List.copyOf(searchPath);
	}

	/**
	 * Checks and plans.
	 * @param declared the declared entities
	 * @return the report and the plan
	 */
	public Analysis analyze(List<PgEntity> declared) {
		return run(declared, true);
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
		return live.entities()
			.stream()
			.filter((entity) -> !this.settings.ignored().matches(entity))
			.sorted(Comparator.comparing(CatalogEntity::kind).thenComparing(CatalogEntity::identity))
			.map((entity) -> new EntityDeclaration(entity.kind(), entity.schema(), entity.name(), entity.identity(),
					entity.declarationStatements()))
			.toList();
	}

	private Analysis run(List<PgEntity> declared, boolean planned) {
		return run(declared, planned, List.of());
	}

	private Analysis run(List<PgEntity> declared, boolean planned, List<String> rehearsed) {
		long start = System.nanoTime();
		Set<String> managed = managedSchemas(declared);
		Set<String> read = readSchemas(managed, declared);
		Observation observed;
		try {
			observed = Transaction.rolledBack(this.dataSource, (connection) -> {
				if (!rehearsed.isEmpty()) {
					PlanExecutor.run(connection, rehearsed, this.settings);
				}
				return observe(connection, declared, read, planned);
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Checking " + declared.size() + " declared entities failed: "
					+ ServerError.of(ex).message(), ex);
		}
		return analysis(declared, managed, observed, start);
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
		Set<String> managed = managedSchemas(declared);
		Savepoint savepoint = connection.setSavepoint();
		Observation observed;
		try {
			observed = observe(connection, declared, readSchemas(managed, declared), true);
		}
		finally {
			connection.rollback(savepoint);
		}
		return analysis(declared, managed, observed, start);
	}

	private Set<String> managedSchemas(List<PgEntity> declared) {
		Set<String> managed = new LinkedHashSet<>(this.settings.schemas());
		if (managed.isEmpty()) {
			declared.forEach((entity) -> managed.add(entity.schema()));
		}
		return managed;
	}

	private static Set<String> readSchemas(Set<String> managed, List<PgEntity> declared) {
		Set<String> read = new LinkedHashSet<>(managed);
		declared.forEach((entity) -> read.add(entity.schema()));
		return read;
	}

	private Analysis analysis(List<PgEntity> declared, Set<String> managed, Observation observed, long start) {
		List<EntityComparison> comparisons = DriftComparator.compare(observed.simulated().canonical(), observed.live(),
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
		DependencyGraph declaredNeeds = DependencyGraph.of(observed.simulated().snapshot(), observed.live())
			.merge(surroundings.bystanderNeeds());
		PlanningProblem problem = new PlanningProblem(comparisons, liveNeeds, declaredNeeds,
				creationOrder(observed.simulated()), surroundings.withBystanders(unreported(observed.live(), comparisons)),
				new Planner.Options(this.settings.dropUndeclared(), observed.currentUser(), false));
		MigrationPlan plan = Planner.plan(problem);
		if (plan.isRefused()) {
			return new Analysis(report, plan, EMPTY_PLAN);
		}
		return new Analysis(report, plan, Planner.plan(problem.reversed()));
	}

	/**
	 * Everything a check reads from the database, in its one rolled-back transaction.
	 */
	private Observation observe(Connection connection, List<PgEntity> declared, Set<String> read, boolean planned)
			throws SQLException {
		Savepoint start = connection.setSavepoint();
		applySettings(connection);
		String currentUser = currentUser(connection);
		CatalogSnapshot live = CatalogReader.read(connection, read, NameMapping.identity());
		Surroundings surroundings = planned ? Surroundings.read(connection, read, live) : null;
		// printing a view's definition takes a lock on it until the transaction ends: let the
		// live side's locks go before the simulation takes its own, so that large checks fit
		// the server's lock table. Rolling back to a savepoint releases them as well, and
		// keeps a plan rehearsed before the check
		connection.rollback(start);
		applySettings(connection);
		SimulationResult simulated = Simulation.run(connection, declared, this.searchPath,
				this.settings.checkTransactionSettings());
		return new Observation(currentUser, live, surroundings, simulated);
	}

	private record Observation(String currentUser, CatalogSnapshot live, @Nullable Surroundings surroundings,
			SimulationResult simulated) {

	}

	private void applySettings(Connection connection) throws SQLException {
		applySettings(connection, this.settings);
	}

	/**
	 * Starts a check's transaction: its timeouts and the printing {@code search_path}.
	 */
	static void applySettings(Connection connection, EngineSettings settings) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String setting : settings.checkTransactionSettings()) {
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
