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

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of a catalog query, read through a {@link NameMapping} so that scratch schema
 * names never leave the catalog layer. The row's values are captured once, so that the same
 * row can be read through several mappings (one simulated template, many tenant schemas).
 */
final class CatalogRow {

	private final Map<String, @Nullable Object> values;

	private final NameMapping mapping;

	CatalogRow(Map<String, @Nullable Object> values, NameMapping mapping) {
		this.values = values;
		this.mapping = mapping;
	}

	/**
	 * The values of the result set's current row, by column label: arrays as lists of their
	 * elements' text, booleans as booleans, everything else as PostgreSQL's text.
	 */
	static Map<String, @Nullable Object> capture(ResultSet resultSet) throws SQLException {
		ResultSetMetaData metaData = resultSet.getMetaData();
		Map<String, @Nullable Object> values = new HashMap<>();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			values.put(metaData.getColumnLabel(i), switch (metaData.getColumnType(i)) {
				case Types.ARRAY -> elements(resultSet.getArray(i));
				case Types.BOOLEAN, Types.BIT -> resultSet.getBoolean(i);
				default -> resultSet.getString(i);
			});
		}
		return values;
	}

	private static @Nullable List<String> elements(@Nullable Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		List<String> elements = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			elements.add(String.valueOf(value));
		}
		return elements;
	}

	long oid() throws SQLException {
		return longValue("oid");
	}

	long longValue(String column) throws SQLException {
		String value = verbatim(column);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	String schema() throws SQLException {
		return this.mapping.schema(text("schema", NameMapping.identity()));
	}

	String text(String column) throws SQLException {
		return text(column, this.mapping);
	}

	private String text(String column, NameMapping mapping) {
		String value = verbatim(column);
		if (value == null) {
			throw new IllegalStateException("Catalog column " + column + " is null");
		}
		return mapping.text(value);
	}

	@Nullable String nullableText(String column) throws SQLException {
		String value = verbatim(column);
		return (value != null) ? this.mapping.text(value) : null;
	}

	/**
	 * The name of an object whose name is unique in the database, which a simulation gives a
	 * scratch name of its own.
	 */
	String name(String column) throws SQLException {
		return this.mapping.name(text(column));
	}

	/**
	 * A column PostgreSQL keeps verbatim (a comment): never mapped.
	 */
	@Nullable String verbatim(String column) {
		return (String) value(column);
	}

	boolean bool(String column) throws SQLException {
		return Boolean.TRUE.equals(value(column));
	}

	List<String> verbatimList(String column) throws SQLException {
		return list(column, NameMapping.identity());
	}

	List<String> textList(String column) throws SQLException {
		return list(column, this.mapping);
	}

	@SuppressWarnings("unchecked")
	private List<String> list(String column, NameMapping mapping) {
		List<String> elements = (List<String>) value(column);
		List<String> values = new ArrayList<>();
		if (elements != null) {
			for (String element : elements) {
				values.add(mapping.text(element));
			}
		}
		return List.copyOf(values);
	}

	private @Nullable Object value(String column) {
		if (!this.values.containsKey(column)) {
			throw new IllegalStateException("Catalog query has no column " + column);
		}
		return this.values.get(column);
	}

}
