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

	private final EntityKind kind;

	private final String identity;

	private final String entitySource;

	private final String postgresMessage;

	private final @Nullable String sqlState;

	private final int position;

	private final String sourceName;

	private final int line;

	private final String lineText;

	private final boolean lineInSource;

	/**
	 * Creates an exception.
	 * @param entity the rejected entity
	 * @param postgresMessage PostgreSQL's message
	 * @param sqlState PostgreSQL's SQLSTATE, if known
	 * @param position the 1-based character position of the error in {@code statement}, past its
	 * end for an error at the end of input, or 0 when PostgreSQL gave none
	 * @param statement the entity's statement as declared, before it was rewritten for the
	 * scratch schemas
	 * @param cause the driver's exception
	 */
	public EntityRejectedException(PgEntity entity, String postgresMessage, @Nullable String sqlState, int position,
			String statement, @Nullable Throwable cause) {
		this(entity, postgresMessage, sqlState, position, locate(entity, statement, position), cause);
	}

	private EntityRejectedException(PgEntity entity, String postgresMessage, @Nullable String sqlState, int position,
			Location location, @Nullable Throwable cause) {
		super(message(entity, postgresMessage, location), cause);
		this.kind = entity.kind();
		this.identity = entity.identity();
		this.entitySource = entity.source();
		this.postgresMessage = postgresMessage;
		this.sqlState = sqlState;
		this.position = position;
		this.sourceName = location.sourceName();
		this.line = location.line();
		this.lineText = location.text();
		this.lineInSource = location.inFile();
	}

	/**
	 * Finds the line of the error: in the file the entity was read from, else in its statement.
	 */
	private static Location locate(PgEntity entity, String statement, int position) {
		// without a position, the statement's first line is the best place there is
		DeclaredStatements.Line inFile = DeclaredStatements.locate(entity, statement, Math.max(0, position - 1));
		if (inFile != null) {
			String source = entity.source();
			int colon = source.lastIndexOf(':');
			return new Location((colon > 0) ? source.substring(0, colon) : source, inFile.number(), inFile.text(),
					true, position > 0);
		}
		if (position <= 0) {
			return new Location(entity.source(), 0, "", false, false);
		}
		DeclaredStatements.Line inStatement = DeclaredStatements.Line.at(statement, position - 1);
		return new Location(entity.source(), inStatement.number(), inStatement.text(), false, true);
	}

	private static String message(PgEntity entity, String postgresMessage, Location location) {
		StringBuilder message = new StringBuilder();
		message.append("PostgreSQL rejected ")
			.append(entity.kind().sqlName())
			.append(' ')
			.append(entity.identity())
			.append(" declared in ")
			.append(entity.source())
			.append(": ")
			.append(postgresMessage);
		if (location.line() > 0) {
			message.append(System.lineSeparator())
				.append(location.exact() ? "  at line " : "  in the statement at line ")
				.append(location.line())
				.append(location.inFile() ? " of " + location.sourceName() : " of the statement")
				.append(": ")
				.append(location.text().strip());
		}
		return message.toString();
	}

	private record Location(String sourceName, int line, String text, boolean inFile, boolean exact) {

	}

	/**
	 * The kind of the rejected entity.
	 * @return the kind
	 */
	public EntityKind getKind() {
		return this.kind;
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

	/**
	 * Where the entity was declared, without a line: the file (such as
	 * {@code file db/entities/views.sql}) for entities read from SQL text, else the whole
	 * source (such as {@code bean 'orderLineItems'}).
	 * @return the source's name
	 */
	public String getSourceName() {
		return this.sourceName;
	}

	/**
	 * The 1-based line of the error: in the file for entities read from SQL text, else in the
	 * entity's statement. An error at the end of the statement is on its last line; when
	 * PostgreSQL gave no position, the line is the first of the statement in the file.
	 * @return the line, or 0 when PostgreSQL gave no position for an entity not read from SQL
	 * text
	 */
	public int getLine() {
		return this.line;
	}

	/**
	 * Whether {@link #getLine()} is a line of the SQL text the entity was read from (a file),
	 * rather than of the entity's statement.
	 * @return whether the line is in the source
	 */
	public boolean isLineInSource() {
		return this.lineInSource;
	}

	/**
	 * The text of the line of the error.
	 * @return the line without its line break, empty when {@link #getLine()} is 0
	 */
	public String getLineText() {
		return this.lineText;
	}

}
