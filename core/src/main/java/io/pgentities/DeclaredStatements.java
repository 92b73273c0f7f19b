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

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import io.pgentities.internal.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The statements of SQL text that declared each entity read from it, so that a position
 * PostgreSQL reports in an entity's statement can be shown at its line in the file. Kept
 * beside the entities rather than in them, so that an entity read from a file stays equal to
 * the same entity made by a factory; held weakly, so that an entity no longer used takes its
 * text with it.
 */
final class DeclaredStatements {

	private static final Map<PgEntity, List<SqlStatement>> statements = Collections
		.synchronizedMap(new WeakHashMap<>());

	private DeclaredStatements() {
	}

	/**
	 * Remembers the statements that declared an entity.
	 * @param entity the entity
	 * @param declaring its {@code CREATE} statement first, then those attached to it
	 * ({@code CREATE INDEX})
	 */
	static void remember(PgEntity entity, List<SqlStatement> declaring) {
		statements.put(entity, List.copyOf(declaring));
	}

	/**
	 * Where a character of one of an entity's statements, as sent to PostgreSQL, stands in the
	 * text the entity was read from.
	 * @param entity the entity
	 * @param statement the statement sent: the entity's {@code CREATE} statement or one of its
	 * index statements
	 * @param offset a 0-based offset in {@code statement}; at or past its end for the end of input
	 * @return the line and its text, or {@code null} when the entity was not read from SQL text
	 */
	static @Nullable Line locate(PgEntity entity, String statement, int offset) {
		List<SqlStatement> declaring = statements.get(entity);
		if (declaring == null || declaring.isEmpty()) {
			return null;
		}
		SqlStatement source = declaring.get(0);
		int best = -1;
		for (SqlStatement candidate : declaring) {
			int inCommon = candidate.tokensInCommon(statement);
			if (inCommon > best) {
				source = candidate;
				best = inCommon;
			}
		}
		return Line.at(source.sql(), source.sourceOffset(statement, offset));
	}

	/**
	 * A line of a text.
	 *
	 * @param number the 1-based line number
	 * @param text the line, without its line break
	 */
	record Line(int number, String text) {

		/**
		 * The line a character is on.
		 * @param text the whole text
		 * @param offset the character's 0-based offset; the end of the text counts as its last line
		 * @return the line
		 */
		static Line at(String text, int offset) {
			int at = Math.max(0, Math.min(offset, text.length()));
			int start = text.lastIndexOf('\n', at - 1) + 1;
			int end = text.indexOf('\n', at);
			if (at == text.length() && at > 0 && text.charAt(at - 1) == '\n') {
				// the end of a text that ends with a line break is the end of its last line
				start = text.lastIndexOf('\n', at - 2) + 1;
				end = at - 1;
			}
			int number = 1;
			for (int i = 0; i < start; i++) {
				if (text.charAt(i) == '\n') {
					number++;
				}
			}
			return new Line(number, text.substring(start, (end < 0) ? text.length() : end).stripTrailing());
		}

	}

}
