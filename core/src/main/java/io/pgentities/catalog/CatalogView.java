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
package io.pgentities.catalog;

import java.util.ArrayList;
import java.util.List;

import io.pgentities.EntityKind;
import io.pgentities.sql.Identifiers;
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
 * @param indexes {@code pg_get_indexdef} of each index, sorted
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

	@Override
	public List<String> createStatements() {
		return createStatements(false);
	}

	/**
	 * The statements that create this view; for a materialized view, also its indexes.
	 * @param withData whether a materialized view is populated when created
	 * @return the statements, in order
	 */
	public List<String> createStatements(boolean withData) {
		List<String> statements = new ArrayList<>();
		statements.add(head("CREATE ") + ((this.kind == EntityKind.MATERIALIZED_VIEW)
				? (withData ? "\nWITH DATA" : "\nWITH NO DATA") : ""));
		statements.addAll(this.indexes);
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

	@Override
	public String designation() {
		return this.kind.sqlName() + " " + identity();
	}

}
