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
import org.jspecify.annotations.Nullable;

/**
 * A declared PostgreSQL view, identified by schema and name.
 *
 * @param schema the schema
 * @param name the view's name
 * @param clauses what stands between the name and {@code AS}: a column list and/or
 * {@code WITH (security_barrier)}; empty when none
 * @param query the view's query, including a trailing {@code WITH CHECK OPTION} if any
 * @param comment the comment to set, or {@code null}
 * @param source where the view was declared
 * @param access the owner and privileges it declares
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgView(String schema, String name, String clauses, String query, @Nullable String comment,
		String source, PgAccess access, Set<String> allowedLintRules) implements PgEntity {

	public PgView {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(clauses, "clauses must not be null");
		Objects.requireNonNull(query, "query must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(access, "access must not be null");
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity with no owner or privileges declared and no lint rule silenced.
	 */
	public PgView(String schema, String name, String clauses, String query, @Nullable String comment, String source) {
		this(schema, name, clauses, query, comment, source, PgAccess.UNDECLARED, Set.of());
	}

	/**
	 * Declares a view.
	 * @param schema the schema, as a plain name (quoted where needed, never interpreted)
	 * @param name the view's name, as a plain name
	 * @param query the {@code SELECT} (or {@code VALUES}, {@code WITH ...}) the view stands for
	 * @return the view
	 */
	public static PgView of(String schema, String name, String query) {
		return new PgView(schema, name, "", query.strip(), null, "PgView.of(" + name + ")");
	}

	/**
	 * A copy with clauses between the name and {@code AS}, such as {@code WITH (security_barrier)}.
	 * @param clauses the clauses
	 * @return the copy
	 */
	public PgView withClauses(String clauses) {
		return new PgView(this.schema, this.name, clauses.strip(), this.query, this.comment, this.source,
				this.access, this.allowedLintRules);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.VIEW;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name);
	}

	@Override
	public String createStatement() {
		return "CREATE VIEW " + identity() + (this.clauses.isEmpty() ? "" : " " + this.clauses) + " AS " + this.query;
	}

	@Override
	public PgView withSource(String source) {
		return new PgView(this.schema, this.name, this.clauses, this.query, this.comment, source,
				this.access, this.allowedLintRules);
	}

	@Override
	public PgView withComment(@Nullable String comment) {
		return new PgView(this.schema, this.name, this.clauses, this.query, comment, this.source,
				this.access, this.allowedLintRules);
	}

	@Override
	public PgView allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgView(this.schema, this.name, this.clauses, this.query, this.comment, this.source, this.access, allowed);
	}

	@Override
	public PgView withAccess(PgAccess access) {
		return new PgView(this.schema, this.name, this.clauses, this.query, this.comment, this.source, access,
				this.allowedLintRules);
	}

}
