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
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BenchmarkOptions}.
 */
class BenchmarkOptionsTests {

	@Test
	void defaultsToFourScalesFiveRunsOneWarmupAndEmbeddedPostgres() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[0], null);
		assertThat(options.scales()).containsExactly(1, 10, 100, 1000);
		assertThat(options.scenarios()).containsExactlyInAnyOrder(Scenario.values());
		assertThat(options.runs()).isEqualTo(5);
		assertThat(options.warmup()).isEqualTo(1);
		assertThat(options.jdbcUrl()).isNull();
		assertThat(options.serverSettings()).isEmpty();
		assertThat(options.profile()).isFalse();
		assertThat(options.clients()).isZero();
		assertThat(options.help()).isFalse();
	}

	@Test
	void takesSettingsForTheEmbeddedServerOnly() {
		BenchmarkOptions options = BenchmarkOptions.parse(new String[] { "--server-setting",
				"max_locks_per_transaction=512", "--server-setting=shared_buffers = 256MB" }, null);
		assertThat(options.serverSettings()).containsOnly(Map.entry("max_locks_per_transaction", "512"),
				Map.entry("shared_buffers", "256MB"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--server-setting", "fsync" }, null))
			.withMessageContaining("name=value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--server-setting", "fsync=on" },
					"jdbc:postgresql://db/postgres"))
			.withMessageContaining("embedded");
	}

	@Test
	void takesTheJdbcUrlFromTheEnvironmentUnlessGiven() {
		String environment = "jdbc:postgresql://db/postgres";
		assertThat(BenchmarkOptions.parse(new String[0], environment).jdbcUrl()).isEqualTo(environment);
		assertThat(BenchmarkOptions.parse(new String[0], " ").jdbcUrl()).isNull();
		assertThat(BenchmarkOptions.parse(new String[] { "--jdbc-url", "jdbc:postgresql://other/x?user=u" },
				environment)
			.jdbcUrl()).isEqualTo("jdbc:postgresql://other/x?user=u");
	}

	@Test
	void readsValuesAfterTheNameOrAnEqualsSign() {
		BenchmarkOptions options = BenchmarkOptions
			.parse(new String[] { "--scales", "1, 10", "--runs=3", "--warmup", "0", "--profile", "--clients", "8" },
					null);
		assertThat(options.scales()).isEqualTo(List.of(1, 10));
		assertThat(options.runs()).isEqualTo(3);
		assertThat(options.warmup()).isZero();
		assertThat(options.profile()).isTrue();
		assertThat(options.clients()).isEqualTo(8);
	}

	@Test
	void measuresOnlyTheScenariosNamed() {
		assertThat(BenchmarkOptions.parse(new String[] { "--scenarios", "recheck, precompiled-check" }, null)
			.scenarios()).containsExactlyInAnyOrder(Scenario.RECHECK, Scenario.PRECOMPILED_CHECK);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--scenarios", "recheck,fast" }, null))
			.withMessageContaining("'fast'")
			.withMessageContaining("insync-check");
	}

	@Test
	void rejectsUnknownArgumentsAndInvalidNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--fast" }, null))
			.withMessageContaining("--fast");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--runs", "0" }, null))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--scales", "1,x" }, null))
			.withMessageContaining("'x'");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse(new String[] { "--warmup" }, null))
			.withMessageContaining("needs a value");
	}

}
