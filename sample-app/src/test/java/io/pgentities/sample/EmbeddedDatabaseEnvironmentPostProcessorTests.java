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

package io.pgentities.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;

import io.pgentities.embedded.EmbeddedPostgres;
import io.pgentities.sample.EmbeddedDatabaseEnvironmentPostProcessor.EmbeddedPostgresPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedDatabaseEnvironmentPostProcessor}.
 */
class EmbeddedDatabaseEnvironmentPostProcessorTests {

	private final EmbeddedDatabaseEnvironmentPostProcessor postProcessor = new EmbeddedDatabaseEnvironmentPostProcessor(
			Supplier::get);

	@Test
	void addsItsPropertySourceLast() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(EmbeddedDatabaseEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void configuredUrlWinsAndNoServerIsStarted() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.datasource.url", "jdbc:postgresql://db.example.com/shop")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example.com/shop");
		assertThat(environment.getProperty("spring.datasource.username")).isNull();
		assertThat(propertySource(environment).startedServer()).isNull();
	}

	@Test
	void startsAServerInTheDataDirectoryWhenNoUrlIsConfigured(@TempDir Path directory) throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		// Private, like a home directory: when the build runs as root, PostgreSQL runs as another
		// user, who cannot reach it, and the launcher keeps the cluster elsewhere
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		Path dataDirectory = directory.resolve("sample-db");
		String property = EmbeddedDatabaseEnvironmentPostProcessor.DATA_DIRECTORY_PROPERTY;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of(property, dataDirectory.toString())));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		EmbeddedPostgresPropertySource propertySource = propertySource(environment);
		assertThat(propertySource.startedServer()).isNull();
		try {
			String url = environment.getProperty("spring.datasource.url");
			EmbeddedPostgres server = propertySource.startedServer();
			assertThat(server).isNotNull();
			assertThat(server.dataDirectory().toRealPath()).isEqualTo(dataDirectory.toRealPath());
			assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
			try (Connection connection = DriverManager.getConnection(url);
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT current_setting('data_directory')")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString(1)).isEqualTo(server.dataDirectory().toString());
			}
		}
		finally {
			EmbeddedPostgres server = propertySource.startedServer();
			if (server != null) {
				server.close();
			}
		}
		assertThat(dataDirectory.resolve("PG_VERSION")).as("kept after the server stopped").exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		if (Files.isSymbolicLink(dataDirectory)) {
			FileSystemUtils.deleteRecursively(dataDirectory.toRealPath());
		}
	}

	@Test
	void defaultDataDirectoryIsTheModulesTargetSampleDb() {
		assertThat(EmbeddedDatabaseEnvironmentPostProcessor.defaultDataDirectory())
			.isEqualTo(Path.of("target", "sample-db").toAbsolutePath());
	}

	private static EmbeddedPostgresPropertySource propertySource(StandardEnvironment environment) {
		return (EmbeddedPostgresPropertySource) environment.getPropertySources()
			.get(EmbeddedDatabaseEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

}
