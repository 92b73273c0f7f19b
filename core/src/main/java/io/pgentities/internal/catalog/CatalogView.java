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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pgentities.EntityKind;
import io.pgentities.PgEntity;
import io.pgentities.PgMaterializedView;
import io.pgentities.internal.sql.IndexStatements;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A view or materialized view as the catalog describes it.
 *
 * @param oid the OID
 * @param kind {@code VIEW} or {@code MATERIALIZED_VIEW}
 * @param schema the schema
 * @param name the name
 * @param query {@code pg_get_viewdef(oid, true)}, without the trailing semicolon
 * @param options the storage options ({@code reloptions}), comma-separated
 * @param columns each column's quoted name and type, in order
 * @param indexes {@code pg_get_indexdef} of each index, sorted by code point (not by the database's
 * collation, so that both sides of a comparison sort alike)
 * @param populated whether a materialized view holds data
 * @param columnComments each commented column as {@code name IS 'comment'}
 * @param columnAcl each column privilege as the quoted column name, a tab, and the {@code aclitem}
 * @param comment the comment
 * @param owner the owner
 * @param acl the access privileges, {@code aclitem} text
 */
public record CatalogView(long oid, EntityKind kind, String schema, String name, String query, String options,
		List<String> columns, List<String> indexes, boolean populated, List<String> columnComments,
		List<String> columnAcl, @Nullable String comment, String owner, List<String> acl) implements CatalogEntity {

	public CatalogView {
		indexes = indexes.stream().sorted().toList();
	}

	@Override
	public String identity() {
		return Identifiers.qualify(this.schema, this.name);
	}

	@Override
	public String canonicalDefinition() {
		StringBuilder definition = new StringBuilder(head("CREATE "));
		for (String index : this.indexes) {
			definition.append(";\n").append(index);
		}
		return definition.toString();
	}

	/**
	 * Gives an index the declaration left unnamed the name of the live index with the same
	 * definition, if the live view has one that no declared index names.
	 */
	@Override
	public CatalogView withImplicitNamesOf(CatalogEntity live, PgEntity declared) {
		if (!(live instanceof CatalogView existing) || !(declared instanceof PgMaterializedView view)) {
			return this;
		}
		Set<String> named = declaredIndexNames(view);
		List<String> candidates = new ArrayList<>(existing.indexes());
		candidates.removeIf((index) -> this.indexes.contains(index) || named.contains(indexName(index)));
		List<String> indexes = new ArrayList<>();
		for (String index : this.indexes) {
			String adopted = null;
			if (!named.contains(indexName(index)) && !existing.indexes().contains(index)) {
				String definition = IndexStatements.withoutName(index);
				adopted = candidates.stream()
					.filter((candidate) -> IndexStatements.withoutName(candidate).equals(definition))
					.findFirst()
					.orElse(null);
				candidates.remove(adopted);
			}
			indexes.add((adopted != null) ? adopted : index);
		}
		return new CatalogView(this.oid, this.kind, this.schema, this.name, this.query, this.options, this.columns,
				indexes, this.populated, this.columnComments, this.columnAcl, this.comment, this.owner, this.acl);
	}

	private static String indexName(String index) {
		return IndexStatements.name(index).orElseThrow();
	}

	private static Set<String> declaredIndexNames(PgMaterializedView view) {
		Set<String> named = new HashSet<>();
		view.indexes().forEach((index) -> IndexStatements.name(index).ifPresent(named::add));
		return named;
	}

	/**
	 * The statement that creates one of its indexes as declared: an index the declaration
	 * left unnamed is created unnamed, so that PostgreSQL chooses its name in the schema it is
	 * created in, which may hold names the simulation's scratch schema did not.
	 * @param index one of {@link #indexes()}
	 * @param declared the declaration, or {@code null} to create the index as it is named
	 * @return the {@code CREATE INDEX} statement
	 */
	public String indexStatement(String index, @Nullable PgEntity declared) {
		boolean unnamed = declared instanceof PgMaterializedView view
				&& !declaredIndexNames(view).contains(indexName(index));
		return unnamed ? IndexStatements.withoutName(index) : index;
	}

	@Override
	public List<String> createStatements() {
		return createStatements(false);
	}

	/**
	 * Creates a materialized view populated as declared (as it was, without a declaration);
	 * populating runs its query, which the first statement says.
	 */
	@Override
	public List<String> createStatements(@Nullable PgEntity declared) {
		if (this.kind != EntityKind.MATERIALIZED_VIEW) {
			return createStatements(false, declared);
		}
		boolean withData = createRunsQuery(declared);
		List<String> created = new ArrayList<>(createStatements(withData, declared));
		if (withData) {
			created.set(0, "-- " + identity() + " is created WITH DATA: its query runs now\n" + created.get(0));
		}
		return created;
	}

	/**
	 * Whether a materialized view is created populated: as declared, or as it was.
	 */
	@Override
	public boolean createRunsQuery(@Nullable PgEntity declared) {
		return this.kind == EntityKind.MATERIALIZED_VIEW
				&& ((declared instanceof PgMaterializedView view) ? view.withData() : this.populated);
	}

	@Override
	public String relation() {
		return identity();
	}

	/**
	 * Whether the security options differ: {@code security_barrier} and
	 * {@code security_invoker} decide whose row-level security and which leaky functions
	 * apply when the view is read. A new view changes nobody's access to what exists.
	 */
	@Override
	public boolean accessDiffersFrom(@Nullable CatalogEntity other) {
		return other instanceof CatalogView view
				&& !securityOptions(this.options).equals(securityOptions(view.options));
	}

	private static List<String> securityOptions(String options) {
		return Arrays.stream(options.split(",\\s*")).filter((option) -> option.startsWith("security_")).sorted().toList();
	}

	@Override
	public Change changeFrom(CatalogEntity current, @Nullable PgEntity declared) {
		if (current instanceof CatalogView existing) {
			if (existing.replaceableBy(this)) {
				return new Change.InPlace("CREATE OR REPLACE VIEW", List.of(replaceStatement()));
			}
			if (this.kind == EntityKind.MATERIALIZED_VIEW && existing.kind == this.kind
					&& this.query.equals(existing.query) && this.options.equals(existing.options)) {
				return indexChangesFrom(existing, declared);
			}
		}
		return new Change.Recreate((this.kind == EntityKind.VIEW) ? "CREATE OR REPLACE VIEW can only append columns"
				: "a materialized view cannot be replaced in place");
	}

	private Change.InPlace indexChangesFrom(CatalogView existing, @Nullable PgEntity declared) {
		List<String> statements = new ArrayList<>();
		List<Operation> operations = new ArrayList<>();
		for (String index : existing.indexes) {
			if (!this.indexes.contains(index)) {
				statements.add("DROP INDEX " + Identifiers.qualify(existing.schema, indexName(index)));
				operations.add(Operation.DROP_INDEX);
			}
		}
		for (String index : this.indexes) {
			if (!existing.indexes.contains(index)) {
				statements.add(indexStatement(index, declared));
				operations.add(Operation.CREATE_INDEX);
			}
		}
		return new Change.InPlace("change indexes", statements, operations);
	}

	@Override
	public Access access() {
		return new Access(this.owner, this.acl, "TABLE " + identity(), false);
	}

	/**
	 * The statements that create this view; for a materialized view, also its indexes.
	 * @param withData whether a materialized view is populated when created
	 * @return the statements, in order
	 */
	public List<String> createStatements(boolean withData) {
		return createStatements(withData, null);
	}

	/**
	 * The statements that create this view; for a materialized view, also its indexes, each
	 * as {@link #indexStatement(String, PgEntity)} creates it.
	 * @param withData whether a materialized view is populated when created
	 * @param declared the declaration, or {@code null} to create the indexes as they are named
	 * @return the statements, in order
	 */
	public List<String> createStatements(boolean withData, @Nullable PgEntity declared) {
		List<String> statements = new ArrayList<>();
		statements.add(head("CREATE ") + ((this.kind == EntityKind.MATERIALIZED_VIEW)
				? (withData ? "\nWITH DATA" : "\nWITH NO DATA") : ""));
		this.indexes.forEach((index) -> statements.add(indexStatement(index, declared)));
		return statements;
	}

	@Override
	public List<String> declarationStatements() {
		List<String> statements = new ArrayList<>(createStatements(this.populated));
		if (this.comment != null) {
			statements.add(commentStatement(this.comment));
		}
		return statements;
	}

	/**
	 * The statement that replaces this (plain) view's query in place.
	 * @return {@code CREATE OR REPLACE VIEW ...}
	 */
	public String replaceStatement() {
		return head("CREATE OR REPLACE ");
	}

	/**
	 * Whether {@code CREATE OR REPLACE VIEW} can turn this view into another: only plain
	 * views, and only when the other's columns extend this one's (same names and types first).
	 * @param other the view to become
	 * @return whether it can be replaced in place
	 */
	public boolean replaceableBy(CatalogView other) {
		return this.kind == EntityKind.VIEW && other.kind == EntityKind.VIEW
				&& other.columns.size() >= this.columns.size()
				&& other.columns.subList(0, this.columns.size()).equals(this.columns);
	}

	private String head(String create) {
		StringBuilder head = new StringBuilder(create).append(this.kind.sqlName()).append(' ').append(identity());
		if (!this.options.isEmpty()) {
			head.append(" WITH (").append(this.options).append(')');
		}
		return head.append(" AS\n").append(this.query).toString();
	}

	/**
	 * The quoted names of the columns, in order.
	 * @return the column names
	 */
	@Override
	public List<String> columnNames() {
		return this.columns.stream().map(CatalogView::columnName).toList();
	}

	private static String columnName(String column) {
		if (!column.startsWith("\"")) {
			return column.substring(0, column.indexOf(' '));
		}
		int end = 1;
		while (end < column.length()) {
			if (column.charAt(end) == '"' && (end + 1 == column.length() || column.charAt(end + 1) != '"')) {
				break;
			}
			end += (column.charAt(end) == '"') ? 2 : 1;
		}
		return column.substring(0, end + 1);
	}

}
