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

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link Token tokens} following PostgreSQL's lexical rules: nested
 * block comments, dollar quotes with tags, {@code E''} strings with backslash escapes,
 * quoted identifiers with doubled quotes. It does not parse; PostgreSQL does that.
 */
public final class SqlLexer {

	private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

	private final String text;

	private int position;

	private int line = 1;

	private SqlLexer(String text) {
		this.text = text;
	}

	/**
	 * Lexes the whole text.
	 * @param text the SQL text
	 * @return every token, trivia included, in order; their texts concatenate to the input
	 * @throws SqlSyntaxException on an unterminated quote, dollar quote or comment
	 */
	public static List<Token> tokenize(String text) {
		return new SqlLexer(text).run();
	}

	/**
	 * Lexes the text and drops whitespace and comments.
	 * @param text the SQL text
	 * @return the meaningful tokens
	 */
	public static List<Token> meaningfulTokens(String text) {
		List<Token> tokens = new ArrayList<>();
		for (Token token : tokenize(text)) {
			if (!token.isTrivia()) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	private List<Token> run() {
		List<Token> tokens = new ArrayList<>();
		while (this.position < this.text.length()) {
			int start = this.position;
			int startLine = this.line;
			TokenType type = next();
			String tokenText = this.text.substring(start, this.position);
			tokens.add(new Token(type, tokenText, start, startLine));
			this.line += countNewlines(tokenText);
		}
		return tokens;
	}

	private TokenType next() {
		char c = this.text.charAt(this.position);
		if (isWhitespace(c)) {
			while (this.position < this.text.length() && isWhitespace(this.text.charAt(this.position))) {
				this.position++;
			}
			return TokenType.WHITESPACE;
		}
		if (startsWith("--")) {
			while (this.position < this.text.length() && this.text.charAt(this.position) != '\n'
					&& this.text.charAt(this.position) != '\r') {
				this.position++;
			}
			return TokenType.COMMENT;
		}
		if (startsWith("/*")) {
			blockComment();
			return TokenType.COMMENT;
		}
		if (c == '\'') {
			quoted('\'', false, "string constant");
			return TokenType.STRING;
		}
		if (c == '"') {
			quoted('"', false, "quoted identifier");
			return TokenType.QUOTED_IDENTIFIER;
		}
		if ((c == 'e' || c == 'E') && charAt(this.position + 1) == '\'') {
			this.position++;
			quoted('\'', true, "escape string constant");
			return TokenType.STRING;
		}
		if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') && charAt(this.position + 1) == '\'') {
			this.position++;
			quoted('\'', false, "string constant");
			return TokenType.STRING;
		}
		if ((c == 'u' || c == 'U') && charAt(this.position + 1) == '&'
				&& (charAt(this.position + 2) == '\'' || charAt(this.position + 2) == '"')) {
			char quote = charAt(this.position + 2);
			this.position += 2;
			quoted(quote, false, (quote == '"') ? "quoted identifier" : "string constant");
			uescape();
			return (quote == '"') ? TokenType.QUOTED_IDENTIFIER : TokenType.STRING;
		}
		if (isIdentifierStart(c)) {
			while (this.position < this.text.length() && isIdentifierPart(this.text.charAt(this.position))) {
				this.position++;
			}
			return TokenType.WORD;
		}
		if (c == '$') {
			return dollar();
		}
		if (isDigit(c) || (c == '.' && isDigit(charAt(this.position + 1)))) {
			number();
			return TokenType.NUMBER;
		}
		if (c == ':' && (charAt(this.position + 1) == ':' || charAt(this.position + 1) == '=')) {
			this.position += 2;
			return TokenType.OPERATOR;
		}
		if ("()[],;.:".indexOf(c) >= 0) {
			this.position++;
			return TokenType.SYMBOL;
		}
		if (OPERATOR_CHARS.indexOf(c) >= 0) {
			this.position++;
			while (this.position < this.text.length() && OPERATOR_CHARS.indexOf(this.text.charAt(this.position)) >= 0
					&& !startsWith("--") && !startsWith("/*")) {
				this.position++;
			}
			return TokenType.OPERATOR;
		}
		this.position++;
		return TokenType.OPERATOR;
	}

	private void blockComment() {
		int depth = 0;
		while (this.position < this.text.length()) {
			if (startsWith("/*")) {
				depth++;
				this.position += 2;
			}
			else if (startsWith("*/")) {
				depth--;
				this.position += 2;
				if (depth == 0) {
					return;
				}
			}
			else {
				this.position++;
			}
		}
		throw new SqlSyntaxException("unterminated /* comment", this.line);
	}

	private void quoted(char quote, boolean backslashEscapes, String what) {
		int start = this.position;
		this.position++;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (backslashEscapes && c == '\\') {
				this.position += 2;
				continue;
			}
			if (c == quote) {
				if (charAt(this.position + 1) == quote) {
					this.position += 2;
					continue;
				}
				this.position++;
				return;
			}
			this.position++;
		}
		throw new SqlSyntaxException("unterminated " + what, this.line);
	}

