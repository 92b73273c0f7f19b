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
package io.pgentities.internal.sql;

/**
 * Thrown when SQL text cannot even be lexed or split into entity statements.
 */
public class SqlSyntaxException extends RuntimeException {

	private final String reason;

	private final int line;

	/**
	 * Creates an exception.
	 * @param message what is wrong
	 * @param line the 1-based line it was found on
	 */
	public SqlSyntaxException(String message, int line) {
		super(message + " (line " + line + ")");
		this.reason = message;
		this.line = line;
	}

	/**
	 * What is wrong, without the line.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * The 1-based line of the problem, relative to the lexed text.
	 * @return the line
	 */
	public int getLine() {
		return this.line;
	}

}
