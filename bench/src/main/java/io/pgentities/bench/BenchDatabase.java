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

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A database of one scenario, dropped when closed.
 */
final class BenchDatabase implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	private final DataSource dataSource;

	BenchDatabase(PostgresServer server, String name, DataSource dataSource) {
		this.server = server;
		this.name = name;
		this.dataSource = dataSource;
	}

	/**
	 * The database's name.
	 * @return the name
	 */
	String name() {
		return this.name;
	}

	/**
	 * A data source that opens a new connection each time, for setting up.
	 * @return the data source
	 */
	DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Runs SQL in auto-commit mode.
	 * @param sql one or more statements
	 * @throws SQLException if it fails
	 */
	void execute(String sql) throws SQLException {
		PostgresServer.execute(this.dataSource, sql);
	}

	@Override
	public void close() throws SQLException {
		this.server.dropDatabase(this.name);
	}

}
