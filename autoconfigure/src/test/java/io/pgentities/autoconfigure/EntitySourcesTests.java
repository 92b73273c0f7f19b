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
package io.pgentities.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EntitySources}.
 */
class EntitySourcesTests {

	@Test
	void aMavenBuildsCopyComesFromTheModulesResources(@TempDir Path module) throws IOException {
		Files.createDirectories(module.resolve("src/main/resources"));
		Files.createDirectories(module.resolve("src/test/resources"));
		assertThat(EntitySources.sourceOf(module.resolve("target/classes/db/entities/a.sql")))
			.contains(module.resolve("src/main/resources/db/entities/a.sql"));
		assertThat(EntitySources.sourceOf(module.resolve("target/test-classes/db/entities/a.sql")))
			.contains(module.resolve("src/test/resources/db/entities/a.sql"));
	}

	@Test
	void aGradleBuildsCopyComesFromTheModulesResources(@TempDir Path module) throws IOException {
		Files.createDirectories(module.resolve("src/main/resources"));
		assertThat(EntitySources.sourceOf(module.resolve("build/resources/main/db/entities/a.sql")))
			.contains(module.resolve("src/main/resources/db/entities/a.sql"));
	}

	@Test
	void aFileOutsideABuildOrWithoutSourcesHasNoSource(@TempDir Path module) {
		assertThat(EntitySources.sourceOf(module.resolve("target/classes/db/entities/a.sql"))).isEmpty();
		assertThat(EntitySources.sourceOf(module.resolve("app/db/entities/a.sql"))).isEmpty();
	}

	@Test
	void classpathLocationsAreWatchedInTheSourcesOfBuildOutputRoots(@TempDir Path module) throws IOException {
		Files.createDirectories(module.resolve("target/classes"));
		Path entities = Files.createDirectories(module.resolve("src/main/resources/db/entities"));
		Path other = Files.createDirectories(module.resolve("elsewhere/sql"));
		try (URLClassLoader classLoader = new URLClassLoader(
				new URL[] { module.resolve("target/classes").toUri().toURL() }, null)) {
			assertThat(EntitySources.directories(List.of("classpath*:db/entities/**/*.sql",
					"classpath:db/missing/*.sql", "file:" + other + "/*.sql"), classLoader))
				.containsExactly(entities, other);
		}
	}

	@Test
	void aSingleFileLocationIsWatchedInItsDirectory(@TempDir Path module) throws IOException {
		Files.createDirectories(module.resolve("target/classes"));
		Path entities = Files.createDirectories(module.resolve("src/main/resources/db"));
		try (URLClassLoader classLoader = new URLClassLoader(
				new URL[] { module.resolve("target/classes").toUri().toURL() }, null)) {
			assertThat(EntitySources.directories(List.of("classpath:db/views.sql"), classLoader))
				.containsExactly(entities);
		}
	}

}
