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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@link ParallelDatabasesFirstTests} and {@link ParallelDatabasesSecondTests} meet.
 * Each creates the same table in its database and then waits for the other, so they pass
 * only when the two classes run at the same time, and only if their databases differ.
 * Running one of them alone fails after a minute.
 */
final class ParallelDatabases {

	private static final int TIMEOUT_SECONDS = 60;

	private static final CyclicBarrier barrier = new CyclicBarrier(2);

	private static final Map<String, String> databaseNames = new ConcurrentHashMap<>();

	private ParallelDatabases() {
	}

	static void check(TestDatabase database, String role) throws InterruptedException, SQLException {
		database.execute("CREATE TABLE visitor (name text); INSERT INTO visitor VALUES ('" + role + "')");
		databaseNames.put(role, database.name());
		try {
			barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (TimeoutException | BrokenBarrierException ex) {
			throw new AssertionError("The other test class did not run at the same time as the " + role
					+ " one within " + TIMEOUT_SECONDS + " s", ex);
		}
		assertThat(databaseNames).hasSize(2);
		String otherDatabaseName = databaseNames.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(role))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
		assertThat(otherDatabaseName).isNotEqualTo(database.name());
		assertThat(visitors(database)).containsExactly(role);
	}

	private static List<String> visitors(TestDatabase database) throws SQLException {
		List<String> visitors = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT name FROM visitor")) {
			while (result.next()) {
				visitors.add(result.getString(1));
			}
		}
		return visitors;
	}

}
