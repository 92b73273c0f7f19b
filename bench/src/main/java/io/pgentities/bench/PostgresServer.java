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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import io.pgentities.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the benchmark runs on: one given by a JDBC URL, or an embedded one
 * started for the run. Each scenario gets a database of its own, created with
 * {@code CREATE DATABASE} and dropped afterwards.
 */
final class PostgresServer implements AutoCloseable {

	private final String jdbcUrl;

	private final @Nullable EmbeddedPostgres embedded;

	private final String databasePrefix = "pge_bench_" + ProcessHandle.current().pid() + "_";

	private int databases;

	private PostgresServer(String jdbcUrl, @Nullable EmbeddedPostgres embedded) {
		this.jdbcUrl = jdbcUrl;
		this.embedded = embedded;
	}

	/**
	 * The server of a JDBC URL; its user must be allowed to create databases.
	 * @param jdbcUrl the URL, such as {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
	 * @return the server
	 */
	static PostgresServer connect(String jdbcUrl) {
		return new PostgresServer(jdbcUrl, null);
	}

	/**
	 * Starts an embedded server, stopped by {@link #close()}.
	 * @param settings configuration parameters to start it with
	 * @return the server
	 */
	static PostgresServer startEmbedded(Map<String, String> settings) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		settings.forEach(builder::serverSetting);
		EmbeddedPostgres embedded = builder.start();
		return new PostgresServer(embedded.jdbcUrl("postgres"), embedded);
	}

	/**
	 * What the server is, for the report: {@code select version()} and where it runs.
	 * @return the description
	 * @throws SQLException if the server cannot be reached
	 */
	String describe() throws SQLException {
		try (Connection connection = dataSource(null).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select version()")) {
			result.next();
			String where = (this.embedded != null) ? "embedded, " + this.embedded
					: "at " + this.jdbcUrl.replaceAll("\\?.*", "");
			return result.getString(1) + " (" + where + ")";
		}
	}

	/**
	 * The server settings that bear on the results, for the report.
	 * @return {@code name=value} pairs
	 * @throws SQLException if the server cannot be reached
	 */
	String settings() throws SQLException {
		try (Connection connection = dataSource(null).getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select string_agg(name || '=' || current_setting(name), "
						+ "', ' order by name) from pg_settings where name in ('fsync', 'synchronous_commit', "
						+ "'shared_buffers', 'max_locks_per_transaction', 'max_connections', 'jit')")) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * Creates a fresh database and runs SQL in it.
	 * @param sql statements to run first, in auto-commit mode (the workload's tables)
	 * @return the database
	 * @throws SQLException if creating it fails
	 */
	BenchDatabase createDatabase(String sql) throws SQLException {
		String name = this.databasePrefix + (++this.databases);
		execute(dataSource(null), "CREATE DATABASE " + name);
		BenchDatabase database = new BenchDatabase(this, name, dataSource(name));
		if (!sql.isEmpty()) {
			execute(database.dataSource(), sql);
		}
		return database;
	}

	void dropDatabase(String name) throws SQLException {
		execute(dataSource(null), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private PGSimpleDataSource dataSource(@Nullable String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.jdbcUrl);
		if (database != null) {
			dataSource.setDatabaseName(database);
		}
		return dataSource;
	}

	static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
