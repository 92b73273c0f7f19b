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
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link EmbeddedDatabaseFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseFailureAnalyzerTests {

	@Test
	void sampleThatCannotStartItsDatabaseFailsWithTheLaunchersMessageRatherThanTheDataSourceAdvice(
			@TempDir Path directory, CapturedOutput output) throws Exception {
		// A launcher failure whoever runs the build: a data directory (that the server user can
		// reach) holding something else
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path dataDirectory = Files.createDirectories(directory.resolve("sample-db"));
		Files.writeString(dataDirectory.resolve("notes.txt"), "not a cluster");
		SpringApplication application = new SpringApplication(NoDataSourceConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application
			.run("--" + EmbeddedDatabaseEnvironmentPostProcessor.DATA_DIRECTORY_PROPERTY + "=" + dataDirectory)
			.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("an embedded PostgreSQL with its data in " + dataDirectory + ", but it did not start")
			.contains("Data directory " + dataDirectory + " is neither empty nor a PostgreSQL data directory")
			.contains("set spring.datasource.url")
			.doesNotContain("H2")
			.doesNotContain("'url' attribute is not specified");
	}

	@Test
	void blamesTheDatabaseForFailuresToCreateABeanOnly(@TempDir Path directory) throws Exception {
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path dataDirectory = Files.createDirectories(directory.resolve("sample-db"));
		Files.writeString(dataDirectory.resolve("notes.txt"), "not a cluster");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of(EmbeddedDatabaseEnvironmentPostProcessor.DATA_DIRECTORY_PROPERTY, dataDirectory.toString())));
		new EmbeddedDatabaseEnvironmentPostProcessor(Supplier::get).postProcessEnvironment(environment,
				new SpringApplication());
		assertThatIllegalStateException().isThrownBy(() -> environment.getProperty("spring.datasource.url"));
		EmbeddedDatabaseFailureAnalyzer analyzer = new EmbeddedDatabaseFailureAnalyzer(environment);
		assertThat(analyzer.analyze(new IllegalStateException("bean definitions clash"))).isNull();
		FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("wrapped",
				new BeanCreationException("dataSource", "Failed to determine a suitable driver class")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).endsWith(
				"Data directory " + dataDirectory + " is neither empty nor a PostgreSQL data directory");
		assertThat(analysis.getAction()).contains(EmbeddedDatabaseEnvironmentPostProcessor.URL_PROPERTY);
	}

	@Test
	void analyzesNothingWhenAUrlIsConfigured() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", "jdbc:postgresql://db/shop")));
		new EmbeddedDatabaseEnvironmentPostProcessor(Supplier::get).postProcessEnvironment(environment,
				new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/shop");
		assertThat(new EmbeddedDatabaseFailureAnalyzer(environment)
			.analyze(new BeanCreationException("dataSource", "other"))).isNull();
	}

	@Test
	void analyzesNothingWithoutTheSamplesPropertySource() {
		assertThat(new EmbeddedDatabaseFailureAnalyzer(new StandardEnvironment())
			.analyze(new BeanCreationException("dataSource", "other"))).isNull();
	}

	/**
	 * The auto-configured data source and nothing else: the sample's own beans, and the
	 * documentation's configurations on the test class path, are beside the point.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NoDataSourceConfiguration {

	}

}
