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

import org.jspecify.annotations.Nullable;

/**
 * Splits SQL text into statements at top-level semicolons, as psql does: semicolons in
 * strings, dollar quotes, comments and parentheses do not count, nor do those inside the
 * {@code BEGIN ATOMIC ... END} body of a {@code CREATE [OR REPLACE] FUNCTION} or
 * {@code PROCEDURE}.
 */
public final class StatementSplitter {

	private StatementSplitter() {
	}

	/**
	 * Splits a text into statements; empty statements are dropped and the last statement
	 * may lack its semicolon.
	 * @param sql the SQL text
	 * @return the statements in order
	 * @throws SqlSyntaxException on an unterminated quote, dollar quote, comment,
	 * parenthesis or {@code BEGIN ATOMIC} body
	 */
	public static List<SqlStatement> split(String sql) {
		List<SqlStatement> statements = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		int parentheses = 0;
		int blocks = 0;
		Token outermostParenthesis = null;
		for (Token token : SqlLexer.tokenize(sql)) {
			if (token.isTrivia()) {
				continue;
			}
			if (token.is(";") && parentheses == 0 && blocks == 0) {
				if (!current.isEmpty()) {
					statements.add(new SqlStatement(sql, current));
					current = new ArrayList<>();
				}
				continue;
			}
			current.add(token);
			if (token.is("(")) {
				outermostParenthesis = (parentheses == 0) ? token : outermostParenthesis;
				parentheses++;
			}
			else if (token.is(")")) {
				parentheses = Math.max(0, parentheses - 1);
			}
			else if (parentheses == 0 && token.type() == TokenType.WORD) {
				blocks = nextBlockDepth(blocks, token, current);
			}
		}
		if (parentheses > 0) {
			throw new SqlSyntaxException("unclosed parenthesis", lineOf(outermostParenthesis));
		}
		if (blocks > 0) {
			throw new SqlSyntaxException("BEGIN ATOMIC body without a matching END", current.get(0).line());
		}
		if (!current.isEmpty()) {
			statements.add(new SqlStatement(sql, current));
		}
		return statements;
	}

	private static int nextBlockDepth(int depth, Token word, List<Token> statement) {
		// only BEGIN ATOMIC opens a body: a routine may be named begin, and counting every BEGIN
		// would let "begin(); DROP TABLE t; END" pass for one statement
		if (word.isWord("atomic") && depth == 0 && statement.size() > 1
				&& statement.get(statement.size() - 2).isWord("begin")) {
			return isRoutineDefinition(statement) ? 1 : 0;
		}
		if (word.isWord("case")) {
			// a CASE expression ends with END as well, but only matters inside a body
			return (depth > 0) ? depth + 1 : depth;
		}
		if (word.isWord("end")) {
			return (depth > 0) ? depth - 1 : depth;
		}
		return depth;
	}

	private static boolean isRoutineDefinition(List<Token> statement) {
		if (statement.isEmpty() || !statement.get(0).isWord("create")) {
			return false;
		}
		boolean orReplace = statement.size() > 3 && statement.get(1).isWord("or") && statement.get(2).isWord("replace");
		int kind = orReplace ? 3 : 1;
		return statement.size() > kind
				&& (statement.get(kind).isWord("function") || statement.get(kind).isWord("procedure"));
	}

	private static int lineOf(@Nullable Token token) {
		return (token != null) ? token.line() : 1;
	}

}
