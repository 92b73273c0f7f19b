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
package io.pgentities.autoconfigure.actuate.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pgentities.DriftStatus;
import io.pgentities.TenantDriftReport;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesCheckers;
import io.pgentities.autoconfigure.PgEntitiesTenantChecker;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.Assert;

/**
 * {@link MeterBinder} for the gauges of each checked DataSource (tag {@code datasource},
 * its name):
 * <ul>
 * <li>{@code pg.entities.drift}, one per {@link DriftStatus} (tag {@code status}): how many
 * entities the last check found in that status. The gauges read the last check of the
 * startup check, the endpoint or the health contributor and never run one; before the
 * first check they are {@code NaN}.</li>
 * <li>{@code pg.entities.declared}, always {@code 1}, whose tag {@code fingerprint} is the
 * {@link io.pgentities.autoconfigure.PgEntityDeclarations#fingerprint() fingerprint} of
 * the declared entities: during a rollout it tells which instances run which
 * declarations.</li>
 * <li>{@code pg.entities.tenants}, for each DataSource with tenant schemas, one with tag
 * {@code status} {@code IN_SYNC} and one with {@code DRIFTED}: how many tenant schemas the
 * last tenant check found in sync with the tenant template, or drifted.</li>
 * </ul>
 * Tags are bounded: never one time series per entity.
 */
public class PgEntitiesMetrics implements MeterBinder {

	/**
	 * The name of the drift gauges.
	 */
	public static final String METRIC_NAME = "pg.entities.drift";

	/**
	 * The name of the gauge of the declared set.
	 */
	public static final String DECLARED_METRIC_NAME = "pg.entities.declared";

	/**
	 * The name of the gauges of tenant schemas, by status.
	 */
	public static final String TENANTS_METRIC_NAME = "pg.entities.tenants";

	private final PgEntitiesCheckers checkers;

	/**
	 * Create a new binder of one DataSource.
	 * @param checker the checker whose last result the gauges show
	 */
	public PgEntitiesMetrics(PgEntitiesChecker checker) {
		this(PgEntitiesCheckers.of(checker));
	}

	/**
	 * Create a new binder of one or more DataSources, and of the tenant schemas of those
	 * that have a {@link PgEntitiesCheckers#getTenants(String) tenant checker}.
	 * @param checkers the checkers whose last results the gauges show
	 */
	@Autowired
	public PgEntitiesMetrics(PgEntitiesCheckers checkers) {
		Assert.notNull(checkers, "'checkers' must not be null");
		this.checkers = checkers;
	}

	/**
	 * Create a new binder of one or more DataSources and of the tenant schemas of the first.
	 * @param checkers the checkers whose last results the gauges show
	 * @param tenants the tenant checker whose last result the tenant gauges show, or
	 * {@code null} without tenants
	 */
	public PgEntitiesMetrics(PgEntitiesCheckers checkers, @Nullable PgEntitiesTenantChecker tenants) {
		this(checkers.withTenants(checkers.getDataSourceNames().iterator().next(), tenants));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.checkers.asMap().forEach((name, checker) -> {
			for (DriftStatus status : DriftStatus.values()) {
				Gauge.builder(METRIC_NAME, checker, (measured) -> count(measured, status))
					.tag("datasource", name)
					.tag("status", status.name())
					.description("Number of pg-entities entities in a status at the last check")
					.baseUnit("entities")
					.register(registry);
			}
			Gauge.builder(DECLARED_METRIC_NAME, () -> 1)
				.tag("datasource", name)
				.tag("fingerprint", checker.getDeclarations().fingerprint())
				.description("The declared pg-entities entities, identified by the fingerprint tag")
				.register(registry);
		});
		// two series per DataSource whatever the number of tenants: never one per tenant schema
		this.checkers.tenantsAsMap().forEach((name, tenants) -> {
			for (boolean inSync : new boolean[] { true, false }) {
				Gauge.builder(TENANTS_METRIC_NAME, tenants, (measured) -> tenantCount(measured, inSync))
					.tag("datasource", name)
					.tag("status", inSync ? "IN_SYNC" : "DRIFTED")
					.description("Number of tenant schemas in sync with the tenant template, or drifted, at the last check")
					.baseUnit("schemas")
					.register(registry);
			}
		});
	}

	private static double tenantCount(PgEntitiesTenantChecker checker, boolean inSync) {
		TenantDriftReport report = checker.lastReport();
		if (report == null) {
			return Double.NaN;
		}
		int drifted = report.driftedSchemas().size();
		return inSync ? report.schemas().size() - drifted : drifted;
	}

	private static double count(PgEntitiesChecker checker, DriftStatus status) {
		Map<DriftStatus, Integer> counts = checker.lastCounts();
		return (counts != null) ? counts.get(status) : Double.NaN;
	}

}
