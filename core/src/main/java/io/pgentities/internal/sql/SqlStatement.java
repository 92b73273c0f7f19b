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

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a SQL text, as {@link StatementSplitter} found it: its meaningful tokens
 * (no whitespace, comments or terminating semicolon), which keep their offsets and lines in
 * the whole text.
 *
 * @param sql the whole text the statement was split from
 * @param tokens the statement's meaningful tokens, at least one
 */
public record SqlStatement(String sql, List<Token> tokens) {

	private static final int RESYNC_WINDOW = 16;

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
	 * Whether the statement ends with these words, all of them at or after a token.
	 * @param from the index of the first token the words may start at
	 * @param words the words, in lower case
	 * @return whether the last tokens are those words
	 */
	public boolean endsWithWords(int from, String... words) {
		int start = this.tokens.size() - words.length;
		if (start < from) {
			return false;
		}
		for (int i = 0; i < words.length; i++) {
			if (!this.tokens.get(start + i).isWord(words[i])) {
				return false;
			}
		}
		return true;
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

	/**
	 * Where a character of another spelling of this statement stands in the whole text. The
	 * statement PostgreSQL is sent is rebuilt from the declaration (its own name
	 * schema-qualified, no {@code OR REPLACE}, the rest as written), so tokens are matched up
	 * rather than offsets: a character of a token written alike maps to the same character,
	 * one of a token that differs to the next token that matches. An offset at or past the
	 * end of the spelling, where PostgreSQL places errors at the end of input, maps to the
	 * statement's last character.
	 * @param spelling another spelling of the statement
	 * @param offset a 0-based offset in {@code spelling}
	 * @return the 0-based offset in {@link #sql()}
	 */
	public int sourceOffset(String spelling, int offset) {
		Token last = this.tokens.get(this.tokens.size() - 1);
		List<Token> other;
		try {
			other = SqlLexer.meaningfulTokens(spelling);
		}
		catch (SqlSyntaxException ex) {
			return this.tokens.get(0).offset();
		}
		if (other.isEmpty() || offset >= other.get(other.size() - 1).end()) {
			return last.end() - 1;
		}
		int index = 0;
		while (index + 1 < other.size() && other.get(index + 1).offset() <= offset) {
			index++;
		}
		int[] matches = match(other);
		for (int i = index; i < other.size(); i++) {
			if (matches[i] >= 0) {
				Token token = this.tokens.get(matches[i]);
				int within = (i == index) ? Math.max(0, offset - other.get(i).offset()) : 0;
				return token.offset() + Math.min(within, token.text().length() - 1);
			}
		}
		return last.end() - 1;
	}

	/**
	 * How many tokens of another spelling match tokens of this statement, to tell which of
	 * several statements it spells.
	 * @param spelling another spelling, possibly of another statement
	 * @return the number of matching tokens
	 */
	public int tokensInCommon(String spelling) {
		try {
			return (int) Arrays.stream(match(SqlLexer.meaningfulTokens(spelling))).filter((j) -> j >= 0).count();
		}
		catch (SqlSyntaxException ex) {
			return 0;
		}
	}

	/**
	 * For each token of another spelling, the index of the same token here, or -1. Runs of
	 * equal tokens are followed; where the spellings differ, the nearest place where three
	 * tokens agree again is found.
	 */
	private int[] match(List<Token> other) {
		int[] matches = new int[other.size()];
		Arrays.fill(matches, -1);
		int i = 0;
		int j = 0;
		while (i < other.size() && j < this.tokens.size()) {
			if (same(other.get(i), this.tokens.get(j))) {
				matches[i++] = j++;
				continue;
			}
			int[] resync = resync(other, i, j);
			if (resync == null) {
				break;
			}
			i = resync[0];
			j = resync[1];
		}
		return matches;
	}

	private int @Nullable [] resync(List<Token> other, int i, int j) {
		for (int distance = 1; distance <= 2 * RESYNC_WINDOW; distance++) {
			for (int skipOther = 0; skipOther <= Math.min(distance, RESYNC_WINDOW); skipOther++) {
				int skipHere = distance - skipOther;
				if (skipHere <= RESYNC_WINDOW && agree(other, i + skipOther, j + skipHere)) {
					return new int[] { i + skipOther, j + skipHere };
				}
			}
		}
		return null;
	}

	private boolean agree(List<Token> other, int i, int j) {
		int run = Math.min(3, Math.min(other.size() - i, this.tokens.size() - j));
		if (run <= 0) {
			return false;
		}
		for (int k = 0; k < run; k++) {
			if (!same(other.get(i + k), this.tokens.get(j + k))) {
				return false;
			}
		}
		return true;
	}

	private static boolean same(Token a, Token b) {
		return a.type() == b.type()
				&& ((a.type() == TokenType.WORD) ? a.text().equalsIgnoreCase(b.text()) : a.text().equals(b.text()));
	}

}
