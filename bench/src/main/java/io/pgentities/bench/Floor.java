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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pgentities.PgEntity;
import io.pgentities.PgMaterializedView;

/**
 * The floor of one scale: what PostgreSQL needs at the least to create the declared entities,
 * which is every declared {@code CREATE} (materialized views {@code WITH NO DATA}) in the
 * workload's order, sent as one JDBC batch in one transaction that is rolled back, on an open
 * connection to a database of its own that holds the workload's tables.
 * <p>
 * Samples are taken before a scale's scenarios and again before each of their measured runs,
 * so that the floor sees the same load of the machine as the scenarios do.
 */
final class Floor implements AutoCloseable {

	private final BenchDatabase database;

	private final Connection connection;

	private final List<String> statements;

	private final List<Double> millis = new ArrayList<>();

	private Floor(BenchDatabase database, Connection connection, List<String> statements) {
		this.database = database;
		this.connection = connection;
		this.statements = statements;
	}

	/**
	 * Creates the floor's database with the workload's tables.
	 * @param server the server
	 * @param workload the workload
	 * @param entities the workload's entities
	 * @return the floor, with no samples yet
	 * @throws SQLException if the database cannot be set up
	 */
	static Floor open(PostgresServer server, Workload workload, List<PgEntity> entities) throws SQLException {
		List<String> statements = entities.stream().map(Floor::createWithNoData).toList();
		BenchDatabase database = server.createDatabase(workload.tablesSql());
		try {
			Connection connection = database.dataSource().getConnection();
			connection.setAutoCommit(false);
			return new Floor(database, connection, statements);
		}
		catch (SQLException ex) {
			database.close();
			throw ex;
		}
	}

	private static String createWithNoData(PgEntity entity) {
		return (entity instanceof PgMaterializedView view) ? view.withData(false).createStatement()
				: entity.createStatement();
	}

	/**
	 * Creates everything once and rolls back, without recording the time.
	 * @return the time taken in milliseconds
	 * @throws SQLException if PostgreSQL cannot create the entities in one transaction
	 */
	double run() throws SQLException {
		long start = System.nanoTime();
		try (Statement statement = this.connection.createStatement()) {
			for (String sql : this.statements) {
				statement.addBatch(sql);
			}
			statement.executeBatch();
		}
		finally {
			this.connection.rollback();
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * Creates everything once and rolls back, recording the time.
	 * @throws SQLException if PostgreSQL cannot create the entities in one transaction
	 */
	void sample() throws SQLException {
		this.millis.add(run());
	}

	/**
	 * The samples so far, in the order they were taken.
	 * @return the durations in milliseconds
	 */
	List<Double> millis() {
		return List.copyOf(this.millis);
	}

	/**
	 * The median of the samples since a given one.
	 * @param from the index of the first sample to consider
	 * @return the median in milliseconds, {@code NaN} if there is no such sample
	 */
	double medianSince(int from) {
		return (from >= this.millis.size()) ? Double.NaN
				: Measurement.median(this.millis.subList(from, this.millis.size()));
	}

	@Override
	public void close() throws SQLException {
		try {
			this.connection.close();
		}
		finally {
			this.database.close();
		}
	}

}
