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
 * Checks and rewrites the {@code CREATE INDEX} statements declared with a materialized view.
 */
public final class IndexStatements {

	private IndexStatements() {
	}

	/**
	 * Checks that a statement creates a named index on the given relation.
	 * @param statement the statement
	 * @param schema the relation's schema (unqualified names belong to it)
	 * @param relation the relation's name
	 * @throws IllegalArgumentException if it does not
	 */
	public static void requireIndexOn(String statement, String schema, String relation) {
		List<Token> tokens = SqlLexer.meaningfulTokens(statement);
		int i = 0;
		boolean create = i < tokens.size() && tokens.get(i++).isWord("create");
		if (i < tokens.size() && tokens.get(i).isWord("unique")) {
			i++;
		}
		boolean index = create && i < tokens.size() && tokens.get(i).isWord("index");
		if (!index) {
			throw new IllegalArgumentException("Not a CREATE [UNIQUE] INDEX statement: '" + statement + "'");
		}
		for (Token token : tokens) {
			if (token.isWord("concurrently")) {
				throw new IllegalArgumentException(
						"CREATE INDEX CONCURRENTLY cannot run in the transaction of a plan: '" + statement + "'");
			}
		}
		OnClause on = OnClause.find(statement)
			.orElseThrow(() -> new IllegalArgumentException("CREATE INDEX without ON: '" + statement + "'"));
		if (i + 1 < tokens.size() && tokens.get(i + 1).isWord("on")) {
			throw new IllegalArgumentException("An index of a materialized view must be named: '" + statement + "'");
		}
		if (!on.name().schemaOr(schema).equals(schema) || !on.name().name().equals(relation)) {
			throw new IllegalArgumentException("Index '" + statement + "' is not on " + Identifiers.qualify(schema, relation));
		}
	}

	/**
	 * Rewrites an index statement so that its relation is schema-qualified.
	 * @param statement the statement
	 * @param schema the relation's schema
	 * @param relation the relation's name
	 * @return the statement with {@code ON schema.relation}
	 */
	public static String qualifyTarget(String statement, String schema, String relation) {
		OnClause on = OnClause.find(statement)
			.orElseThrow(() -> new IllegalArgumentException("CREATE INDEX without ON: '" + statement + "'"));
		return on.replaceIn(statement, Identifiers.qualify(schema, relation));
	}

}
