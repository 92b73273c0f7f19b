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

import javax.sql.DataSource;

import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpointWebExtension;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesEndpointAutoConfiguration}.
 */
@PostgresTest
class PgEntitiesEndpointAutoConfigurationTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PgEntitiesAutoConfiguration.class, PgEntitiesEndpointAutoConfiguration.class))
		.withPropertyValues("pg-entities.check-on-startup=off");

	PgEntitiesEndpointAutoConfigurationTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void runShouldHaveEndpointBean() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("management.endpoints.web.exposure.include=pgentities")
			.run((context) -> assertThat(context).hasSingleBean(PgEntitiesEndpoint.class)
				.hasSingleBean(PgEntitiesEndpointWebExtension.class));
	}

	@Test
	void runWhenExposedOverJmxOnlyShouldHaveEndpointBeanButNoWebExtension() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=pgentities")
			.run((context) -> assertThat(context).hasSingleBean(PgEntitiesEndpoint.class)
				.doesNotHaveBean(PgEntitiesEndpointWebExtension.class));
	}

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesEndpoint.class)
				.doesNotHaveBean(PgEntitiesEndpointWebExtension.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("management.endpoints.web.exposure.include=pgentities",
					"management.endpoint.pgentities.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesEndpoint.class));
	}

	@Test
	void runWithoutADataSourceShouldNotHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=pgentities")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PgEntitiesEndpoint.class));
	}

	@Test
	void runWhenDisabledShouldNotHaveEndpointBean() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("management.endpoints.web.exposure.include=pgentities", "pg-entities.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesEndpoint.class));
	}

	// A missing jar also hides the annotations it declares. A FilteredClassLoader mimics
	// that only for classes read from their class files, as imported auto-configurations
	// are, not for those registered directly
	@Test
	void runWithoutActuatorShouldNotHaveEndpointBeanButStillCheck() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withPropertyValues("pg-entities.check-on-startup=off")
			.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader(HiddenPackages.of("org.springframework.boot.actuate")))
			.withPropertyValues("management.endpoints.web.exposure.include=pgentities")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PgEntitiesEndpoint.class)
				.hasSingleBean(PgEntitiesChecker.class)
				.hasSingleBean(PgEntitiesStartupCheck.class));
	}

	@Test
	void runWithAUserDefinedEndpointShouldBackOff() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("management.endpoints.web.exposure.include=pgentities")
			.withBean("customEndpoint", PgEntitiesEndpoint.class)
			.run((context) -> assertThat(context).hasSingleBean(PgEntitiesEndpoint.class).hasBean("customEndpoint"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PgEntitiesAutoConfiguration.class, PgEntitiesEndpointAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

}
