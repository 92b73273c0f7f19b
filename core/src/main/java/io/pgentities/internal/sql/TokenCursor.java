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

import java.util.Locale;

/**
 * Reads a {@link SqlStatement} token by token; failures are {@link SqlSyntaxException}s on
 * the statement's line.
 */
final class TokenCursor {

	private final SqlStatement statement;

	private int index;

	TokenCursor(SqlStatement statement) {
		this.statement = statement;
	}

	SqlStatement statement() {
		return this.statement;
	}

	int index() {
		return this.index;
	}

	void moveTo(int index) {
		this.index = index;
	}

	boolean atEnd() {
		return this.index >= this.statement.size();
	}

	/**
	 * Skips the given words if the next tokens are exactly them.
	 * @param words the words, lower case
	 * @return whether they were there
	 */
	boolean acceptWords(String... words) {
		if (!nextAreWords(words)) {
			return false;
		}
		this.index += words.length;
		return true;
	}

	boolean nextAreWords(String... words) {
		if (this.index + words.length > this.statement.size()) {
			return false;
		}
		for (int i = 0; i < words.length; i++) {
			if (!this.statement.token(this.index + i).isWord(words[i])) {
				return false;
			}
		}
		return true;
	}

	void expectWord(String word, String context) {
		if (!acceptWords(word)) {
			throw fail(context + " must be followed by " + word.toUpperCase(Locale.ROOT) + ", found "
					+ describeNext());
		}
	}

	/**
	 * Reads a name that cannot be schema-qualified.
	 * @param what what the name is of, for the message
	 * @return the case-folded name
	 */
	String name(String what) {
		Token token = identifier(what);
		if (!atEnd() && this.statement.token(this.index).is(".")) {
			throw fail("the name of " + what + " cannot be schema-qualified: it belongs to its table's schema");
		}
		return token.identifier();
	}

	/**
	 * Reads {@code name} or {@code schema.name}.
	 * @param what what the name is of, for the message
	 * @param defaultSchema the schema of an unqualified name
	 * @return the schema and the name, case-folded
	 */
	QualifiedName qualifiedName(String what, String defaultSchema) {
		Token first = identifier(what);
		if (atEnd() || !this.statement.token(this.index).is(".")) {
			return new QualifiedName(defaultSchema, first.identifier());
		}
		this.index++;
		Token second = identifier(what);
		if (!atEnd() && this.statement.token(this.index).is(".")) {
			throw fail("the name of " + what + " must be name or schema.name");
		}
		return new QualifiedName(first.identifier(), second.identifier());
	}

	private Token identifier(String what) {
		if (atEnd() || !this.statement.token(this.index).isIdentifier()) {
			throw fail("expected the name of " + what + ", found " + describeNext());
		}
		return this.statement.token(this.index++);
	}

	/**
	 * Finds the next word at parenthesis depth zero.
	 * @param word the word, lower case
	 * @return its index, or -1
	 */
	int findTopLevelWord(String word) {
		int depth = 0;
		for (int i = this.index; i < this.statement.size(); i++) {
			Token token = this.statement.token(i);
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")")) {
				depth--;
			}
			else if (depth == 0 && token.isWord(word)) {
				return i;
			}
		}
		return -1;
	}

	String rest() {
		return this.statement.text(this.index, this.statement.size());
	}

	String describeNext() {
		return atEnd() ? "the end of the statement" : "'" + this.statement.token(this.index).text() + "'";
	}

	SqlSyntaxException fail(String message) {
		return new SqlSyntaxException(message, this.statement.line());
	}

}
