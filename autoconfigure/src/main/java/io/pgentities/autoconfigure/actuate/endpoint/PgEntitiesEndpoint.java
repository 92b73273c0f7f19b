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
package io.pgentities.autoconfigure.actuate.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.Hazard;
import io.pgentities.LintFinding;
import io.pgentities.LintedAnalysis;
import io.pgentities.LockMode;
import io.pgentities.PlanRefusal;
import io.pgentities.PlannedStatement;
import io.pgentities.TenantDrift;
import io.pgentities.TenantDriftReport;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesCheckers;
import io.pgentities.autoconfigure.PgEntitiesTenantChecker;
import io.pgentities.internal.catalog.IdentityPatterns;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.util.Assert;

/**
 * {@link Endpoint @Endpoint} that compares the declared entities with the database. Each
 * read runs a check, which takes no lock stronger than {@code ACCESS SHARE} and changes
 * nothing; the endpoint has no write or delete operations. With one checked DataSource it
 * reports on it alone; with several, on each under its name, and an entity's path starts
 * with the name of its DataSource. A DataSource with tenant schemas has a {@code tenants}
 * section.
 */
@Endpoint(id = "pgentities", defaultAccess = Access.READ_ONLY)
public class PgEntitiesEndpoint {

	private final PgEntitiesCheckers checkers;

	/**
	 * Create a new endpoint of one DataSource.
	 * @param checker the checker that compares the declarations with the database
	 */
	public PgEntitiesEndpoint(PgEntitiesChecker checker) {
		this(PgEntitiesCheckers.of(checker));
	}

	/**
	 * Create a new endpoint of one or more DataSources, with the tenant schemas of those
	 * that have a {@link PgEntitiesCheckers#getTenants(String) tenant checker}.
	 * @param checkers the checkers that compare the declarations with each DataSource
	 */
	@Autowired
	public PgEntitiesEndpoint(PgEntitiesCheckers checkers) {
		Assert.notNull(checkers, "'checkers' must not be null");
		this.checkers = checkers;
	}

	/**
	 * Create a new endpoint of one or more DataSources, the first of which has tenant schemas.
	 * @param checkers the checkers that compare the declarations with each DataSource
	 * @param tenants the tenant checker of the first DataSource, or {@code null} without tenants
	 */
	public PgEntitiesEndpoint(PgEntitiesCheckers checkers, @Nullable PgEntitiesTenantChecker tenants) {
		this(checkers.withTenants(checkers.getDataSourceNames().iterator().next(), tenants));
	}

	/**
	 * Check every entity of every checked DataSource.
	 * @return the drift report and the plan: a {@link PgEntitiesDescriptor} with one
	 * DataSource, a {@link DataSourcesDescriptor} with several
	 */
	@ReadOperation
	public OperationResponseBody entities() {
		if (this.checkers.isSingle()) {
			return dataSource(this.checkers.getDataSourceNames().iterator().next());
		}
		Map<String, PgEntitiesDescriptor> dataSources = new LinkedHashMap<>();
		for (String name : this.checkers.getDataSourceNames()) {
			dataSources.put(name, dataSource(name));
		}
		return new DataSourcesDescriptor(dataSources);
	}

	/**
	 * Check every entity of one DataSource.
	 * @param dataSourceName the name of the DataSource
	 * @return the drift report and the plan
	 * @throws IllegalArgumentException if that DataSource is not checked
	 */
	public PgEntitiesDescriptor dataSource(String dataSourceName) {
		PgEntitiesChecker checker = checker(dataSourceName);
		PgEntitiesTenantChecker tenants = this.checkers.getTenants(dataSourceName);
		LintedAnalysis linted = checker.analyzeAndLint();
		return new PgEntitiesDescriptor(linted.analysis(), linted.lint(),
				(tenants != null) ? new TenantsDescriptor(tenants.check()) : null);
	}

	private PgEntitiesChecker checker(String dataSourceName) {
		PgEntitiesChecker checker = this.checkers.get(dataSourceName);
		Assert.isTrue(checker != null, () -> "DataSource '" + dataSourceName + "' is not checked");
		return checker;
	}

	/**
	 * Check the database and return one entity.
	 * @param identity the entity's identity, such as {@code public.total(integer, numeric)};
	 * slashes in quoted names split it into several path segments. With several
	 * DataSources, the first segment names the DataSource
	 * @return the entity, or {@code null} when no declared or undeclared entity has that
	 * identity
	 * @see #lookup(String[])
	 */
	@ReadOperation
	public @Nullable EntityDriftDescriptor entity(@Selector(match = Match.ALL_REMAINING) String[] identity) {
		return lookup(identity).entity();
	}

