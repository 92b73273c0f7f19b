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

package io.pgentities.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link TestServer}.
 */
class TestServerTests {

	@Test
	void sharedServerIsDescribedAndRecentEnough() {
		TestServer server = TestServer.shared();
		assertThat(server.description()).isNotBlank();
		assertThat(server.majorVersion()).isGreaterThanOrEqualTo(13);
		assertThat(server.adminJdbcUrl("some_database")).startsWith("jdbc:postgresql:")
			.contains("some_database")
			.doesNotContain("password=")
			.doesNotContain("user=");
		assertThat(TestServer.shared()).isSameAs(server);
	}

	@Test
	void sharedServerAnnouncesTheVersionItRunsAndWhyItWasChosen() throws SQLException {
		TestServer server = TestServer.shared();
		try (TestDatabase database = server.createDatabase("pge_announcement");
				Connection connection = database.connect()) {
			String version = queryString(connection, "SHOW server_version");
			assertThat(server.announcement())
				.startsWith("Tests use PostgreSQL " + version + ": " + server.description() + ", because ")
				.containsAnyOf(TestServer.JDBC_URL_ENVIRONMENT_VARIABLE + " is set", "Docker",
						"Testcontainers");
		}
	}

	@Test
	void databasesCreatedConcurrentlyAreDistinctAndUsable() throws Exception {
		TestServer server = TestServer.shared();
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			Future<TestDatabase> first = executor.submit(() -> {
				go.await();
				return server.createDatabase("pge_concurrent");
			});
			Future<TestDatabase> second = executor.submit(() -> {
				go.await();
				return server.createDatabase("pge_concurrent");
			});
			go.countDown();
			try (TestDatabase one = first.get(60, TimeUnit.SECONDS);
					TestDatabase other = second.get(60, TimeUnit.SECONDS)) {
				assertThat(one.name()).isNotEqualTo(other.name()).startsWith("pge_concurrent_");
				for (TestDatabase database : new TestDatabase[] { one, other }) {
					database.execute("CREATE TABLE numbers (n int); INSERT INTO numbers VALUES (1), (2)");
					try (Connection connection = database.connect()) {
						assertThat(queryString(connection, "SELECT sum(n)::text FROM numbers")).isEqualTo("3");
						assertThat(queryString(connection, "SELECT current_database()")).isEqualTo(database.name());
					}
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void closingDatabaseDropsItEvenWithConnectionsOpen() throws SQLException {
		TestServer server = TestServer.shared();
		try (TestDatabase observer = server.createDatabase("pge_observer")) {
			TestDatabase database = TestDatabase.create();
			assertThat(database.server()).isSameAs(server);
			try (Connection connection = database.connect()) {
				assertThat(databaseExists(server, observer, database.name())).isTrue();
				database.close();
			}
			assertThat(databaseExists(server, observer, database.name())).isFalse();
			database.close();
		}
	}

	@Test
	void executeReportsTheFailingSql() {
		try (TestDatabase database = TestDatabase.create()) {
			assertThat(catchThrowable(() -> database.execute("SELECT * FROM missing")))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("42P01")
				.hasMessageContaining("SELECT * FROM missing")
				.hasCauseInstanceOf(SQLException.class);
		}
	}

	@Test
	void databaseNameFitsPostgresLimit() {
		assertThat(TestServer.databaseName("pge_" + "x".repeat(100))).hasSize(63).matches("pge_x+_[0-9a-f]{6}");
		assertThat(TestServer.databaseName("pge_Some-Class$Inner")).matches("pge_some_class_inner_[0-9a-f]{6}");
	}

	private static boolean databaseExists(TestServer server, TestDatabase observer, String name)
			throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(observer.name()),
				server.user(), server.password());
				PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
		}
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
