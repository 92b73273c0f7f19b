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

import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pgentities.Analysis;
import io.pgentities.MigrationPlan;

import org.springframework.util.Assert;

/**
 * {@link Observations} as Micrometer {@link Observation}s: {@code pg.entities.check} around
 * a check and the plan it makes, {@code pg.entities.apply} around applying a plan. Their
 * low-cardinality keys are bounded: {@code datasource}, {@code outcome}
 * ({@code success} or {@code error}), and for a check {@code in-sync} and {@code plan}
 * ({@code empty}, {@code statements} or {@code refused}).
 */
final class MicrometerObservations implements Observations {

	static final String CHECK = "pg.entities.check";

	static final String APPLY = "pg.entities.apply";

	private final ObservationRegistry registry;

	MicrometerObservations(ObservationRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public Analysis check(String dataSourceName, Supplier<Analysis> check) {
		Observation observation = observation(CHECK, "pg-entities check", dataSourceName);
		return observe(observation, () -> {
			Analysis analysis = check.get();
			observation.lowCardinalityKeyValue("in-sync", String.valueOf(analysis.report().inSync()));
			observation.lowCardinalityKeyValue("plan", plan(analysis.plan()));
			return analysis;
		});
	}

	@Override
	public void apply(String dataSourceName, MigrationPlan plan, Runnable apply) {
		Observation observation = observation(APPLY, "pg-entities apply", dataSourceName)
			.highCardinalityKeyValue("statements", String.valueOf(plan.statements().size()));
		observe(observation, () -> {
			apply.run();
			return null;
		});
	}

	private Observation observation(String name, String contextualName, String dataSourceName) {
		return Observation.createNotStarted(name, this.registry)
			.contextualName(contextualName)
			.lowCardinalityKeyValue("datasource", dataSourceName);
	}

	private static <T> T observe(Observation observation, Supplier<T> step) {
		observation.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = step.get();
			observation.lowCardinalityKeyValue("outcome", "success");
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

}
