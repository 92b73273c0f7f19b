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
package io.pgentities.sample.docs;

import java.sql.Connection;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.autoconfigure.PgEntitiesAutoConfiguration;
import io.pgentities.autoconfigure.PgEntityDeclarations;
import io.pgentities.sample.SampleEntities;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionDetailsExamples}: Docker Compose support and a Testcontainers
 * {@code @ServiceConnection} both give the application a {@link JdbcConnectionDetails}
 * bean, from which Spring Boot builds the {@link DataSource}; the starter then migrates and
 * checks that database like any other.
 */
@PostgresTest
class ConnectionDetailsExamplesTests {

	@Test
	void theStarterUsesTheDataSourceOfTheApplicationsConnectionDetails(TestDatabase database) {
		JdbcConnectionDetails connectionDetails = new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return database.user();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

			@Override
			public String getJdbcUrl() {
				return database.jdbcUrl();
			}

		};
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					PgEntitiesAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, () -> connectionDetails)
			.withUserConfiguration(SampleEntities.class)
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:1/ignored",
					"pg-entities.apply-on-migrate=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (Connection connection = context.getBean(DataSource.class).getConnection()) {
					assertThat(connection.getMetaData().getURL()).startsWith(database.jdbcUrl());
				}
				PgEntitiesEngine engine = context.getBean(PgEntitiesEngine.class);
				assertThat(engine.check(context.getBean(PgEntityDeclarations.class).entities()).entities())
					.hasSize(5)
					.allSatisfy((entity) -> assertThat(entity.status()).hasToString("IN_SYNC"));
			});
	}

}
