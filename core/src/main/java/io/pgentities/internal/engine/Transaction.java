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
package io.pgentities.internal.engine;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs work in one transaction on a connection of its own, and never lets the clean-up hide
 * why the work failed: when the connection died (killed by an administrator, a restart), the
 * rollback fails too, and that failure is attached to the original one instead of replacing it.
 */
final class Transaction {

	private Transaction() {
	}

	/**
	 * Runs work in a transaction that is always rolled back.
	 */
	static <T> T rolledBack(DataSource dataSource, Work<T> work) throws SQLException {
		return run(dataSource, work, false);
	}

	/**
	 * Runs work in a transaction that is committed if the work succeeds.
	 */
	static <T> T committed(DataSource dataSource, Work<T> work) throws SQLException {
		return run(dataSource, work, true);
	}

	private static <T> T run(DataSource dataSource, Work<T> work, boolean commit) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			Throwable failure = null;
			try {
				T result = work.run(connection);
				if (commit) {
					connection.commit();
				}
				return result;
			}
			catch (SQLException | RuntimeException | Error ex) {
				failure = ex;
				throw ex;
			}
			finally {
				cleanUp(connection, autoCommit, failure);
			}
		}
	}

	private static void cleanUp(Connection connection, boolean autoCommit, Throwable failure) throws SQLException {
		try {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			if (failure == null) {
				throw ex;
			}
			failure.addSuppressed(ex);
		}
	}

	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

}
