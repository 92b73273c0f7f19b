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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of a catalog query, read through a {@link NameMapping} so that scratch schema
 * names never leave the catalog layer.
 */
final class CatalogRow {

	private final ResultSet resultSet;

	private final NameMapping mapping;

	CatalogRow(ResultSet resultSet, NameMapping mapping) {
		this.resultSet = resultSet;
		this.mapping = mapping;
	}

	long oid() throws SQLException {
		return longValue("oid");
	}

	long longValue(String column) throws SQLException {
		return this.resultSet.getLong(column);
	}

	String schema() throws SQLException {
		return this.mapping.schema(this.resultSet.getString("schema"));
	}

	String text(String column) throws SQLException {
		String value = nullableText(column);
		if (value == null) {
			throw new IllegalStateException("Catalog column " + column + " is null");
		}
		return value;
	}

	@Nullable String nullableText(String column) throws SQLException {
		String value = this.resultSet.getString(column);
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
	@Nullable String verbatim(String column) throws SQLException {
		return this.resultSet.getString(column);
	}

	boolean bool(String column) throws SQLException {
		return this.resultSet.getBoolean(column);
	}

	List<String> verbatimList(String column) throws SQLException {
		return list(column, NameMapping.identity());
	}

	List<String> textList(String column) throws SQLException {
		return list(column, this.mapping);
	}

	private List<String> list(String column, NameMapping mapping) throws SQLException {
		Array array = this.resultSet.getArray(column);
		List<String> values = new ArrayList<>();
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				values.add(mapping.text(String.valueOf(value)));
			}
		}
		return List.copyOf(values);
	}

}
