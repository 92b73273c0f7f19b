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

import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pgentities.Analysis;
import io.pgentities.MigrationPlan;
import io.pgentities.TenantDriftReport;
import io.pgentities.TenantReconciliation;

import org.springframework.util.Assert;

/**
 * {@link Observations} as Micrometer {@link Observation}s: {@code pg.entities.check} around
 * a check and the plan it makes, {@code pg.entities.apply} around applying a plan. A check
 * of the tenant schemas is a {@code pg.entities.check} too, and reconciling or provisioning
 * tenants a {@code pg.entities.apply}. Every observation of a name has the same
 * low-cardinality keys, each with a bounded set of values, so that the timers they make
 * have one set of tags: {@code datasource}, {@code tenants} ({@code none} for the declared
 * entities, else a bucket of the number of tenant schemas: {@code 0}, {@code 1},
 * {@code 2-10}, {@code 11-100}, {@code 101-1000}, {@code 1001+}, or {@code unknown} when
 * the step failed before it knew), {@code outcome} ({@code success} or {@code error}), and
 * for a check {@code in-sync} ({@code true}, {@code false} or {@code unknown}) and
 * {@code plan} ({@code empty}, {@code statements}, {@code refused}, {@code none} for a
 * tenant check, which makes no plan, or {@code unknown}). Tenant schema names and counts of
 * statements are high-cardinality keys only.
 */
final class MicrometerObservations implements Observations {

	static final String CHECK = "pg.entities.check";

	static final String APPLY = "pg.entities.apply";

	private static final String UNKNOWN = "unknown";

	private static final String NO_TENANTS = "none";

	private final ObservationRegistry registry;

	MicrometerObservations(ObservationRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public Analysis check(String dataSourceName, Supplier<Analysis> check) {
		return observe(check(dataSourceName, NO_TENANTS), check,
				(observation, analysis) -> observation
					.lowCardinalityKeyValue("in-sync", String.valueOf(analysis.report().inSync()))
					.lowCardinalityKeyValue("plan", plan(analysis.plan())));
	}

	@Override
	public void apply(String dataSourceName, MigrationPlan plan, Runnable apply) {
		Observation observation = apply(dataSourceName, NO_TENANTS).highCardinalityKeyValue("statements",
				String.valueOf(plan.statements().size()));
		observe(observation, () -> {
			apply.run();
			return null;
		}, (done, nothing) -> {
		});
	}

	@Override
	public TenantDriftReport checkTenants(String dataSourceName, Supplier<TenantDriftReport> check) {
		return observe(check(dataSourceName, UNKNOWN), check,
				(observation, report) -> observation.lowCardinalityKeyValue("tenants", tenants(report.schemas().size()))
					.lowCardinalityKeyValue("in-sync", String.valueOf(report.inSync()))
					.lowCardinalityKeyValue("plan", "none")
					.highCardinalityKeyValue("drifted", String.valueOf(report.driftedSchemas().size())));
	}

	@Override
	public TenantReconciliation reconcileTenants(String dataSourceName, Supplier<TenantReconciliation> reconcile) {
		return observe(apply(dataSourceName, UNKNOWN), reconcile, (observation, reconciliation) -> {
			observation.lowCardinalityKeyValue("tenants", tenants(reconciliation.checked().schemas().size()))
				.highCardinalityKeyValue("applied", String.valueOf(reconciliation.applied().size()))
				.highCardinalityKeyValue("failed", String.valueOf(reconciliation.failures().size()));
			if (!reconciliation.succeeded()) {
				// the failed tenants were rolled back and are reported; the others were applied
				observation.lowCardinalityKeyValue("outcome", "error");
				observation.error(reconciliation.failures().get(0).cause());
			}
		});
	}

	@Override
	public Analysis provisionTenant(String dataSourceName, String schema, Supplier<Analysis> provision) {
		return observe(apply(dataSourceName, tenants(1)).highCardinalityKeyValue("schema", schema), provision,
				(observation, analysis) -> observation.highCardinalityKeyValue("statements",
						String.valueOf(analysis.plan().statements().size())));
	}

	private Observation check(String dataSourceName, String tenants) {
		return observation(CHECK, "pg-entities check", dataSourceName, tenants)
			.lowCardinalityKeyValue("in-sync", UNKNOWN)
			.lowCardinalityKeyValue("plan", UNKNOWN);
	}

	private Observation apply(String dataSourceName, String tenants) {
		return observation(APPLY, "pg-entities apply", dataSourceName, tenants);
	}

	private Observation observation(String name, String contextualName, String dataSourceName, String tenants) {
		return Observation.createNotStarted(name, this.registry)
			.contextualName(contextualName)
			.lowCardinalityKeyValue("datasource", dataSourceName)
			.lowCardinalityKeyValue("tenants", tenants);
	}

	/**
	 * Run a step, then let its result describe the observation: the outcome is
	 * {@code success} unless the step throws or the description sets one.
	 */
	private static <T> T observe(Observation observation, Supplier<T> step, BiConsumer<Observation, T> describe) {
		observation.lowCardinalityKeyValue("outcome", "success");
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = step.get();
			describe.accept(observation, result);
			return result;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", "error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private static String plan(MigrationPlan plan) {
		if (plan.isRefused()) {
			return "refused";
		}
		return plan.isEmpty() ? "empty" : "statements";
	}

	/**
	 * A bucket of a number of tenant schemas: a handful of values whatever the fleet.
	 */
	static String tenants(int count) {
		if (count <= 1) {
			return String.valueOf(count);
		}
		if (count <= 10) {
			return "2-10";
		}
		if (count <= 100) {
			return "11-100";
		}
		return (count <= 1000) ? "101-1000" : "1001+";
	}

}
