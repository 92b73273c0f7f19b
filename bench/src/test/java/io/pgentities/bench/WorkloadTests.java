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

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Workload}.
 */
class WorkloadTests {

	// the generator sits beside the repository, in shared/workload; tests run in the module directory
	private static final Path GENERATOR = Path.of(System.getProperty("pg-entities.workload.generator",
			"../../shared/workload/generate.py"));

	// the generator's output at scale 3, kept once for the whole project beside core's convergence tests
	private static final Path SCALE_3 = Path.of("../core/src/test/resources/workload-scale-3");

	@Test
	void writesWhatTheGeneratorScriptWrites(@TempDir Path directory) throws Exception {
		assumeTrue(Files.isRegularFile(GENERATOR), "the generator script is not at " + GENERATOR);
		assumeTrue(python3Runs(), "python3 is not available");
		Process process = new ProcessBuilder("python3", GENERATOR.toString(), directory.toString(), "--scale", "3")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertWrites(directory, Workload.ofScale(3));
	}

	@Test
	void writesWhatTheGeneratorScriptWroteAtScale3() throws Exception {
		assertThat(SCALE_3.resolve("tables.sql")).isRegularFile();
		assertWrites(SCALE_3, Workload.ofScale(3));
	}

	@Test
	void hasTenEntitiesPerTable() {
		Workload workload = Workload.ofScale(3);
		List<PgEntity> entities = workload.entities();
		assertThat(workload.entityCount()).isEqualTo(30);
		assertThat(entities).hasSize(30);
		Map<EntityKind, Long> kinds = entities.stream()
			.collect(Collectors.groupingBy(PgEntity::kind, LinkedHashMap::new, Collectors.counting()));
		assertThat(kinds).containsExactly(Map.entry(EntityKind.FUNCTION, 9L), Map.entry(EntityKind.VIEW, 9L),
				Map.entry(EntityKind.MATERIALIZED_VIEW, 3L), Map.entry(EntityKind.TRIGGER, 6L),
				Map.entry(EntityKind.POLICY, 3L));
		assertThat(entities.get(0).identity()).isEqualTo("public.touch_0()");
		assertThat(entities.get(0).source()).isEqualTo("file entities/fn_touch_0.sql:1");
		assertThat(entities.get(29).identity()).isEqualTo("public.item_2.item_2_owner");
	}

	@Test
	void listsTablesBeforeTheirEntities() {
		assertThat(Workload.ofScale(2).tablesSql()).startsWith("CREATE TABLE IF NOT EXISTS public.item_0 (\n")
			.contains(";\n\nCREATE TABLE IF NOT EXISTS public.item_1 (\n")
			.endsWith("ALTER TABLE public.item_1 ENABLE ROW LEVEL SECURITY;\n");
		assertThat(Workload.ofScale(0).tablesSql()).isEmpty();
		assertThat(Workload.ofScale(0).entities()).isEmpty();
	}

	@Test
	void changesOnlyTheFirstBaseViewsFilter() {
		Workload workload = Workload.ofScale(2);
		List<PgEntity> entities = workload.entities();
		List<PgEntity> changed = workload.entitiesWithOneViewChanged();
		assertThat(changed).hasSameSizeAs(entities);
		for (int i = 0; i < entities.size(); i++) {
			if (entities.get(i).identity().equals("public.item_0_base")) {
				assertThat(((PgView) changed.get(i)).query()).endsWith("WHERE qty > 1");
				assertThat(((PgView) entities.get(i)).query()).endsWith("WHERE qty > 0");
			}
			else {
				assertThat(changed.get(i)).isEqualTo(entities.get(i));
			}
		}
	}

	@Test
	void refusesNegativeScales() {
		assertThatIllegalArgumentException().isThrownBy(() -> Workload.ofScale(-1));
	}

	private static void assertWrites(Path directory, Workload workload) throws IOException, URISyntaxException {
		assertThat(Files.readString(directory.resolve("tables.sql"))).isEqualTo(workload.tablesSql());
		Map<String, String> expected;
		try (Stream<Path> files = Files.list(directory.resolve("entities"))) {
			expected = files.collect(Collectors.toMap((file) -> file.getFileName().toString(), WorkloadTests::read));
		}
		Map<String, String> actual = workload.entityFiles()
			.stream()
			.collect(Collectors.toMap(Workload.EntityFile::name, Workload.EntityFile::sql));
		assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
		actual.forEach((name, sql) -> assertThat(sql).as(name).isEqualTo(expected.get(name)));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean python3Runs() {
		try {
			Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