	/**
	 * Check the database and look one entity up. The identity is read as PostgreSQL would read
	 * it: unquoted names fold to lower case, an unqualified name is in the default schema, and
	 * argument types are resolved through their aliases by the server ({@code f(int)} finds
	 * {@code public.f(integer)}), over a read-only transaction.
	 * @param identity the entity's identity as written, in one or more path segments
	 * @return the entity found, or what was looked for
	 */
	public EntityLookup lookup(String[] identity) {
		if (this.checkers.isSingle()) {
			return lookup(this.checkers.asMap().values().iterator().next(), identity);
		}
		PgEntitiesChecker checker = (identity.length > 1) ? this.checkers.get(identity[0]) : null;
		if (checker == null) {
			return new EntityLookup(null, EntityNotFoundDescriptor.noDataSource(String.join("/", identity),
					this.checkers.getDataSourceNames()));
		}
		return lookup(checker, Arrays.copyOfRange(identity, 1, identity.length));
	}

	private EntityLookup lookup(PgEntitiesChecker checker, String[] identity) {
		String wanted = String.join("/", identity);
		List<EntityDrift> entities = checker.analyze().report().entities();
		for (EntityDrift entity : entities) {
			if (entity.identity().equals(wanted)) {
				return new EntityLookup(new EntityDriftDescriptor(entity), null);
			}
		}
		List<String> lookedFor = checker.getEngine().resolveIdentity(wanted);
		List<String> keys = new ArrayList<>(lookedFor.stream().map(IdentityPatterns::withoutSpaces).toList());
		// text the resolver could not read may still be an identity with its spaces left out
		keys.add(IdentityPatterns.withoutSpaces(wanted));
		for (String key : keys) {
			for (EntityDrift entity : entities) {
				if (IdentityPatterns.withoutSpaces(entity.identity()).equals(key)) {
					return new EntityLookup(new EntityDriftDescriptor(entity), null);
				}
			}
		}
		return new EntityLookup(null, new EntityNotFoundDescriptor(wanted, lookedFor, sameName(entities, lookedFor)));
	}

	/**
	 * The entities that differ from a looked-for identity only in their argument types.
	 */
	private static List<String> sameName(List<EntityDrift> entities, List<String> lookedFor) {
		List<String> similar = new ArrayList<>();
		for (String identity : lookedFor) {
			int arguments = identity.indexOf('(');
			if (arguments < 0) {
				continue;
			}
			String prefix = identity.substring(0, arguments + 1);
			entities.stream()
				.map(EntityDrift::identity)
				.filter((candidate) -> candidate.startsWith(prefix))
				.forEach(similar::add);
		}
		return similar;
	}

	/**
	 * The result of a lookup: the entity, or what was looked for in vain.
	 *
	 * @param entity the entity found, or {@code null}
	 * @param notFound what was looked for, when nothing was found
	 */
	public record EntityLookup(@Nullable EntityDriftDescriptor entity, @Nullable EntityNotFoundDescriptor notFound) {

	}

	/**
	 * A description of the checks of several DataSources: whether each matches its
	 * declarations, and the check of each by DataSource name.
	 */
	public static final class DataSourcesDescriptor implements OperationResponseBody {

		private final boolean inSync;

		private final Map<String, PgEntitiesDescriptor> dataSources;

		DataSourcesDescriptor(Map<String, PgEntitiesDescriptor> dataSources) {
			this.inSync = dataSources.values().stream().allMatch(PgEntitiesDescriptor::isInSync);
			this.dataSources = dataSources;
		}

		/**
		 * Whether every DataSource matches its declarations.
		 * @return whether all are in sync
		 */
		public boolean isInSync() {
			return this.inSync;
		}

		public Map<String, PgEntitiesDescriptor> getDataSources() {
			return this.dataSources;
		}

	}

	/**
	 * A description of a check: whether the database matches the declarations, every
	 * entity compared, and the plan that would resolve the drift, or why no plan can.
	 */
	public static final class PgEntitiesDescriptor implements OperationResponseBody {

		private final boolean inSync;

		private final long durationMs;

		private final List<EntityDriftDescriptor> entities;

		private final List<String> plan;

		private final List<PlannedStatementDescriptor> steps;

		private final @Nullable RefusalDescriptor refusal;

		private final List<LintFindingDescriptor> lint;

