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
package io.pgentities;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a statement of a plan fails. The plan's transaction was rolled back, so the
 * database is as it was before.
 */
public class PlanExecutionException extends PgEntitiesException {

	private final String statement;

	private final int statementIndex;

	/**
	 * Creates an exception.
	 * @param statement the failing statement
	 * @param statementIndex its 0-based index in the plan
	 * @param postgresMessage PostgreSQL's message
	 * @param cause the driver's exception
	 */
	public PlanExecutionException(String statement, int statementIndex, String postgresMessage,
			@Nullable Throwable cause) {
		super("Statement " + (statementIndex + 1) + " of the plan failed and the plan was rolled back: "
				+ postgresMessage + System.lineSeparator() + "  " + statement, cause);
		this.statement = statement;
		this.statementIndex = statementIndex;
	}

	/**
	 * The statement that failed.
	 * @return the statement
	 */
	public String getStatement() {
		return this.statement;
	}

	/**
	 * The 0-based index of the failing statement in the plan.
	 * @return the index
	 */
	public int getStatementIndex() {
		return this.statementIndex;
	}

}
