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

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.IndexStatements;
import org.jspecify.annotations.Nullable;

/**
 * A declared PostgreSQL materialized view with its indexes, identified by schema and name.
 *
 * @param schema the schema
 * @param name the materialized view's name
 * @param clauses what stands between the name and {@code AS}: a column list, {@code USING},
 * {@code WITH (...)}, {@code TABLESPACE}; empty when none
 * @param query the query, without the trailing {@code WITH [NO] DATA}
 * @param withData whether creating it populates it ({@code WITH DATA}) or leaves it unscannable until refreshed
 * @param indexes the {@code CREATE [UNIQUE] INDEX [name] ON ...} statements of its indexes; an index
 * without a name gets the one PostgreSQL chooses
 * @param comment the comment to set, or {@code null}
 * @param source where the materialized view was declared
 * @param access the owner and privileges it declares
 * @param allowedLintRules the ids of the lint rules silenced for this entity
 */
public record PgMaterializedView(String schema, String name, String clauses, String query, boolean withData,
		List<String> indexes, @Nullable String comment, String source, PgAccess access,
				Set<String> allowedLintRules) implements PgEntity {

	public PgMaterializedView {
		Objects.requireNonNull(schema, "schema must not be null");
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(clauses, "clauses must not be null");
		Objects.requireNonNull(query, "query must not be null");
		Objects.requireNonNull(source, "source must not be null");
		indexes = List.copyOf(indexes);
		Objects.requireNonNull(access, "access must not be null");
		allowedLintRules = LintRule.validIds(allowedLintRules);
	}

	/**
	 * Creates the entity with no owner or privileges declared and no lint rule silenced.
	 */
	public PgMaterializedView(String schema, String name, String clauses, String query, boolean withData,
			List<String> indexes, @Nullable String comment, String source) {
		this(schema, name, clauses, query, withData, indexes, comment, source, PgAccess.UNDECLARED, Set.of());
	}

	/**
	 * Declares a materialized view that is populated when created, with no indexes.
	 * @param schema the schema, as a plain name (quoted where needed, never interpreted)
	 * @param name the materialized view's name, as a plain name
	 * @param query its query
	 * @return the materialized view
	 */
	public static PgMaterializedView of(String schema, String name, String query) {
		return new PgMaterializedView(schema, name, "", query.strip(), true, List.of(), null,
				"PgMaterializedView.of(" + name + ")");
	}

	/**
	 * A copy that is created {@code WITH DATA} or {@code WITH NO DATA}.
	 * @param withData whether creating it populates it
	 * @return the copy
	 */
	public PgMaterializedView withData(boolean withData) {
		return new PgMaterializedView(this.schema, this.name, this.clauses, this.query, withData, this.indexes,
				this.comment, this.source, this.access, this.allowedLintRules);
	}

	/**
	 * A copy with one more index.
	 * @param createIndexStatement {@code CREATE [UNIQUE] INDEX [name] ON view_name [USING method] (...)}; the
	 * view's name may be unqualified; without a name, the index is compared and created under the
	 * name PostgreSQL gives it, or matches a live index of the same definition whatever its name
	 * @return the copy
	 */
	public PgMaterializedView withIndex(String createIndexStatement) {
		IndexStatements.requireIndexOn(createIndexStatement, this.schema, this.name);
		List<String> all = new ArrayList<>(this.indexes);
		all.add(createIndexStatement.strip());
		return new PgMaterializedView(this.schema, this.name, this.clauses, this.query, this.withData, all,
				this.comment, this.source, this.access, this.allowedLintRules);
	}

	/**
	 * A copy with clauses between the name and {@code AS}.
	 * @param clauses the clauses
	 * @return the copy
	 */
	public PgMaterializedView withClauses(String clauses) {
		return new PgMaterializedView(this.schema, this.name, clauses.strip(), this.query, this.withData,
				this.indexes, this.comment, this.source, this.access, this.allowedLintRules);
	}

	@Override
	public EntityKind kind() {
		return EntityKind.MATERIALIZED_VIEW;
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name);
	}

	@Override
	public String createStatement() {
		return "CREATE MATERIALIZED VIEW " + identity() + (this.clauses.isEmpty() ? "" : " " + this.clauses) + " AS "
				+ this.query + (this.withData ? "\nWITH DATA" : "\nWITH NO DATA");
	}

	/**
	 * The index statements with the materialized view's name schema-qualified.
	 * @return one {@code CREATE INDEX} per declared index
	 */
	public List<String> createIndexStatements() {
		return this.indexes.stream()
			.map((index) -> IndexStatements.qualifyTarget(index, this.schema, this.name))
			.toList();
	}

	@Override
	public PgMaterializedView withSource(String source) {
		return new PgMaterializedView(this.schema, this.name, this.clauses, this.query, this.withData, this.indexes,
				this.comment, source, this.access, this.allowedLintRules);
	}

	@Override
	public PgMaterializedView withComment(@Nullable String comment) {
		return new PgMaterializedView(this.schema, this.name, this.clauses, this.query, this.withData, this.indexes,
				comment, this.source, this.access, this.allowedLintRules);
	}

	@Override
	public PgMaterializedView allowing(String... rules) {
		Set<String> allowed = new LinkedHashSet<>(this.allowedLintRules);
		allowed.addAll(List.of(rules));
		return new PgMaterializedView(this.schema, this.name, this.clauses, this.query, this.withData, this.indexes, this.comment, this.source, this.access, allowed);
	}

	@Override
	public PgMaterializedView withAccess(PgAccess access) {
		return new PgMaterializedView(this.schema, this.name, this.clauses, this.query, this.withData, this.indexes,
				this.comment, this.source, access, this.allowedLintRules);
	}

}