		private final @Nullable TenantsDescriptor tenants;

		PgEntitiesDescriptor(Analysis analysis, List<LintFinding> lint, @Nullable TenantsDescriptor tenants) {
			DriftReport report = analysis.report();
			this.inSync = report.inSync();
			this.durationMs = report.duration().toMillis();
			this.entities = report.entities().stream().map(EntityDriftDescriptor::new).toList();
			this.plan = analysis.plan().statements();
			this.steps = analysis.plan().steps().stream().map(PlannedStatementDescriptor::new).toList();
			PlanRefusal refusal = analysis.plan().refusal();
			this.refusal = (refusal != null) ? new RefusalDescriptor(refusal) : null;
			this.lint = lint.stream().map(LintFindingDescriptor::new).toList();
			this.tenants = tenants;
		}

		public boolean isInSync() {
			return this.inSync;
		}

		public long getDurationMs() {
			return this.durationMs;
		}

		public List<EntityDriftDescriptor> getEntities() {
			return this.entities;
		}

		public List<String> getPlan() {
			return this.plan;
		}

		/**
		 * The statements of the plan with the lock each takes and its hazards.
		 * @return the statements, in the order of {@link #getPlan()}
		 */
		public List<PlannedStatementDescriptor> getSteps() {
			return this.steps;
		}

		/**
		 * Why no plan can resolve the drift; the plan is then empty.
		 * @return the refusal, or {@code null} when a plan was made
		 */
		public @Nullable RefusalDescriptor getRefusal() {
			return this.refusal;
		}

		/**
		 * The findings of the security lint of the declarations.
		 * @return the findings, empty when there are none
		 */
		public List<LintFindingDescriptor> getLint() {
			return this.lint;
		}

		/**
		 * How the tenant schemas compare with the tenant template.
		 * @return the tenants, or {@code null} without tenants
		 */
		public @Nullable TenantsDescriptor getTenants() {
			return this.tenants;
		}

	}

	/**
	 * A description of a tenant check: every drifted tenant schema by name, and the drifted
	 * entities of the first {@link TenantDriftReport#DETAILED_TENANTS} of them.
	 */
	public static final class TenantsDescriptor {

		private final boolean inSync;

		private final int schemas;

		private final List<String> driftedSchemas;

		private final Map<String, List<EntityDriftDescriptor>> drifted;

		TenantsDescriptor(TenantDriftReport report) {
			this.inSync = report.inSync();
			this.schemas = report.schemas().size();
			this.driftedSchemas = report.driftedSchemas();
			Map<String, List<EntityDriftDescriptor>> drifted = new LinkedHashMap<>();
			for (TenantDrift tenant : report.details()) {
				drifted.put(tenant.schema(), tenant.entities().stream().map(EntityDriftDescriptor::new).toList());
			}
			this.drifted = drifted;
		}

		public boolean isInSync() {
			return this.inSync;
		}

		public int getSchemas() {
			return this.schemas;
		}

		public List<String> getDriftedSchemas() {
			return this.driftedSchemas;
		}

		public Map<String, List<EntityDriftDescriptor>> getDrifted() {
			return this.drifted;
		}

	}

	/**
	 * A description of one statement of the plan: its SQL, the object it belongs to, the lock
	 * it takes on an existing relation and what it risks.
	 */
	public static final class PlannedStatementDescriptor {

		private final String sql;

		private final @Nullable EntityKind kind;

		private final @Nullable String identity;

		private final @Nullable LockDescriptor lock;

		private final List<Hazard> hazards;

		PlannedStatementDescriptor(PlannedStatement statement) {
			this.sql = statement.sql();
			this.kind = statement.kind();
			this.identity = statement.identity();
			PlannedStatement.Lock lock = statement.lock();
			this.lock = (lock != null) ? new LockDescriptor(lock) : null;
			this.hazards = List.copyOf(statement.hazards());
		}

		public String getSql() {
			return this.sql;
		}

		public @Nullable EntityKind getKind() {
			return this.kind;
		}

		public @Nullable String getIdentity() {
			return this.identity;
		}

		/**
		 * The lock the statement takes on an existing relation.
		 * @return the lock, or {@code null} when it takes none
		 */
		public @Nullable LockDescriptor getLock() {
			return this.lock;
		}

		public List<Hazard> getHazards() {
			return this.hazards;
		}

	}

	/**
	 * A description of a lock on a relation.
	 */
	public static final class LockDescriptor {

		private final String relation;

		private final LockMode mode;

