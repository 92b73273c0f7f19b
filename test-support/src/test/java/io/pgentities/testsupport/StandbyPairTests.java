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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link StandbyPair}.
 */
class StandbyPairTests {

	private static StandbyPair pair;

	@BeforeAll
	static void startPair() {
		pair = StandbyPair.start();
	}

	@AfterAll
	static void closePair() {
		pair.close();
	}

	@Test
	void pairIsEmbeddedWhicheverServerTheOtherTestsUse() {
		assertThat(pair.primary().description()).startsWith("embedded PostgreSQL ").doesNotContain("standby");
		assertThat(pair.standby().description()).startsWith("embedded PostgreSQL ").contains(" standby on port ");
		assertThat(pair.primary()).isNotSameAs(TestServer.shared());
		assertThat(pair.standby().majorVersion()).isEqualTo(pair.primary().majorVersion());
	}

	@Test
	void standbyReplaysADatabaseOfThePrimaryAndRefusesToWriteToIt() throws SQLException {
		try (TestDatabase database = pair.primary().createDatabase("pge_standby_pair")) {
			database.execute("CREATE TABLE replayed (id int); INSERT INTO replayed VALUES (1), (2), (3)");
			pair.awaitReplay();
			DataSource standby = pair.standbyDataSource(database);
			try (Connection connection = standby.getConnection(); Statement statement = connection.createStatement()) {
				try (ResultSet result = statement
					.executeQuery("SELECT current_database(), pg_is_in_recovery(), sum(id) FROM replayed")) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).isEqualTo(database.name());
					assertThat(result.getBoolean(2)).isTrue();
					assertThat(result.getInt(3)).isEqualTo(6);
				}
				SQLException refused = catchThrowableOfType(SQLException.class,
						() -> statement.execute("CREATE SCHEMA refused"));
				// read_only_sql_transaction
				assertThat(refused.getSQLState()).isEqualTo("25006");
			}
		}
	}

	@Test
	void standbyDataSourceIsOnlyForDatabasesOfThePrimary() {
		try (TestDatabase elsewhere = TestDatabase.create()) {
			assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> pair.standbyDataSource(elsewhere)))
				.hasMessageContaining(elsewhere.name())
				.hasMessageContaining(pair.primary().description());
		}
	}

	@Test
	void closeLeavesNothingRunning() {
		StandbyPair other = StandbyPair.start();
		other.close();
		for (TestServer server : new TestServer[] { other.primary(), other.standby() }) {
			SQLException refused = catchThrowableOfType(SQLException.class, () -> DriverManager
				.getConnection(server.adminJdbcUrl("postgres"), server.user(), server.password())
				.close());
			// connection_exception: nothing listens on the port any more
			assertThat(refused.getSQLState()).as("connecting to %s", server).startsWith("08");
		}
		other.close();
	}

}
