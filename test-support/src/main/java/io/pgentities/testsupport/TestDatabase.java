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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own for a test, on a {@link TestServer}. Closing it drops the
 * database.
 *
 * @see PostgresTest
 */
public final class TestDatabase implements AutoCloseable {

	private final TestServer server;

	private final String name;

	private final PGSimpleDataSource dataSource;

	private final AtomicBoolean closed = new AtomicBoolean();

	TestDatabase(TestServer server, String name) {
		this.server = server;
		this.name = name;
		this.dataSource = server.dataSource(name);
	}

	/**
	 * Create a fresh database on the {@link TestServer#shared() shared server}. The
	 * caller closes it to drop it.
	 * @return the database
	 * @throws IllegalStateException if no server can be had or the database cannot be
	 * created
	 */
	public static TestDatabase create() {
		return TestServer.shared().createDatabase("pge");
	}

	/**
	 * Return the name of the database.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the JDBC URL of the database, without user or password in it.
	 * @return the JDBC URL
	 * @see #user()
	 * @see #password()
	 */
	public String jdbcUrl() {
		return this.server.adminJdbcUrl(this.name);
	}

	/**
	 * Return the user to connect as.
	 * @return the user name
	 */
	public String user() {
		return this.server.user();
	}

	/**
	 * Return the password of the {@link #user() user}.
	 * @return the password, possibly empty
	 */
	public String password() {
		return this.server.password();
	}

	/**
	 * Return a data source for the database, with the user and password set. It opens a
	 * new connection each time.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Return a data source for the database whose sessions are read-only
	 * ({@code default_transaction_read_only=on}), as on a standby: anything but a query fails.
	 * @return the data source
	 */
	public DataSource readOnlyDataSource() {
		PGSimpleDataSource readOnly = this.server.dataSource(this.name);
		readOnly.setOptions("-c default_transaction_read_only=on");
		return readOnly;
	}

	/**
	 * Open a connection to the database.
	 * @return a new connection
	 * @throws SQLException if the connection cannot be opened
	 */
	public Connection connect() throws SQLException {
		return this.dataSource.getConnection();
	}

	/**
	 * Run SQL, one statement or several separated by semicolons, in auto-commit mode.
	 * @param sql the SQL
	 * @throws IllegalStateException wrapping the {@link SQLException} if the SQL fails
	 */
	public void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("SQL failed in database " + this.name + " with SQLState "
					+ ex.getSQLState() + ": " + ex.getMessage() + System.lineSeparator() + sql, ex);
		}
	}

	/**
	 * Drop every event trigger of the database. Event triggers belong to the database, not to
	 * a schema, and fire on all later DDL: a test that makes some drops them when it is done.
	 */
	public void dropEventTriggers() {
		execute("""
				DO $$
				DECLARE t record;
				BEGIN
				    FOR t IN SELECT evtname FROM pg_event_trigger LOOP
				        EXECUTE format('DROP EVENT TRIGGER %I', t.evtname);
				    END LOOP;
				END $$""");
	}

	/**
	 * Return the major version of the server, such as {@code 17}.
	 * @return the major version
	 */
	public int serverMajorVersion() {
		return this.server.majorVersion();
	}

	/**
	 * Return the server of the database.
	 * @return the server
	 */
	public TestServer server() {
		return this.server;
	}

	/**
	 * Drop the database, closing any connection to it that is still open. Does nothing
	 * if it was dropped before.
	 * @throws IllegalStateException if the database cannot be dropped
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.dropDatabase(this.name);
		}
	}

	@Override
	public String toString() {
		return "database " + this.name + " on " + this.server.description();
	}

}
