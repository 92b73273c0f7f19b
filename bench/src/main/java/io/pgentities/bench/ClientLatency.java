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

import java.util.List;
import java.util.Locale;

/**
 * What the clients of a database measured while nothing else ran, while checks ran one after
 * another, and while a plain session sent {@code SELECT 1} one after another for as long.
 *
 * @param scale the workload scale
 * @param entities the entities each check compared
 * @param clients the client threads
 * @param checks the checks that ran beside the clients
 * @param checkMillis the median time of one of those checks
 * @param alone the client latencies while nothing else ran
 * @param besideChecks the client latencies while checks ran
 * @param besideSession the client latencies while the plain session ran
 * @param problem why the measurement is wrong, or empty
 */
record ClientLatency(int scale, int entities, int clients, int checks, double checkMillis, Latencies alone,
		Latencies besideChecks, Latencies besideSession, String problem) {

	/**
	 * A failed measurement.
	 * @param scale the workload scale
	 * @param entities the entities the checks were to compare
	 * @param clients the client threads
	 * @param problem why it failed
	 * @return the measurement, without latencies
	 */
	static ClientLatency failed(int scale, int entities, int clients, String problem) {
		Latencies none = Latencies.of(List.of());
		return new ClientLatency(scale, entities, clients, 0, Double.NaN, none, none, none, problem);
	}

	/**
	 * How much higher the clients' p99 was beside the checks than alone.
	 * @return the increase, in percent
	 */
	double checksIncreasePercent() {
		return increasePercent(this.besideChecks);
	}

	/**
	 * How much higher the clients' p99 was beside the plain session than alone.
	 * @return the increase, in percent
	 */
	double sessionIncreasePercent() {
		return increasePercent(this.besideSession);
	}

	private double increasePercent(Latencies latencies) {
		return (latencies.p99Millis() / this.alone.p99Millis() - 1) * 100;
	}

	/**
	 * The machine-readable line of the report.
	 * @return the line
	 */
	String resultLine() {
		return String.format(Locale.ROOT,
				"RESULT scale=%d entities=%d scenario=checks-beside-clients clients=%d checks=%d check_ms=%.1f "
						+ "p99_alone_ms=%.3f p99_checks_ms=%.3f p99_session_ms=%.3f checks_increase_pct=%.1f "
						+ "session_increase_pct=%.1f operations=%d",
				this.scale, this.entities, this.clients, this.checks, this.checkMillis, this.alone.p99Millis(),
				this.besideChecks.p99Millis(), this.besideSession.p99Millis(), checksIncreasePercent(),
				sessionIncreasePercent(),
				this.alone.operations() + this.besideChecks.operations() + this.besideSession.operations());
	}

	/**
	 * The latencies of the client operations of one phase.
	 *
	 * @param operations how many operations completed
	 * @param p50Millis the median latency
	 * @param p99Millis the 99th percentile latency
	 */
	record Latencies(int operations, double p50Millis, double p99Millis) {

		/**
		 * Summarizes latencies.
		 * @param nanos the latencies, in nanoseconds
		 * @return the summary; percentiles are {@code NaN} without latencies
		 */
		static Latencies of(List<Long> nanos) {
			long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
			return new Latencies(sorted.length, percentile(sorted, 0.5), percentile(sorted, 0.99));
		}

		private static double percentile(long[] sorted, double fraction) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(fraction * sorted.length) - 1;
			return sorted[Math.max(0, index)] / 1e6;
		}

	}

}