	/**
	 * Takes a {@code UESCAPE 'c'} clause after a {@code U&} constant into its token, so that
	 * the token alone says how to decode it.
	 */
	private void uescape() {
		int cursor = this.position;
		while (isWhitespace(charAt(cursor))) {
			cursor++;
		}
		if (!this.text.regionMatches(true, cursor, "uescape", 0, 7) || isIdentifierPart(charAt(cursor + 7))) {
			return;
		}
		cursor += 7;
		while (isWhitespace(charAt(cursor))) {
			cursor++;
		}
		if (charAt(cursor) == '\'' && charAt(cursor + 1) != '\'' && charAt(cursor + 1) != '\0'
				&& charAt(cursor + 2) == '\'') {
			this.position = cursor + 3;
		}
	}

	private TokenType dollar() {
		int start = this.position;
		int cursor = this.position + 1;
		if (isDigit(charAt(cursor))) {
			while (isDigit(charAt(cursor))) {
				cursor++;
			}
			this.position = cursor;
			return TokenType.PARAMETER;
		}
		while (cursor < this.text.length() && isDollarTagPart(this.text.charAt(cursor))) {
			cursor++;
		}
		if (charAt(cursor) != '$') {
			this.position++;
			return TokenType.OPERATOR;
		}
		String delimiter = this.text.substring(start, cursor + 1);
		int end = this.text.indexOf(delimiter, cursor + 1);
		if (end < 0) {
			throw new SqlSyntaxException("unterminated dollar-quoted string " + delimiter, this.line);
		}
		this.position = end + delimiter.length();
		return TokenType.DOLLAR_STRING;
	}

	private void number() {
		while (isDigit(charAt(this.position)) || charAt(this.position) == '_') {
			this.position++;
		}
		if (charAt(this.position) == '.' && charAt(this.position + 1) != '.') {
			this.position++;
			while (isDigit(charAt(this.position)) || charAt(this.position) == '_') {
				this.position++;
			}
		}
		char e = charAt(this.position);
		if ((e == 'e' || e == 'E') && (isDigit(charAt(this.position + 1))
				|| ((charAt(this.position + 1) == '+' || charAt(this.position + 1) == '-')
						&& isDigit(charAt(this.position + 2))))) {
			this.position += 2;
			while (isDigit(charAt(this.position))) {
				this.position++;
			}
		}
	}

	private boolean startsWith(String prefix) {
		return this.text.startsWith(prefix, this.position);
	}

	private char charAt(int index) {
		return (index < this.text.length()) ? this.text.charAt(index) : '\0';
	}

	// PostgreSQL's own character classes, not Java's: a character this lexer reads differently
	// from the server (a Unicode space, a non-ASCII digit, a lone carriage return ending a
	// comment) could move the boundary of a string and hide a statement from the splitter.
	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || isDigit(c) || c == '$';
	}

	private static boolean isDollarTagPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

	private static int countNewlines(String s) {
		int count = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

}
