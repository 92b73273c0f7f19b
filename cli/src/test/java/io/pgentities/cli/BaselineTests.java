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
package io.pgentities.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.pgentities.DriftReport;
import io.pgentities.EntityDrift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Baseline}.
 */
class BaselineTests {

	@TempDir
	Path directory;

	@Test
	void writtenBaselineReadsBackAcceptingTheSameDrift() {
		Path file = this.directory.resolve("baseline/pg-entities.json");
		Baseline.of(SampleResults.REPORT).write(file);

		Baseline baseline = Baseline.read(file);

		assertThat(baseline.size()).isEqualTo(3);
		assertThat(baseline.stateOf(SampleResults.CHANGED)).isEqualTo(Baseline.BaselineState.UNCHANGED);
		assertThat(baseline.stateOf(SampleResults.UNDECLARED)).isEqualTo(Baseline.BaselineState.UNCHANGED);
		assertThat(baseline.stateOf(SampleResults.IN_SYNC)).isEqualTo(Baseline.BaselineState.ABSENT);
	}

	@Test
	void driftOfAnotherEntityIsNewAndOtherDriftOfAKnownEntityIsUpdated() {
		Baseline baseline = Baseline.of(new DriftReport(List.of(SampleResults.CHANGED), Duration.ZERO));
		EntityDrift changedAgain = new EntityDrift(SampleResults.CHANGED.kind(), SampleResults.CHANGED.schema(),
				SampleResults.CHANGED.name(), SampleResults.CHANGED.identity(), SampleResults.CHANGED.status(),
				SampleResults.CHANGED.source(), SampleResults.CHANGED.diff().replace("< 20", "< 30"));

		assertThat(baseline.stateOf(SampleResults.MISSING)).isEqualTo(Baseline.BaselineState.NEW);
		assertThat(baseline.stateOf(changedAgain)).isEqualTo(Baseline.BaselineState.UPDATED);
		assertThat(Baseline.BaselineState.NEW.fails()).isTrue();
		assertThat(Baseline.BaselineState.UPDATED.fails()).isTrue();
		assertThat(Baseline.BaselineState.UNCHANGED.fails()).isFalse();
	}

	@Test
	void baselineIsSortedSoThatItDiffsWell() throws IOException {
		Path file = this.directory.resolve("baseline.json");
		Baseline.of(SampleResults.REPORT).write(file);

		String json = Files.readString(file);

		assertThat(json.indexOf("public.products.old")).isLessThan(json.indexOf("public.products.touch"));
		assertThat(json.indexOf("public.products.touch")).isLessThan(json.indexOf("public.cheap_products"));
		assertThat(json).contains("\"version\" : 1", "\"fingerprint\" : \"");
	}

	@Test
	void fileThatIsNoBaselineIsRejected() throws IOException {
		Path file = Files.writeString(this.directory.resolve("other.json"), "{\"inSync\": true}");
		Path notJson = Files.writeString(this.directory.resolve("other.txt"), "accept everything");

		assertThatExceptionOfType(GateException.class).isThrownBy(() -> Baseline.read(file))
			.withMessageContaining("is not a pg-entities baseline");
		assertThatExceptionOfType(GateException.class).isThrownBy(() -> Baseline.read(notJson))
			.withMessageContaining("is not JSON");
		assertThatExceptionOfType(GateException.class)
			.isThrownBy(() -> Baseline.read(this.directory.resolve("absent.json")))
			.withMessageContaining("Cannot read the baseline");
	}

}
