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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientLatency}.
 */
class ClientLatencyTests {

	@Test
	void takesTheMedianAndThe99thPercentileOfTheLatencies() {
		List<Long> nanos = new ArrayList<>();
		for (long i = 200; i >= 1; i--) {
			nanos.add(i * 1_000_000);
		}
		ClientLatency.Latencies latencies = ClientLatency.Latencies.of(nanos);
		assertThat(latencies.operations()).isEqualTo(200);
		assertThat(latencies.p50Millis()).isEqualTo(100.0);
		assertThat(latencies.p99Millis()).isEqualTo(198.0);
		assertThat(ClientLatency.Latencies.of(List.of()).p99Millis()).isNaN();
	}

	@Test
	void comparesEachPhaseWithTheClientsAlone() {
		ClientLatency latency = new ClientLatency(1, 10, 8, 50, 30.25, new ClientLatency.Latencies(1000, 0.25, 1.0),
				new ClientLatency.Latencies(900, 0.3, 2.5), new ClientLatency.Latencies(950, 0.27, 1.5), "");
		assertThat(latency.checksIncreasePercent()).isEqualTo(150.0);
		assertThat(latency.sessionIncreasePercent()).isEqualTo(50.0);
		assertThat(latency.resultLine()).isEqualTo("RESULT scale=1 entities=10 scenario=checks-beside-clients "
				+ "clients=8 checks=50 check_ms=30.3 p99_alone_ms=1.000 p99_checks_ms=2.500 p99_session_ms=1.500 "
				+ "checks_increase_pct=150.0 session_increase_pct=50.0 operations=2850");
	}

	@Test
	void aFailedMeasurementHasNoLatencies() {
		ClientLatency failed = ClientLatency.failed(10, 100, 8, "FAILED: boom");
		assertThat(failed.problem()).isEqualTo("FAILED: boom");
		assertThat(failed.besideChecks().operations()).isZero();
		assertThat(failed.resultLine()).contains("p99_checks_ms=NaN");
	}

}
