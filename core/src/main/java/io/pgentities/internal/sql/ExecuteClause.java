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

import java.util.List;
import java.util.Optional;

/**
 * The function named after the top-level {@code EXECUTE FUNCTION} (or {@code PROCEDURE}) of an
 * event trigger's clauses, and where its name stands in the text, so it can be qualified.
 *
 * @param name the function's name as written
 * @param start offset of the name's first token
 * @param end offset just past the name's last token
 */
public record ExecuteClause(QualifiedName name, int start, int end) {

	/**
	 * Finds the function after the first {@code EXECUTE FUNCTION} or {@code EXECUTE PROCEDURE}
	 * outside parentheses; the name must be followed by an empty argument list.
	 * @param sql the SQL text
	 * @return the clause, or empty when there is none
	 */
	public static Optional<ExecuteClause> find(String sql) {
		List<Token> tokens = SqlLexer.meaningfulTokens(sql);
		int depth = 0;
		for (int i = 0; i + 2 < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")")) {
				depth--;
			}
			else if (depth == 0 && token.isWord("execute")
					&& (tokens.get(i + 1).isWord("function") || tokens.get(i + 1).isWord("procedure"))) {
				return at(tokens, i + 2);
			}
		}
		return Optional.empty();
	}

	private static Optional<ExecuteClause> at(List<Token> tokens, int first) {
		Token head = tokens.get(first);
		if (!head.isIdentifier()) {
			return Optional.empty();
		}
		QualifiedName name = new QualifiedName(null, head.identifier());
		Token last = head;
		int next = first + 1;
		if (next + 1 < tokens.size() && tokens.get(next).is(".") && tokens.get(next + 1).isIdentifier()) {
			last = tokens.get(next + 1);
			name = new QualifiedName(head.identifier(), last.identifier());
			next += 2;
		}
		boolean emptyArguments = next + 2 == tokens.size() && tokens.get(next).is("(") && tokens.get(next + 1).is(")");
		return emptyArguments ? Optional.of(new ExecuteClause(name, head.offset(), last.end())) : Optional.empty();
	}

	/**
	 * The text with this clause's function name replaced.
	 * @param sql the text this clause was found in
	 * @param replacement the new function name, as SQL
	 * @return the rewritten text
	 */
	public String replaceIn(String sql, String replacement) {
		return sql.substring(0, this.start) + replacement + sql.substring(this.end);
	}

}
