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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.OnClause;
import org.jspecify.annotations.Nullable;

/**
 * A declared row-level-security policy, identified by schema, table and name.
 *
 * @param schema the schema of the policy's table
 * @param table the table the policy is on
 * @param name the policy's name
 * @param definition everything after {@code ON table}, e.g.
 * {@code AS PERMISSIVE FOR SELECT TO PUBLIC USING (owner = current_user)}
 * @param comment the comment to set, or {@code null}
 * @param source where the policy was declared
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgPolicy(String schema, String table, String name, String definition, @Nullable String comment,
		String source, Set<String> allowedLintRules) implements PgEntity {

	public PgPolicy {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(table, "table must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(definition, "definition must not be null");
		Objects.requireNonNull(source, "source must not be null");
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity with no lint rule silenced.
	 */
	public PgPolicy(String schema, String table, String name, String definition, @Nullable String comment,
			String source) {
		this(schema, table, name, definition, comment, source, Set.of());
	}

	/**
	 * Declares a policy the way alembic_utils does.
	 * @param schema the schema of the table, as a plain name
	 * @param name the policy's name, as a plain name
	 * @param onTable the table, as a plain name or {@code schema.table}
	 * @param definition the clauses after {@code ON table} ({@code AS}, {@code FOR}, {@code TO},
	 * {@code USING}, {@code WITH CHECK}); a leading {@code ON table} is accepted and dropped
	 * @return the policy
	 */
	public static PgPolicy of(String schema, String name, String onTable, String definition) {
		String clauses = definition.strip();
		if (clauses.regionMatches(true, 0, "on", 0, 2)) {
			OnClause on = OnClause.find(clauses).orElseThrow();
			clauses = clauses.substring(on.end()).strip();
		}
		return new PgPolicy(schema, PgTrigger.tableName(schema, onTable), name, clauses, null,
				"PgPolicy.of(" + name + ")");
	}

	@Override
	public EntityKind kind() {
		return EntityKind.POLICY;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.table, this.name);
	}

	@Override
	public String createStatement() {
		return "CREATE POLICY " + Identifiers.quote(this.name) + " ON " + Identifiers.qualify(this.schema, this.table)
				+ (this.definition.isEmpty() ? "" : " " + this.definition);
	}

	@Override
	public PgPolicy withSource(String source) {
		return new PgPolicy(this.schema, this.table, this.name, this.definition, this.comment, source,
				this.allowedLintRules);
	}

	@Override
	public PgPolicy withComment(@Nullable String comment) {
		return new PgPolicy(this.schema, this.table, this.name, this.definition, comment, this.source,
				this.allowedLintRules);
	}

	@Override
	public PgPolicy allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgPolicy(this.schema, this.table, this.name, this.definition, this.comment, this.source, allowed);
	}

}