		LockDescriptor(PlannedStatement.Lock lock) {
			this.relation = lock.relation();
			this.mode = lock.mode();
		}

		public String getRelation() {
			return this.relation;
		}

		public LockMode getMode() {
			return this.mode;
		}

	}

	/**
	 * A description of a finding of the security lint.
	 */
	public static final class LintFindingDescriptor {

		private final String rule;

		private final EntityKind kind;

		private final String identity;

		private final String source;

		private final String why;

		private final String fix;

		LintFindingDescriptor(LintFinding finding) {
			this.rule = finding.ruleId();
			this.kind = finding.kind();
			this.identity = finding.identity();
			this.source = finding.source();
			this.why = finding.why();
			this.fix = finding.fix();
		}

		public String getRule() {
			return this.rule;
		}

		public EntityKind getKind() {
			return this.kind;
		}

		public String getIdentity() {
			return this.identity;
		}

		public String getSource() {
			return this.source;
		}

		public String getWhy() {
			return this.why;
		}

		public String getFix() {
			return this.fix;
		}

	}

	/**
	 * A description of why no plan can resolve the drift, and what to do by hand.
	 */
	public static final class RefusalDescriptor {

		private final String entity;

		private final List<String> dependents;

		private final String reason;

		private final String action;

		RefusalDescriptor(PlanRefusal refusal) {
			this.entity = refusal.entity();
			this.dependents = refusal.dependents();
			this.reason = refusal.reason();
			this.action = refusal.action();
		}

		public String getEntity() {
			return this.entity;
		}

		public List<String> getDependents() {
			return this.dependents;
		}

		public String getReason() {
			return this.reason;
		}

		public String getAction() {
			return this.action;
		}

	}

	/**
	 * A description of one compared entity.
	 */
	public static final class EntityDriftDescriptor implements OperationResponseBody {

		private final EntityKind kind;

		private final String schema;

		private final String name;

		private final String identity;

		private final DriftStatus status;

		private final String source;

		private final String diff;

		EntityDriftDescriptor(EntityDrift entity) {
			this.kind = entity.kind();
			this.schema = entity.schema();
			this.name = entity.name();
			this.identity = entity.identity();
			this.status = entity.status();
			this.source = entity.source();
			this.diff = entity.diff();
		}

		public EntityKind getKind() {
			return this.kind;
		}

		public String getSchema() {
			return this.schema;
		}

		public String getName() {
			return this.name;
		}

		public String getIdentity() {
			return this.identity;
		}

		public DriftStatus getStatus() {
			return this.status;
		}

		public String getSource() {
			return this.source;
		}

		public String getDiff() {
			return this.diff;
		}

	}

	/**
	 * What a lookup looked for when no entity has the identity.
	 */
	public static final class EntityNotFoundDescriptor implements OperationResponseBody {

		private static final String HINT = "Identities are schema.name for views and materialized views, "
				+ "schema.name(argument types) for functions, procedures and aggregates, schema.table.name for triggers "
				+ "and policies, and the name for extensions and event triggers. Unquoted names are read in lower case, unqualified ones in the default schema, and "
				+ "argument types as PostgreSQL resolves them (int is integer). GET /actuator/pgentities lists "
				+ "every entity compared.";

		private final String error;

		private final String requested;

		private final List<String> lookedFor;

		private final List<String> sameName;

		private final String hint;

		EntityNotFoundDescriptor(String requested, List<String> lookedFor, List<String> sameName) {
			this("No entity " + lookedFor.get(0), requested, lookedFor, sameName, HINT);
		}

		private EntityNotFoundDescriptor(String error, String requested, List<String> lookedFor,
				List<String> sameName, String hint) {
			this.error = error;
			this.requested = requested;
			this.lookedFor = List.copyOf(lookedFor);
			this.sameName = List.copyOf(sameName);
			this.hint = hint;
		}

		static EntityNotFoundDescriptor noDataSource(String requested, Collection<String> dataSourceNames) {
			return new EntityNotFoundDescriptor("No entity " + requested + " in a checked DataSource", requested,
					List.of(), List.of(), "With several DataSources, an entity's path starts with the name of its "
							+ "DataSource, one of " + dataSourceNames + ". " + HINT);
		}

		public String getError() {
			return this.error;
		}

		public String getRequested() {
			return this.requested;
		}

		public List<String> getLookedFor() {
			return this.lookedFor;
		}

		public List<String> getSameName() {
			return this.sameName;
		}

		public String getHint() {
			return this.hint;
		}

	}

}
