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
package io.pgentities.internal.catalog;

import java.util.List;
import java.util.Objects;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.SqlLexer;
import io.pgentities.internal.sql.SqlSyntaxException;
import io.pgentities.internal.sql.Token;
import io.pgentities.internal.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * A function or procedure as the catalog describes it.
 *
 * @param oid the OID
 * @param kind {@code FUNCTION} or {@code PROCEDURE}
 * @param schema the schema
 * @param name the name
 * @param identityArguments the identifying argument types, {@code format_type} spelling
 * @param definition {@code pg_get_functiondef}
 * @param arguments {@code pg_get_function_arguments}: names, types, modes and defaults
 * @param resultType {@code pg_get_function_result}, {@code null} for procedures
 * @param argumentNames the argument names, comma-separated
 * @param language the language
 * @param body {@code prosrc}: the body as written
 * @param comment the comment
 * @param owner the owner
 * @param acl the access privileges, {@code aclitem} text
 * @param securityDefiner whether it runs with its owner's privileges ({@code SECURITY DEFINER})
 */
public record CatalogRoutine(long oid, EntityKind kind, String schema, String name, String identityArguments,
		String definition, String arguments, @Nullable String resultType, String argumentNames, String language, String body,
		@Nullable String comment, String owner, List<String> acl, boolean securityDefiner) implements CatalogEntity {

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name) + "(" + this.identityArguments + ")";
	}

	@Override
	public String canonicalDefinition() {
		return this.definition.strip();
	}

	/**
	 * The definition with the body reduced to its tokens: PostgreSQL stores bodies verbatim,
	 * so whitespace, comments and keyword case in them are not differences.
	 */
	@Override
	public String comparisonKey() {
		String canonical = canonicalDefinition();
		if (this.body.isBlank() || !canonical.contains(this.body)) {
			return canonical;
		}
		return canonical.replace(this.body, tokensOf(this.body));
	}

	/**
	 * The key depends on the definition and the body only: where both are equal, so are the
	 * keys, and the bodies need not be tokenized.
	 */
	@Override
	public boolean sharesComparisonKeyWith(CatalogEntity other) {
		if (other instanceof CatalogRoutine routine && this.definition.equals(routine.definition)
				&& this.body.equals(routine.body)) {
			return true;
		}
		return CatalogEntity.super.sharesComparisonKeyWith(other);
	}

	private static String tokensOf(String body) {
		try {
			StringBuilder tokens = new StringBuilder();
			for (Token token : SqlLexer.meaningfulTokens(body)) {
				tokens.append((token.type() == TokenType.WORD) ? token.identifier() : token.text()).append(' ');
			}
			return tokens.toString().strip();
		}
		catch (SqlSyntaxException ex) {
			return body;
		}
	}

	/**
	 * Whether {@code CREATE OR REPLACE} can turn this routine into another: PostgreSQL refuses
	 * to change the result type, argument names or defaults that way.
	 * @param other the routine to become
	 * @return whether it can be replaced in place
	 */
	@Override
	public Change changeFrom(CatalogEntity current, @Nullable PgEntity declared) {
		if (current instanceof CatalogRoutine existing && existing.replaceableBy(this)) {
			return new Change.InPlace("CREATE OR REPLACE", List.of(canonicalDefinition()));
		}
		return new Change.Recreate("CREATE OR REPLACE cannot change the result type, argument names or defaults");
	}

	/**
	 * Whether one of the two runs with its owner's privileges and the other not; a new
	 * {@code SECURITY DEFINER} routine lets its callers act as its owner.
	 */
	@Override
	public boolean accessDiffersFrom(@Nullable CatalogEntity other) {
		return (other instanceof CatalogRoutine routine) ? routine.securityDefiner != this.securityDefiner
				: this.securityDefiner;
	}

	@Override
	public Access access() {
		return new Access(this.owner, this.acl, designation(), true);
	}

	public boolean replaceableBy(CatalogRoutine other) {
		return this.kind == other.kind && Objects.equals(this.resultType, other.resultType)
				&& this.argumentNames.equals(other.argumentNames) && this.arguments.equals(other.arguments);
	}

}
