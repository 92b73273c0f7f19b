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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Measurement}.
 */
class MeasurementTests {

	@Test
	void resultLineHasTheDocumentedFields() {
		Measurement measurement = new Measurement(100, 1000, Scenario.ONE_CHANGED_CHECK, List.of(30.0, 10.0, 20.0),
				8.0, 15, 130, "");
		assertThat(measurement.resultLine()).isEqualTo("RESULT scale=100 entities=1000 scenario=one-changed-check "
				+ "median_ms=20.0 floor_ms=8.0 ratio=2.50 round_trips=15 peak_heap_mb=130");
	}

	@Test
	void failedScenarioHasNoMedianOrRatio() {
		Measurement measurement = new Measurement(1000, 10000, Scenario.APPLY, List.of(), 8.0, 0, 0, "FAILED: x");
		assertThat(measurement.resultLine()).isEqualTo("RESULT scale=1000 entities=10000 scenario=apply "
				+ "median_ms=NaN floor_ms=8.0 ratio=NaN round_trips=0 peak_heap_mb=0");
	}

	@Test
	void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
		assertThat(Measurement.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
		assertThat(Measurement.median(List.of(7.0))).isEqualTo(7.0);
	}

}
