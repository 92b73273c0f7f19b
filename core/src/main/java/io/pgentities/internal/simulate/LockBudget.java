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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.pgentities.PgEntity;
import io.pgentities.PgMaterializedView;

/**
 * How many objects one simulation transaction may create. Every object created holds a few
 * entries of PostgreSQL's shared lock table until the transaction ends, and that table holds
 * {@code max_locks_per_transaction × (max_connections + max_prepared_transactions)} entries
 * for all sessions together. A simulation uses at most a third of it, leaving the rest to the
 * application.
 */
final class LockBudget {

	private static final String QUERY = "select current_setting('max_locks_per_transaction')::int"
			+ " * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int)";

	private LockBudget() {
	}

	static int of(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
			result.next();
			return result.getInt(1) / 3;
		}
	}

	/**
	 * The lock-table entries a declaration takes while it is simulated, measured on the
	 * benchmark workload: about two per statement, more for a trigger's or policy's table copy.
	 */
	static int weight(PgEntity entity) {
		int statements = (entity instanceof PgMaterializedView view) ? 1 + view.indexes().size() : 1;
		int copy = (OwningTable.of(entity) != null) ? 2 : 0;
		return 2 * statements + copy;
	}

}
