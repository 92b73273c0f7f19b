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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thrown when SQL that declares entities is invalid or does more than declare them: a statement
 * of another kind, a quote left open, two declarations of one entity.
 */
public class InvalidDeclarationException extends PgEntitiesException {

	private static final Pattern LOCATED = Pattern.compile("(.+):(\\d+)");

	private final String sourceName;

	private final int line;

	/**
	 * Creates an exception.
	 * @param sourceName the source of the SQL, such as {@code file db/entities/views.sql}
	 * @param line the 1-based line of the problem
	 * @param reason what is wrong
	 */
	public InvalidDeclarationException(String sourceName, int line, String reason) {
		super(sourceName + ":" + line + ": " + reason);
		this.sourceName = sourceName;
		this.line = line;
	}

	/**
	 * Creates an exception with a cause.
	 * @param sourceName the source of the SQL, such as {@code file db/entities/views.sql}
	 * @param line the 1-based line of the problem
	 * @param reason what is wrong
	 * @param cause the cause
	 */
	public InvalidDeclarationException(String sourceName, int line, String reason, Throwable cause) {
		super(sourceName + ":" + line + ": " + reason, cause);
		this.sourceName = sourceName;
		this.line = line;
	}

	/**
	 * An exception about a declared entity, located by its source: {@code <name>:<line>} for
	 * entities read from SQL, the whole source (line 1) for beans and factories.
	 * @param entity the entity
	 * @param reason what is wrong
	 * @return the exception
	 */
	public static InvalidDeclarationException of(PgEntity entity, String reason) {
		Matcher located = LOCATED.matcher(entity.source());
		if (located.matches()) {
			return new InvalidDeclarationException(located.group(1), Integer.parseInt(located.group(2)), reason);
		}
		return new InvalidDeclarationException(entity.source(), 1, reason);
	}

	/**
	 * The source of the invalid SQL.
	 * @return the source's name
	 */
	public String getSourceName() {
		return this.sourceName;
	}

	/**
	 * The 1-based line of the problem in the source.
	 * @return the line
	 */
	public int getLine() {
		return this.line;
	}

}
