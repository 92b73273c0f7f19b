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
package io.pgentities.autoconfigure.actuate.health;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.PlanRefusal;
import io.pgentities.TenantDriftReport;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesTenantChecker;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator} that reports
 * whether the database matches the declared entities, with the number of entities of
 * each status, and why no plan can resolve the drift when none can. It reuses a recent
 * check rather than run one per probe. Drift is
 * {@code UP} unless the indicator is told to report it as {@code DOWN}; a check that
 * fails is {@code DOWN}.
 */
public class PgEntitiesHealthIndicator extends AbstractHealthIndicator {

	private final PgEntitiesChecker checker;

	private final boolean downOnDrift;

	private final @Nullable PgEntitiesTenantChecker tenants;

	/**
	 * Create a new indicator.
	 * @param checker the checker
	 * @param downOnDrift whether drift is reported as {@code DOWN}
	 */
	public PgEntitiesHealthIndicator(PgEntitiesChecker checker, boolean downOnDrift) {
		this(checker, downOnDrift, null);
	}

	/**
	 * Create a new indicator that also reports the tenant schemas.
	 * @param checker the checker
	 * @param downOnDrift whether drift, in the entities or in a tenant schema, is reported as {@code DOWN}
	 * @param tenants the tenant checker, or {@code null} without tenants
	 */
	public PgEntitiesHealthIndicator(PgEntitiesChecker checker, boolean downOnDrift,
			@Nullable PgEntitiesTenantChecker tenants) {
		super("pg-entities check failed");
		Assert.notNull(checker, "'checker' must not be null");
		this.checker = checker;
		this.downOnDrift = downOnDrift;
		this.tenants = tenants;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Analysis analysis = this.checker.cachedAnalysis();
		DriftReport report = analysis.report();
		TenantDriftReport tenantReport = (this.tenants != null) ? this.tenants.cachedReport() : null;
		boolean inSync = report.inSync() && (tenantReport == null || tenantReport.inSync());
		if (inSync || !this.downOnDrift) {
			builder.up();
		}
		else {
			builder.down();
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		PgEntitiesChecker.counts(analysis).forEach((status, count) -> counts.put(status.name(), count));
		builder.withDetail("inSync", report.inSync()).withDetail("entities", counts);
		if (tenantReport != null) {
			Map<String, Object> tenants = new LinkedHashMap<>();
			tenants.put("inSync", tenantReport.inSync());
			tenants.put("schemas", tenantReport.schemas().size());
			tenants.put("drifted", tenantReport.driftedSchemas().size());
			// bounded: a few names tell where to look, the endpoint lists the rest
			tenants.put("driftedSchemas",
					tenantReport.driftedSchemas().stream().limit(TenantDriftReport.DETAILED_TENANTS).toList());
			builder.withDetail("tenants", tenants);
		}
		PlanRefusal refusal = analysis.plan().refusal();
		if (refusal != null) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("entity", refusal.entity());
			details.put("reason", refusal.reason());
			details.put("action", refusal.action());
			builder.withDetail("refusal", details);
		}
	}

}
