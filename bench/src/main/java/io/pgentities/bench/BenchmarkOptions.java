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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The command line of the benchmark.
 *
 * @param scales the workload scales to measure, each giving ten entities per unit
 * @param scenarios the scenarios to measure at each scale
 * @param jdbcUrl the server to run on, or {@code null} to start an embedded one
 * @param runs the measured runs of each scenario
 * @param warmup the runs before those, not measured
 * @param serverSettings configuration parameters of the embedded server, such as
 * {@code max_locks_per_transaction}
 * @param profile whether to show where the time of each scenario goes
 * @param clients the client threads beside which consecutive checks are measured at each
 * scale, or 0 not to measure that
 * @param help whether only the usage was asked for
 */
record BenchmarkOptions(List<Integer> scales, Set<Scenario> scenarios, @Nullable String jdbcUrl, int runs, int warmup,
		Map<String, String> serverSettings, boolean profile, int clients, boolean help) {

	static final String USAGE = """
			Usage: java -jar pg-entities-bench.jar [options]
			  --scales 1,10,100,1000  workload scales; scale N declares 10*N entities over N tables
			  --scenarios a,b         only these scenarios, such as insync-check,recheck (default: all;
			                          apply needs plan-write)
			  --jdbc-url URL          server to run on; its user must be allowed to CREATE DATABASE
			                          (default: $PG_ENTITIES_TEST_JDBC_URL, else an embedded PostgreSQL)
			  --runs 5                measured runs per scenario; medians are reported
			  --warmup 1              unmeasured runs before them
			  --server-setting N=V    a configuration parameter of the embedded server (repeatable),
			                          such as max_locks_per_transaction=256
			  --profile               show per scenario where the time goes (statements vs Java)
			  --clients 0             also measure, per scale, the latency of this many client
			                          threads beside 50 consecutive checks (0: do not)
			  --help                  show this
			""";

	BenchmarkOptions {
		scales = List.copyOf(scales);
		scenarios = Set.copyOf(scenarios);
		serverSettings = Map.copyOf(serverSettings);
	}

	/**
	 * Reads the command line.
	 * @param args the arguments, {@code --name value} or {@code --name=value}
	 * @param environmentJdbcUrl the value of {@code PG_ENTITIES_TEST_JDBC_URL}, the default of
	 * {@code --jdbc-url}
	 * @return the options
	 * @throws IllegalArgumentException if an argument is unknown or invalid
	 */
	static BenchmarkOptions parse(String[] args, @Nullable String environmentJdbcUrl) {
		List<Integer> scales = List.of(1, 10, 100, 1000);
		Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
		String jdbcUrl = (environmentJdbcUrl != null && !environmentJdbcUrl.isBlank()) ? environmentJdbcUrl : null;
		int runs = 5;
		int warmup = 1;
		Map<String, String> serverSettings = new LinkedHashMap<>();
		boolean profile = false;
		int clients = 0;
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			String value = null;
			int equals = name.indexOf('=');
			if (name.startsWith("--") && equals > 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			switch (name) {
				case "--profile" -> profile = true;
				case "--help", "-h" -> help = true;
				case "--scales", "--scenarios", "--jdbc-url", "--runs", "--warmup", "--server-setting", "--clients" -> {
					if (value == null) {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException(name + " needs a value");
						}
						value = args[++i];
					}
					switch (name) {
						case "--scales" -> scales = scales(value);
						case "--scenarios" -> scenarios = scenarios(value);
						case "--jdbc-url" -> jdbcUrl = value;
						case "--runs" -> runs = number(name, value, 1);
						case "--warmup" -> warmup = number(name, value, 0);
						case "--clients" -> clients = number(name, value, 0);
						default -> serverSetting(value, serverSettings);
					}
				}
				default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'");
			}
		}
		if (jdbcUrl != null && !serverSettings.isEmpty()) {
			throw new IllegalArgumentException("--server-setting configures the embedded server, which is not used "
					+ "when a JDBC URL is given (by --jdbc-url or PG_ENTITIES_TEST_JDBC_URL)");
		}
		return new BenchmarkOptions(scales, scenarios, jdbcUrl, runs, warmup, serverSettings, profile, clients, help);
	}

	private static void serverSetting(String value, Map<String, String> serverSettings) {
		int equals = value.indexOf('=');
		if (equals <= 0) {
			throw new IllegalArgumentException("--server-setting takes name=value, not '" + value + "'");
		}
		serverSettings.put(value.substring(0, equals).strip(), value.substring(equals + 1).strip());
	}

	private static Set<Scenario> scenarios(String value) {
		Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
		for (String part : value.split(",")) {
			String id = part.strip();
			scenarios.add(Arrays.stream(Scenario.values())
				.filter((scenario) -> scenario.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("--scenarios takes "
						+ Arrays.stream(Scenario.values()).map(Scenario::id).collect(Collectors.joining(", "))
						+ ", not '" + id + "'")));
		}
		return scenarios;
	}

	private static List<Integer> scales(String value) {
		List<Integer> scales = new ArrayList<>();
		for (String part : value.split(",")) {
			scales.add(number("--scales", part.strip(), 1));
		}
		return scales;
	}

	private static int number(String name, String value, int minimum) {
		try {
			int number = Integer.parseInt(value);
			if (number >= minimum) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " takes whole numbers of at least " + minimum + ", not '" + value
				+ "'");
	}

}
