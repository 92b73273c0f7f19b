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
 * Thrown when PostgreSQL rejects a declared entity while it is simulated. The database is left
 * as it was.
 */
public class EntityRejectedException extends PgEntitiesException {

	private final String identity;

	private final String entitySource;

	private final String postgresMessage;

	private final @Nullable String sqlState;

	private final int position;

	/**
	 * Creates an exception.
	 * @param entity the rejected entity
	 * @param postgresMessage PostgreSQL's message
	 * @param sqlState PostgreSQL's SQLSTATE, if known
	 * @param position the 1-based character position PostgreSQL reported in the entity's statement, or 0
	 * @param statement the statement as PostgreSQL saw it
	 * @param cause the driver's exception
	 */
	public EntityRejectedException(PgEntity entity, String postgresMessage, @Nullable String sqlState, int position,
			String statement, @Nullable Throwable cause) {
		super(message(entity, postgresMessage, position, statement), cause);
		this.identity = entity.identity();
		this.entitySource = entity.source();
		this.postgresMessage = postgresMessage;
		this.sqlState = sqlState;
		this.position = position;
	}

	private static String message(PgEntity entity, String postgresMessage, int position, String statement) {
		StringBuilder message = new StringBuilder();
		message.append("PostgreSQL rejected ")
			.append(entity.kind().sqlName())
			.append(' ')
			.append(entity.identity())
			.append(" declared in ")
			.append(entity.source())
			.append(": ")
			.append(postgresMessage);
		if (position > 0 && position <= statement.length()) {
			int lineStart = statement.lastIndexOf('\n', position - 1) + 1;
			int lineEnd = statement.indexOf('\n', position - 1);
			String line = statement.substring(lineStart, (lineEnd < 0) ? statement.length() : lineEnd);
			int lineNumber = (int) statement.substring(0, lineStart).chars().filter((c) -> c == '\n').count() + 1;
			message.append(System.lineSeparator())
				.append("  at line ")
				.append(lineNumber)
				.append(" of the statement: ")
				.append(line.strip());
		}
		return message.toString();
	}

	/**
	 * The identity of the rejected entity.
	 * @return the identity
	 */
	public String getIdentity() {
		return this.identity;
	}

	/**
	 * Where the rejected entity was declared.
	 * @return the source
	 */
	public String getEntitySource() {
		return this.entitySource;
	}

	/**
	 * PostgreSQL's own message.
	 * @return the message
	 */
	public String getPostgresMessage() {
		return this.postgresMessage;
	}

	/**
	 * PostgreSQL's SQLSTATE.
	 * @return the SQLSTATE, or {@code null}
	 */
	public @Nullable String getSqlState() {
		return this.sqlState;
	}

	/**
	 * The 1-based character position of the error in the statement, or 0 when PostgreSQL gave none.
	 * @return the position
	 */
	public int getPosition() {
		return this.position;
	}

}
