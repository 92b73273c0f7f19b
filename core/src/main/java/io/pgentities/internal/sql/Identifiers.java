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

import java.util.Set;

/**
 * Quotes identifiers the way PostgreSQL's {@code quote_ident} does, so that generated SQL
 * never depends on case folding or keywords.
 */
public final class Identifiers {

	// PostgreSQL's reserved, column-name and type-or-function-name keywords: an identifier
	// spelled like one of them must be quoted.
	private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
			"current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
			"default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
			"foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral",
			"leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order",
			"placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric",
			"system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
			"when", "where", "window", "with", "authorization", "binary", "collation", "concurrently", "cross",
			"current_schema", "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural",
			"notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose", "between", "bigint", "bit",
			"boolean", "char", "character", "coalesce", "dec", "decimal", "exists", "extract", "float", "greatest",
			"grouping", "inout", "int", "integer", "interval", "json", "json_array", "json_arrayagg", "json_exists",
			"json_object", "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table",
			"json_value", "least", "merge_action", "national", "nchar", "none", "normalize", "nullif", "numeric",
			"out", "overlay", "position", "precision", "real", "row", "setof", "smallint", "substring", "time",
			"timestamp", "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement",
			"xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

	private Identifiers() {
	}

	/**
	 * Quotes an identifier if PostgreSQL would need quotes to read it back unchanged.
	 * @param identifier the identifier's value (already case-folded)
	 * @return the identifier as SQL text
	 */
	public static String quote(String identifier) {
		if (isSimple(identifier) && !KEYWORDS.contains(identifier)) {
			return identifier;
		}
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/**
	 * Whether an identifier matches {@code [a-z_][a-z0-9_$]*}, tested by hand: every check
	 * quotes the identity of every entity several times, and a regular expression made that a
	 * measurable part of a check that reads only the catalog.
	 */
	private static boolean isSimple(String identifier) {
		if (identifier.isEmpty()) {
			return false;
		}
		for (int i = 0; i < identifier.length(); i++) {
			char c = identifier.charAt(i);
			boolean letter = (c >= 'a' && c <= 'z') || c == '_';
			if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '$'))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Renders a schema-qualified name.
	 * @param schema the schema
	 * @param name the object's name
	 * @return {@code schema.name}, each part quoted as needed
	 */
	public static String qualify(String schema, String name) {
		return quote(schema) + "." + quote(name);
	}

	/**
	 * Renders the identity of an object that belongs to a table (a trigger, a policy).
	 * @param schema the table's schema
	 * @param table the table
	 * @param name the object's name
	 * @return {@code schema.table.name}, each part quoted as needed
	 */
	public static String qualify(String schema, String table, String name) {
		return qualify(schema, table) + "." + quote(name);
	}

	/**
	 * Renders a string constant.
	 * @param value the value
	 * @return the value in single quotes, embedded quotes doubled
	 */
	public static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
