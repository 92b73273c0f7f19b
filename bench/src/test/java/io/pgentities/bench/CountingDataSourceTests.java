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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CountingDataSource}.
 */
@PostgresTest
class CountingDataSourceTests {

	@Test
	void countsEachExecuteAndEachBatchOnce(TestDatabase database) throws Exception {
		try (CountingDataSource dataSource = new CountingDataSource(database.dataSource())) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET LOCAL lock_timeout = 1000");
					statement.addBatch("CREATE TEMPORARY TABLE counted (id int)");
					statement.addBatch("INSERT INTO counted VALUES (1)");
					statement.addBatch("INSERT INTO counted VALUES (2)");
					statement.executeBatch();
				}
				String count = "select count(*) from counted where id > ?";
				try (PreparedStatement statement = connection.prepareStatement(count)) {
					statement.setInt(1, 0);
					try (ResultSet result = statement.executeQuery()) {
						result.next();
						assertThat(result.getInt(1)).isEqualTo(2);
					}
				}
			}
			assertThat(dataSource.roundTrips()).isEqualTo(3);
			assertThat(dataSource.statementTimes()).extracting(CountingDataSource.StatementTime::label)
				.containsExactlyInAnyOrder("SET LOCAL lock_timeout = 1000",
						"batch of 3, first: CREATE TEMPORARY TABLE counted (id int)",
						"select count(*) from counted where id > ?");
			dataSource.reset();
			assertThat(dataSource.roundTrips()).isZero();
			assertThat(dataSource.statementTimes()).isEmpty();
		}
	}

	@Test
	void keepsTheConnectionOpenAndRollsBackWhatWasLeftOpen(TestDatabase database) throws Exception {
		try (CountingDataSource dataSource = new CountingDataSource(database.dataSource()).warm()) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE TABLE left_open (id int)");
				}
			}
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select to_regclass('left_open') is null")) {
				assertThat(connection.getAutoCommit()).isTrue();
				result.next();
				assertThat(result.getBoolean(1)).isTrue();
				assertThat(statement.getConnection()).isSameAs(connection);
			}
			assertThat(dataSource.connectionsOpened()).isEqualTo(1);
		}
	}

}
