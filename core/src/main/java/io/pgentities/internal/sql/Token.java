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
 * One lexical token of PostgreSQL SQL text.
 *
 * @param type what kind of token this is
 * @param text the token exactly as written
 * @param offset the token's offset in the lexed text
 * @param line the 1-based line the token starts on
 */
public record Token(TokenType type, String text, int offset, int line) {

	/**
	 * Whether this token is the unquoted word {@code word}, compared case-insensitively.
	 * @param word the word, lower case
	 * @return whether it matches
	 */
	public boolean isWord(String word) {
		return this.type == TokenType.WORD && this.text.equalsIgnoreCase(word);
	}

	/**
	 * Whether this token is the punctuation or operator {@code symbol}.
	 * @param symbol the symbol
	 * @return whether it matches
	 */
	public boolean is(String symbol) {
		return (this.type == TokenType.SYMBOL || this.type == TokenType.OPERATOR) && this.text.equals(symbol);
	}

	/**
	 * Whether this token names something: an unquoted word or a quoted identifier.
	 * @return whether this is an identifier
	 */
	public boolean isIdentifier() {
		return this.type == TokenType.WORD || this.type == TokenType.QUOTED_IDENTIFIER;
	}

	/**
	 * Whether this token carries no meaning: whitespace or a comment.
	 * @return whether it can be skipped
	 */
	public boolean isTrivia() {
		return this.type == TokenType.WHITESPACE || this.type == TokenType.COMMENT;
	}

	/**
	 * The identifier this token denotes: unquoted words fold ASCII letters to lower case (as
	 * PostgreSQL does in a multibyte encoding), quoted identifiers lose their quotes and
	 * {@code U&"..."} identifiers their Unicode escapes.
	 * @return the identifier's value
	 */
	public String identifier() {
		if (this.type == TokenType.QUOTED_IDENTIFIER) {
			if (this.text.charAt(0) != '"') {
				return StringConstants.unicodeQuoted(this.text);
			}
			return this.text.substring(1, this.text.length() - 1).replace("\"\"", "\"");
		}
		StringBuilder folded = new StringBuilder(this.text.length());
		for (int i = 0; i < this.text.length(); i++) {
			char c = this.text.charAt(i);
			folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
		}
		return folded.toString();
	}

	/**
	 * The offset just past this token.
	 * @return the end offset
	 */
	public int end() {
		return this.offset + this.text.length();
	}

}
