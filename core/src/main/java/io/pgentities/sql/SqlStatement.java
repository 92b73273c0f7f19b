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
package io.pgentities.sql;

import java.util.List;

/**
 * One statement of a SQL text, as {@link StatementSplitter} found it: its meaningful tokens
 * (no whitespace, comments or terminating semicolon), which keep their offsets and lines in
 * the whole text.
 *
 * @param sql the whole text the statement was split from
 * @param tokens the statement's meaningful tokens, at least one
 */
public record SqlStatement(String sql, List<Token> tokens) {

	public SqlStatement {
		tokens = List.copyOf(tokens);
		if (tokens.isEmpty()) {
			throw new IllegalArgumentException("A statement has at least one token");
		}
	}

	/**
	 * The 1-based line of the statement's first token.
	 * @return the line
	 */
	public int line() {
		return this.tokens.get(0).line();
	}

	/**
	 * The number of meaningful tokens.
	 * @return the size
	 */
	public int size() {
		return this.tokens.size();
	}

	/**
	 * One token.
	 * @param index its index among the meaningful tokens
	 * @return the token
	 */
	public Token token(int index) {
		return this.tokens.get(index);
	}

	/**
	 * The statement's text as written, from its first to its last token.
	 * @return the text
	 */
	public String text() {
		return text(0, this.tokens.size());
	}

	/**
	 * The text as written from one token to another, comments and line breaks between them included.
	 * @param from the index of the first token
	 * @param to the index just past the last token
	 * @return the text, empty when {@code from >= to}
	 */
	public String text(int from, int to) {
		if (from >= to) {
			return "";
		}
		return this.sql.substring(this.tokens.get(from).offset(), this.tokens.get(to - 1).end());
	}

}
