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

import io.pgentities.test.PgEntitiesTest;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Testcontainers examples of {@code docs/getting-started.md} and
 * {@code docs/testing.md}. They need a Docker engine, so the build compiles them and
 * {@link ConnectionDetailsExamplesTests} proves, without Docker, what they rely on: the
 * starter checks the database of whatever connection details the application ends up with.
 */
final class ConnectionDetailsExamples {

	private ConnectionDetailsExamples() {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestcontainersConfiguration {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer("postgres:17");
		}

	}

	@SpringBootTest
	@Import(TestcontainersConfiguration.class)
	@PgEntitiesTest
	static class ApplicationEntitiesTests {

		@Autowired
		private JdbcTemplate jdbc;

		@Test
		void productRevenueListsEveryProduct() {
			Integer products = this.jdbc.queryForObject("SELECT count(*) FROM product_revenue", Integer.class);
			assertThat(products).isEqualTo(this.jdbc.queryForObject("SELECT count(*) FROM products", Integer.class));
		}

	}

}
