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
package io.pgentities.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.pgentities.Analysis;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.TenantDriftReport;
import io.pgentities.TenantReconciliation;
import io.pgentities.TenantTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks and reconciles the tenant schemas of one DataSource against the tenant template
 * ({@code pg-entities.tenants.*}, or {@code pg-entities.datasources.<name>.tenants.*}), and
 * remembers the last check for the health contributor, the endpoint and the metrics. The
 * tenant schemas are asked for again at each check. With Micrometer's
 * {@code ObservationRegistry}, auto-configuration observes each check, reconciliation and
 * provisioning.
 */
public class PgEntitiesTenantChecker {

	private final String dataSourceName;

	private final PgEntitiesEngine engine;

	private final TenantTemplate template;

	private final PgEntitiesTenants tenants;

	private final Observations observations;

	private final LastResult<TenantDriftReport> last;

	/**
	 * Create a new tenant checker.
	 * @param engine the engine that checks
	 * @param template the entities of every tenant schema
	 * @param tenants where the tenant schemas are
	 * @param timeToLive how long {@link #cachedReport()} reuses the last result
	 */
	public PgEntitiesTenantChecker(PgEntitiesEngine engine, TenantTemplate template, PgEntitiesTenants tenants,
			Duration timeToLive) {
		this(PgEntitiesChecker.DEFAULT_DATA_SOURCE_NAME, engine, template, tenants, timeToLive);
	}

	/**
	 * Create a new tenant checker of a named DataSource.
	 * @param dataSourceName the name of the DataSource, as reports and observations show it
	 * @param engine the engine that checks
	 * @param template the entities of every tenant schema
	 * @param tenants where the tenant schemas are
	 * @param timeToLive how long {@link #cachedReport()} reuses the last result
	 */
	public PgEntitiesTenantChecker(String dataSourceName, PgEntitiesEngine engine, TenantTemplate template,
			PgEntitiesTenants tenants, Duration timeToLive) {
		this(dataSourceName, engine, template, tenants, timeToLive, Clock.systemUTC(), Observations.NONE);
	}

	PgEntitiesTenantChecker(String dataSourceName, PgEntitiesEngine engine, TenantTemplate template,
			PgEntitiesTenants tenants, Duration timeToLive, Clock clock, Observations observations) {
		Assert.hasText(dataSourceName, "'dataSourceName' must not be empty");
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(template, "'template' must not be null");
		Assert.notNull(tenants, "'tenants' must not be null");
		Assert.notNull(timeToLive, "'timeToLive' must not be null");
		Assert.notNull(observations, "'observations' must not be null");
		this.dataSourceName = dataSourceName;
		this.engine = engine;
		this.template = template;
		this.tenants = tenants;
		this.observations = observations;
		this.last = new LastResult<>(timeToLive, clock);
	}

	/**
	 * Return the name of the DataSource whose tenant schemas this checker checks.
	 * @return the name
	 */
	public String getDataSourceName() {
		return this.dataSourceName;
	}

	/**
	 * Return the tenant template.
	 * @return the template
	 */
	public TenantTemplate getTemplate() {
		return this.template;
	}

	/**
	 * Return where the tenant schemas are.
	 * @return the tenants
	 */
	public PgEntitiesTenants getTenants() {
		return this.tenants;
	}

	/**
	 * Check every tenant schema now, and remember the result.
	 * @return the report
	 * @throws io.pgentities.PgEntitiesException if the check fails
	 */
	public TenantDriftReport check() {
		return this.last.record(this.observations.checkTenants(this.dataSourceName,
				() -> this.engine.checkTenants(this.template, this.tenants)));
	}

	/**
	 * Return the last result if it is younger than the time to live, else check now.
	 * Concurrent callers share one check.
	 * @return the report
	 */
	public TenantDriftReport cachedReport() {
		return this.last.cached(this::check);
	}

	/**
	 * Return the result of the last check, however old.
	 * @return the report, or {@code null} before the first check
	 */
	public @Nullable TenantDriftReport lastReport() {
		return this.last.get();
	}

	/**
	 * Reconcile every drifted tenant schema, each in a transaction of its own
	 * ({@link PgEntitiesEngine#reconcileTenants}); the last result is forgotten.
	 * @return the tenants applied and the tenants that failed
	 */
	public TenantReconciliation reconcile() {
		try {
			return this.observations.reconcileTenants(this.dataSourceName,
					() -> this.engine.reconcileTenants(this.template, this.tenants));
		}
		finally {
			this.last.forget();
		}
	}

	/**
	 * Plan one migration that brings every drifted tenant schema to the template when it
	 * runs ({@link PgEntitiesEngine#planTenants(TenantTemplate, PgEntitiesTenants)}).
	 * @return the plan, empty when every tenant schema is in sync
	 * @throws io.pgentities.PlanRefusedException if no plan can be made for a tenant
	 */
	public MigrationPlan plan() {
		return this.engine.planTenants(this.template, this.tenants);
	}

	/**
	 * Bring one tenant schema to the template, in a transaction of its own: the call for the
	 * code path that creates a tenant ({@link PgEntitiesEngine#provisionTenant(String, TenantTemplate)}).
	 * @param schema the tenant schema
	 * @return the analysis whose plan was applied
	 */
	public Analysis provision(String schema) {
		Assert.hasText(schema, "'schema' must not be empty");
		try {
			return this.observations.provisionTenant(this.dataSourceName, schema,
					() -> this.engine.provisionTenant(schema, this.template));
		}
		finally {
			this.last.forget();
		}
	}

}
