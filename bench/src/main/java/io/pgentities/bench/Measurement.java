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


package io.pgentities.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of one scenario at one scale.
 *
 * @param scale the workload's scale
 * @param entities the number of declared entities
 * @param scenario the scenario
 * @param millis the duration of each measured run, in milliseconds; empty if the scenario failed
 * @param floorMillis the median time PostgreSQL took to create the same entities in one batch,
 * {@code NaN} if it could not
 * @param roundTrips the statements the engine sent in one run (the most of any run)
 * @param peakHeapMegabytes the peak heap during the measured runs
 * @param problem why the scenario failed or what was wrong with the engine's answer; empty if
 * nothing was
 */
record Measurement(int scale, int entities, Scenario scenario, List<Double> millis, double floorMillis,
		long roundTrips, long peakHeapMegabytes, String problem) {

	Measurement {
		millis = List.copyOf(millis);
	}

	/**
	 * A copy with the floor of its scale.
	 * @param floorMillis the floor
	 * @return the copy
	 */
	Measurement withFloor(double floorMillis) {
		return new Measurement(this.scale, this.entities, this.scenario, this.millis, floorMillis, this.roundTrips,
				this.peakHeapMegabytes, this.problem);
	}

	/**
	 * The median of the runs.
	 * @return the median in milliseconds, {@code NaN} if the scenario failed
	 */
	double medianMillis() {
		return this.millis.isEmpty() ? Double.NaN : median(this.millis);
	}

	/**
	 * How many times the floor the median is.
	 * @return the ratio
	 */
	double ratio() {
		return medianMillis() / this.floorMillis;
	}

	/**
	 * The machine-readable line of this result.
	 * @return {@code RESULT scale=... entities=... scenario=... median_ms=... floor_ms=... ratio=...
	 * round_trips=... peak_heap_mb=...}
	 */
	String resultLine() {
		return String.format(Locale.ROOT,
				"RESULT scale=%d entities=%d scenario=%s median_ms=%.1f floor_ms=%.1f ratio=%.2f round_trips=%d "
						+ "peak_heap_mb=%d",
				this.scale, this.entities, this.scenario.id(), medianMillis(), this.floorMillis, ratio(),
				this.roundTrips, this.peakHeapMegabytes);
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values to take the median of");
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
