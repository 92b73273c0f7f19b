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
package io.pgentities.internal.simulate;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's error fields, taken from the driver's exception without depending on the
 * driver at compile time.
 *
 * @param message the primary message
 * @param sqlState the SQLSTATE
 * @param position the 1-based error position in the statement, 0 if none
 */
public record ServerError(String message, @Nullable String sqlState, int position) {

	/**
	 * Whether the exception says the connection is gone (SQLSTATE class 08, or the server
	 * shutting the session down), so that nothing more can be done on it.
	 * @param ex the exception
	 * @return whether the connection was lost
	 */
	public static boolean isConnectionLost(SQLException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		SQLException next = ex.getNextException();
		return next != null && next != ex && isConnectionLost(next);
	}

	/**
	 * Whether the exception says the server ran out of a resource or hit a limit (SQLSTATE
	 * classes 53 and 54: out of shared memory, too many locks, statement too complex), which
	 * is no fault of any one declaration.
	 * @param ex the exception
	 * @return whether a resource ran out
	 */
	public static boolean isResourceExhausted(SQLException ex) {
		for (SQLException current = ex; current != null; current = (current.getNextException() != current)
				? current.getNextException() : null) {
			String state = current.getSQLState();
			if (state != null && (state.startsWith("53") || state.startsWith("54"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads the fields of an exception thrown by the PostgreSQL JDBC driver, or of any other.
	 * @param ex the exception
	 * @return its fields
	 */
	public static ServerError of(SQLException ex) {
		try {
			Method getter = ex.getClass().getMethod("getServerErrorMessage");
			Object serverError = getter.invoke(ex);
			if (serverError != null) {
				String message = (String) serverError.getClass().getMethod("getMessage").invoke(serverError);
				String hint = (String) serverError.getClass().getMethod("getHint").invoke(serverError);
				if (message != null && hint != null) {
					message = message + " (hint: " + hint + ")";
				}
				int position = (Integer) serverError.getClass().getMethod("getPosition").invoke(serverError);
				return new ServerError((message != null) ? message : String.valueOf(ex.getMessage()), ex.getSQLState(),
						position);
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex2) {
			// not the PostgreSQL driver: fall back to the plain message
		}
		return new ServerError(String.valueOf(ex.getMessage()), ex.getSQLState(), 0);
	}

}
