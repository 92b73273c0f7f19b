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

import org.jspecify.annotations.Nullable;

/**
 * Checks and rewrites the {@code CREATE INDEX} statements declared with a materialized view.
 * An index may be left unnamed, as PostgreSQL allows: it then gets the name PostgreSQL
 * chooses ({@code <view>_<column>_idx}).
 */
public final class IndexStatements {

	private IndexStatements() {
	}

	/**
	 * Checks that a statement creates an index on the given relation.
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
		if (!on.name().schemaOr(schema).equals(schema) || !on.name().name().equals(relation)) {
			throw new IllegalArgumentException("Index '" + statement + "' is not on " + Identifiers.qualify(schema, relation));
		}
	}

	/**
	 * The name a {@code CREATE INDEX} statement gives its index.
	 * @param statement the statement
	 * @return the name, or empty when the statement leaves it to PostgreSQL
	 */
	public static Optional<String> name(String statement) {
		Token name = nameToken(SqlLexer.meaningfulTokens(statement));
		return (name != null) ? Optional.of(name.identifier()) : Optional.empty();
	}

	/**
	 * The statement without the index's name: what two indexes that differ only in their
	 * names have in common.
	 * @param statement a {@code CREATE INDEX} statement
	 * @return the statement with its name left out
	 */
	public static String withoutName(String statement) {
		Token name = nameToken(SqlLexer.meaningfulTokens(statement));
		if (name == null) {
			return statement;
		}
		int start = name.offset();
		while (start > 0 && Character.isWhitespace(statement.charAt(start - 1))) {
			start--;
		}
		return statement.substring(0, start) + statement.substring(name.end());
	}

	/**
	 * The token naming the index: after {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT
	 * EXISTS]}, unless {@code ON} comes first.
	 */
	private static @Nullable Token nameToken(List<Token> tokens) {
		int i = 1;
		if (i < tokens.size() && tokens.get(i).isWord("unique")) {
			i++;
		}
		i++;
		if (i < tokens.size() && tokens.get(i).isWord("concurrently")) {
			i++;
		}
		if (i + 2 < tokens.size() && tokens.get(i).isWord("if") && tokens.get(i + 1).isWord("not")
				&& tokens.get(i + 2).isWord("exists")) {
			i += 3;
		}
		if (i >= tokens.size() || tokens.get(i).isWord("on") || !tokens.get(i).isIdentifier()) {
			return null;
		}
		return tokens.get(i);
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
