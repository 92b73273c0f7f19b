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
 * The relation named after the first top-level {@code ON} of a trigger, index or policy
 * clause, and where it stands in the text, so it can be replaced.
 *
 * @param name the relation's name as written
 * @param start offset of the name's first token
 * @param end offset just past the name's last token
 */
public record OnClause(QualifiedName name, int start, int end) {

	/**
	 * Finds the relation after the first {@code ON} outside parentheses.
	 * @param sql the SQL text
	 * @return the clause, or empty when there is none
	 */
	public static Optional<OnClause> find(String sql) {
		List<Token> tokens = SqlLexer.meaningfulTokens(sql);
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")")) {
				depth--;
			}
			else if (depth == 0 && token.isWord("on")) {
				int first = i + 1;
				if (first < tokens.size() && tokens.get(first).isWord("only")) {
					first++;
				}
				if (first >= tokens.size() || !tokens.get(first).isIdentifier()) {
					return Optional.empty();
				}
				Token head = tokens.get(first);
				if (first + 2 < tokens.size() && tokens.get(first + 1).is(".") && tokens.get(first + 2).isIdentifier()) {
					Token tail = tokens.get(first + 2);
					return Optional.of(new OnClause(new QualifiedName(head.identifier(), tail.identifier()),
							head.offset(), tail.end()));
				}
				return Optional.of(new OnClause(new QualifiedName(null, head.identifier()), head.offset(), head.end()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The text with this clause's relation name replaced.
	 * @param sql the text this clause was found in
	 * @param replacement the new relation name, as SQL
	 * @return the rewritten text
	 */
	public String replaceIn(String sql, String replacement) {
		return sql.substring(0, this.start) + replacement + sql.substring(this.end);
	}

}
