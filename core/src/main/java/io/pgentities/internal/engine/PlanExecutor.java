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
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesException;
import io.pgentities.PlanExecutionException;
import io.pgentities.internal.simulate.ServerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan in one transaction: all of it or nothing.
 */
public final class PlanExecutor {

	private static final Logger logger = LoggerFactory.getLogger(PlanExecutor.class);

	private final DataSource dataSource;

	private final EngineSettings settings;

	/**
	 * Creates an executor.
	 * @param dataSource the database
	 * @param settings the settings
	 */
	public PlanExecutor(DataSource dataSource, EngineSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/**
	 * Applies the plan.
	 * @param plan the plan
	 * @throws PlanExecutionException if a statement fails; nothing of the plan remains
	 */
	public void apply(MigrationPlan plan) {
		if (plan.isEmpty()) {
			return;
		}
		try {
			Transaction.committed(this.dataSource, (connection) -> {
				run(connection, plan.statements(), this.settings);
				return null;
			});
			logger.info("Applied {} statements of pg-entities plan", plan.statements().size());
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Applying the plan failed: " + ServerError.of(ex).message(), ex);
		}
	}

	/**
	 * Runs plan statements on a connection whose transaction the caller controls (a Flyway
	 * callback's, for instance), with the plan's lock timeout.
	 * @param connection the connection, in a transaction
	 * @param statements the statements
	 * @param settings the settings
	 * @throws SQLException if setting up fails
	 * @throws PlanExecutionException if a statement fails
	 */
	public static void run(Connection connection, List<String> statements, EngineSettings settings)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// plans are generated for standard strings: a backslash must never end a literal
			statement.execute("SET LOCAL standard_conforming_strings = on");
			// a blocked DDL statement fails after the budget instead of queueing every reader of
			// the relation behind its ACCESS EXCLUSIVE request
			statement.execute("SET LOCAL lock_timeout = " + settings.applyLockTimeout().toMillis());
			for (int i = 0; i < statements.size(); i++) {
				try {
					statement.execute(statements.get(i));
				}
				catch (SQLException ex) {
					throw new PlanExecutionException(statements.get(i), i, ServerError.of(ex).message(), ex);
				}
			}
		}
	}

}
