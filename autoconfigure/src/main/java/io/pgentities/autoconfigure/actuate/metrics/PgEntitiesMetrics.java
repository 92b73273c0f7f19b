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
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesCheckers;

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

	private final PgEntitiesCheckers checkers;

	/**
	 * Create a new binder of one DataSource.
	 * @param checker the checker whose last result the gauges show
	 */
	public PgEntitiesMetrics(PgEntitiesChecker checker) {
		this(PgEntitiesCheckers.of(checker));
	}

	/**
	 * Create a new binder of one or more DataSources.
	 * @param checkers the checkers whose last results the gauges show
	 */
	@Autowired
	public PgEntitiesMetrics(PgEntitiesCheckers checkers) {
		Assert.notNull(checkers, "'checkers' must not be null");
		this.checkers = checkers;
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
	}

	private static double count(PgEntitiesChecker checker, DriftStatus status) {
		Map<DriftStatus, Integer> counts = checker.lastCounts();
		return (counts != null) ? counts.get(status) : Double.NaN;
	}

}
