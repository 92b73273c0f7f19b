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

import org.springframework.util.Assert;

/**
 * {@link MeterBinder} for the gauges {@code pg.entities.drift}, one per
 * {@link DriftStatus} (tag {@code status}): how many entities the last check found in that
 * status. The gauges read the last check of the startup check, the endpoint or the health
 * contributor and never run one; before the first check they are {@code NaN}.
 */
public class PgEntitiesMetrics implements MeterBinder {

	/**
	 * The name of the gauges.
	 */
	public static final String METRIC_NAME = "pg.entities.drift";

	private final PgEntitiesChecker checker;

	/**
	 * Create a new binder.
	 * @param checker the checker whose last result the gauges show
	 */
	public PgEntitiesMetrics(PgEntitiesChecker checker) {
		Assert.notNull(checker, "'checker' must not be null");
		this.checker = checker;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (DriftStatus status : DriftStatus.values()) {
			Gauge.builder(METRIC_NAME, this.checker, (checker) -> count(checker, status))
				.tag("status", status.name())
				.description("Number of pg-entities entities in a status at the last check")
				.baseUnit("entities")
				.register(registry);
		}
	}

	private static double count(PgEntitiesChecker checker, DriftStatus status) {
		Map<DriftStatus, Integer> counts = checker.lastCounts();
		return (counts != null) ? counts.get(status) : Double.NaN;
	}

}
