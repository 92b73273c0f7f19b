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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.Hazard;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.MigrationPlan;
import io.pgentities.PlanHazardException;
import io.pgentities.PlanRefusal;
import io.pgentities.PlanRefusedException;
import io.pgentities.TenantDrift;
import io.pgentities.TenantDriftReport;
import io.pgentities.TenantFailure;
import io.pgentities.TenantReconciliation;
import io.pgentities.TenantTemplate;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogReader;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.diff.DriftComparator;
import io.pgentities.internal.diff.EntityComparison;
import io.pgentities.internal.simulate.ServerError;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.simulate.Simulation;
import io.pgentities.internal.simulate.SimulationResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and provisions the tenant schemas of a {@link TenantTemplate}. A check reads the live
 * catalog of every tenant schema with one query per kind, simulates the template once, in the
 * scratch copy of one tenant schema, and reads what PostgreSQL made of it as each tenant's copy
 * by renaming that schema (see {@link NameMapping#renaming}); all in one transaction that is
 * rolled back. Provisioning works on one tenant schema at a time, under an advisory lock of its own;
 * reconciling analyzes each drifted tenant again under its lock with the check's simulation, read
 * as the tenant's copy, so that only the tenant's live objects are read again.
 */
public final class TenantAnalyzer {

	private static final Logger logger = LoggerFactory.getLogger(TenantAnalyzer.class);

	private final DataSource dataSource;

	private final EngineSettings settings;

	private final Set<Hazard> allowedHazards;

	/**
	 * Creates a tenant analyzer.
	 * @param dataSource the database
	 * @param settings the engine's settings; its managed schemas are not used
	 * @param allowedHazards the hazards a tenant's plan may have to be applied
	 */
	public TenantAnalyzer(DataSource dataSource, EngineSettings settings, Set<Hazard> allowedHazards) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.allowedHazards = Set.copyOf(allowedHazards);
	}

	/**
	 * Compares every tenant schema with the template.
	 * @param template the template
	 * @param schemas the tenant schemas
	 * @return the report
	 */
	public TenantDriftReport check(TenantTemplate template, List<String> schemas) {
		return report(compare(template, schemas));
	}

	private static TenantDriftReport report(Comparison comparison) {
		List<TenantDrift> details = new ArrayList<>();
		comparison.drifted().forEach((tenant, drifts) -> {
			if (details.size() < TenantDriftReport.DETAILED_TENANTS) {
				details.add(new TenantDrift(tenant, drifts));
			}
		});
		TenantDriftReport report = new TenantDriftReport(comparison.tenants(),
				List.copyOf(comparison.drifted().keySet()), details, Duration.ofNanos(System.nanoTime() - comparison.start()));
		logger.debug("Checked {} tenant schemas in {} ms: {} drifted", report.schemas().size(),
				report.duration().toMillis(), report.driftedSchemas().size());
		return report;
	}

	private Comparison compare(TenantTemplate template, List<String> schemas) {
		long start = System.nanoTime();
		List<String> tenants = schemas.stream().distinct().sorted().toList();
		if (tenants.isEmpty()) {
			return new Comparison(tenants, Map.of(), null, start);
		}
		// any tenant serves as the one the template is simulated in: its tables are what
		// triggers, policies and views of the template are made on
		String simulatedIn = tenants.get(0);
		List<PgEntity> declared = template.entitiesIn(simulatedIn);
		Observation observed;
		try {
			observed = Transaction.rolledBack(this.dataSource, (connection) -> {
				Savepoint savepoint = connection.setSavepoint();
				Analyzer.applySettings(connection, this.settings);
				CatalogSnapshot live = CatalogReader.read(connection, tenants, NameMapping.identity());
				// let the live side's locks go before the simulation takes its own, as a check does
				connection.rollback(savepoint);
				Analyzer.applySettings(connection, this.settings);
				return new Observation(live, Simulation.run(connection, declared, searchPath(simulatedIn),
						this.settings.checkTransactionSettings()));
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Checking " + declared.size() + " template entities in " + tenants.size()
					+ " tenant schemas failed: " + ServerError.of(ex).message(), ex);
		}
		Map<String, List<CatalogEntity>> liveBySchema = new HashMap<>();
		observed.live().entities()
			.forEach((entity) -> liveBySchema.computeIfAbsent(entity.schema(), (s) -> new ArrayList<>()).add(entity));
		Map<String, List<EntityDrift>> drifted = new LinkedHashMap<>();
		SimulatedTemplate simulated = new SimulatedTemplate(observed.simulated(), simulatedIn, declared);
		for (String tenant : tenants) {
			List<EntityDrift> drifts = compare(simulated.copyIn(tenant), tenant,
					liveBySchema.getOrDefault(tenant, List.of()));
			if (!drifts.isEmpty()) {
				drifted.put(tenant, drifts);
			}
		}
		return new Comparison(tenants, drifted, simulated, start);
	}

	/**
	 * How the tenant schemas compare with the template.
	 * @param tenants the tenant schemas, ordered
	 * @param drifted the drifted entities of each drifted tenant, in the same order
	 * @param template the template as simulated, or {@code null} without tenants
	 * @param start when the check started, from {@link System#nanoTime()}
	 */
	private record Comparison(List<String> tenants, Map<String, List<EntityDrift>> drifted,
			@Nullable SimulatedTemplate template, long start) {

	}

	/**
	 * The template as simulated in one tenant schema.
	 * @param simulated what PostgreSQL made of it
	 * @param simulatedIn the tenant schema it was simulated in
	 * @param declared its entities as declared there, in the template's order
	 */
	private record SimulatedTemplate(SimulationResult simulated, String simulatedIn, List<PgEntity> declared) {

		/**
		 * The simulation read as another tenant's copy, by renaming the schema it was
		 * simulated in; its canonical forms stay keyed by the entities as declared in that schema.
		 */
		SimulationResult copyIn(String tenant) {
			NameMapping mapping = this.simulated.mapping().renaming(this.simulatedIn, tenant);
			CatalogSnapshot snapshot = this.simulated.rows().snapshot(mapping);
			Map<Long, CatalogEntity> copies = new HashMap<>();
			snapshot.entities().forEach((entity) -> copies.put(entity.oid(), entity));
			Map<PgEntity, CatalogEntity> canonical = new IdentityHashMap<>();
			this.simulated.canonical().forEach((entity, form) -> canonical.put(entity, copies.get(form.oid())));
			return new SimulationResult(canonical, snapshot, mapping, this.simulated.creationOrder(),
					this.simulated.references(), this.simulated.rows());
		}

		/**
		 * {@link #copyIn} with the canonical forms keyed by the entities as declared in the
		 * tenant, so that a plan made from it names the tenant's objects wherever it takes
		 * them from the declarations.
		 */
		SimulationResult copyIn(String tenant, List<PgEntity> declaredThere) {
			SimulationResult copy = copyIn(tenant);
			Map<PgEntity, PgEntity> there = new IdentityHashMap<>();
			for (int i = 0; i < this.declared.size(); i++) {
				there.put(this.declared.get(i), declaredThere.get(i));
			}
			Map<PgEntity, CatalogEntity> canonical = new IdentityHashMap<>();
			copy.canonical().forEach((entity, form) -> canonical.put(there.get(entity), form));
			return new SimulationResult(canonical, copy.snapshot(), copy.mapping(),
					copy.creationOrder().stream().map(there::get).toList(), copy.references(), copy.rows());
		}

	}

	/**
	 * The drifted entities of one tenant: the template as simulated, read as this tenant's copy,
	 * compared with the tenant's live objects.
	 */
	private List<EntityDrift> compare(SimulationResult copy, String tenant, List<CatalogEntity> live) {
		List<EntityComparison> comparisons = DriftComparator.compare(copy.canonical(),
				new CatalogSnapshot(live, List.of()), Set.of(tenant), this.settings.ignored());
		return comparisons.stream()
			.filter((comparison) -> comparison.status() != DriftStatus.IN_SYNC)
			.map(EntityComparison::toDrift)
			.toList();
	}

	/**
	 * Reconciles every tenant schema that drifted, each in a transaction of its own: a failure
	 * rolls back that tenant only and is reported with its name.
	 * @param template the template
	 * @param schemas the tenant schemas
	 * @return the result
	 */
	public TenantReconciliation reconcile(TenantTemplate template, List<String> schemas) {
		Comparison comparison = compare(template, schemas);
		TenantDriftReport checked = report(comparison);
		List<String> applied = new ArrayList<>();
		List<TenantFailure> failures = new ArrayList<>();
		SimulatedTemplate simulated = comparison.template();
		for (String tenant : checked.driftedSchemas()) {
			try {
				// the check's simulation, read as the tenant's copy, serves its analysis under the
				// lock: only the tenant's live objects are read again there
				Analysis provisioned = provision(tenant, (connection, schema, declared) -> analyzer(schema)
					.analyze(connection, declared, simulated.copyIn(schema, declared)), template);
				if (!provisioned.plan().isEmpty()) {
					applied.add(tenant);
				}
			}
			catch (PgEntitiesException ex) {
				logger.warn("Reconciling tenant schema {} failed; it was rolled back: {}", tenant, ex.getMessage());
				failures.add(new TenantFailure(tenant, ex.getMessage(), ex));
			}
		}
		logger.info("Reconciled {} tenant schemas: {} applied, {} failed", checked.schemas().size(), applied.size(),
				failures.size());
		return new TenantReconciliation(checked, applied, failures);
	}

	/**
	 * Brings one tenant schema to the template in a transaction of its own, committed when the
	 * plan succeeds.
	 * @param schema the tenant schema
	 * @param template the template
	 * @return the analysis whose plan was applied
	 * @throws PgEntitiesException naming the tenant schema if it fails; nothing is applied then
	 */
	public Analysis provision(String schema, TenantTemplate template) {
		return provision(schema, this::analyzeFully, template);
	}

	private Analysis provision(String schema, TenantAnalysis analyzer, TenantTemplate template) {
		try {
			return Transaction.committed(this.dataSource,
					(connection) -> provision(connection, schema, analyzer, template));
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Provisioning tenant schema " + schema + " failed, nothing was applied: "
					+ ServerError.of(ex).message(), ex);
		}
		catch (PgEntitiesException ex) {
			throw new PgEntitiesException("Provisioning tenant schema " + schema + " failed, nothing was applied: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Brings one tenant schema to the template in the caller's transaction, holding the
	 * tenant's advisory lock until it ends: analyzes the tenant as it is once the lock is held,
	 * so that of two instances provisioning one tenant, the later finds it in sync.
	 * @param connection a connection in a transaction the caller commits
	 * @param schema the tenant schema
	 * @param template the template
	 * @return the analysis whose plan was applied
	 * @throws SQLException if the database fails
	 * @throws PlanRefusedException if no plan can be made
	 * @throws PlanHazardException if the plan has hazards that are not allowed; nothing is run
	 * @throws io.pgentities.PlanExecutionException if a statement of the plan fails
	 */
	public Analysis provision(Connection connection, String schema, TenantTemplate template) throws SQLException {
		return provision(connection, schema, this::analyzeFully, template);
	}

	private Analysis provision(Connection connection, String schema, TenantAnalysis analyzer, TenantTemplate template)
			throws SQLException {
		// hashtext, so that a generated migration's loop takes the same lock in SQL
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
			lock.setInt(1, PgEntitiesEngine.TENANT_LOCK_CLASS);
			lock.setString(2, schema);
			lock.execute();
		}
		Analysis analysis = analyzer.analyze(connection, schema, template.entitiesIn(schema));
		analysis.plan().requireApplicable(this.allowedHazards, analysis.report());
		// unqualified names in routine bodies are resolved, while they are created, as they were
		// in the simulation: in the tenant schema first
		String searchPath = setting(connection, "search_path");
		setLocal(connection, "search_path", searchPathSetting(schema));
		PlanExecutor.run(connection, analysis.plan().statements(), this.settings);
		setLocal(connection, "search_path", searchPath);
		return analysis;
	}

	/**
	 * A migration that brings every drifted tenant schema to the template when it runs, as
	 * {@link TenantMigration} loops; analyzing each drifted tenant changes nothing.
	 * @param template the template
	 * @param schemas the tenant schemas
	 * @param patterns the patterns the tenant schemas match, empty when they are listed by name
	 * @return the plan of the migration's statements, empty when every tenant is in sync
	 * @throws PlanRefusedException naming the tenant if no plan can be made for one
	 */
	public MigrationPlan plan(TenantTemplate template, List<String> schemas, List<String> patterns) {
		Comparison comparison = compare(template, schemas);
		TenantMigration migration = new TenantMigration(comparison.tenants(), this.settings.defaultSchema());
		// tenants that drifted alike (once their own schema is taken out) get the same plan:
		// one of them is analyzed for all
		Map<List<String>, String> plannedFor = new HashMap<>();
		Map<String, MigrationPlan> plans = new HashMap<>();
		comparison.drifted().forEach((tenant, drifts) -> {
			String planned = plannedFor.computeIfAbsent(TenantMigration.signature(tenant, drifts), (signature) -> {
				Analysis analysis = analyzer(tenant).analyze(template.entitiesIn(tenant));
				PlanRefusal refusal = analysis.plan().refusal();
				if (refusal != null) {
					throw new PlanRefusedException(refusal, analysis.report());
				}
				plans.put(tenant, analysis.plan());
				return tenant;
			});
			migration.add(tenant, planned, plans.get(planned));
		});
		return migration.plan(patterns);
	}

	private Analysis analyzeFully(Connection connection, String schema, List<PgEntity> declared) throws SQLException {
		return analyzer(schema).analyze(connection, declared);
	}

	/**
	 * How a tenant is analyzed once its lock is held.
	 */
	@FunctionalInterface
	private interface TenantAnalysis {

		Analysis analyze(Connection connection, String schema, List<PgEntity> declared) throws SQLException;

	}

	private Analyzer analyzer(String tenant) {
		return new Analyzer(this.dataSource, this.settings.withSchemas(List.of(tenant)), searchPath(tenant));
	}

	private String searchPathSetting(String tenant) {
		return searchPath(tenant).stream().map(Identifiers::quote).distinct().collect(Collectors.joining(", "));
	}

	private static String setting(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	private static void setLocal(Connection connection, String name, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
			statement.setString(1, name);
			statement.setString(2, value);
			statement.execute();
		}
	}

	private List<String> searchPath(String tenant) {
		return List.of(tenant, this.settings.defaultSchema());
	}

	private record Observation(CatalogSnapshot live, SimulationResult simulated) {

	}

}
