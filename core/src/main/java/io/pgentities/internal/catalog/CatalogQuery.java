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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One catalog query, loaded once from its {@code .sql} resource beside this class, taking the
 * schemas to read as its only parameter.
 *
 * @param <T> what a row becomes
 */
final class CatalogQuery<T> {

	private final String resource;

	private final String sql;

	private final int schemaParameters;

	private final RowMapper<T> mapper;

	CatalogQuery(String resource, RowMapper<T> mapper) {
		this.resource = resource;
		this.sql = load(resource);
		this.schemaParameters = this.sql.split("\\?::text\\[\\]", -1).length - 1;
		this.mapper = mapper;
	}

	private static String load(String resource) {
		try (InputStream in = CatalogQuery.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Catalog query resource " + resource + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<T> run(Connection connection, Collection<String> schemas, NameMapping mapping) throws SQLException {
		return run(connection, Collections.nCopies(this.schemaParameters, schemas), mapping);
	}

	/**
	 * Runs a query whose {@code text[]} parameters differ, each given in order.
	 */
	List<T> run(Connection connection, List<? extends Collection<String>> parameters, NameMapping mapping)
			throws SQLException {
		return map(fetch(connection, parameters), mapping);
	}

	/**
	 * Runs the query and keeps its rows unmapped, to be {@linkplain #map mapped} later, once or
	 * several times.
	 */
	List<Map<String, @Nullable Object>> fetch(Connection connection, Collection<String> schemas) throws SQLException {
		return fetch(connection, Collections.nCopies(this.schemaParameters, schemas));
	}

	private List<Map<String, @Nullable Object>> fetch(Connection connection,
			List<? extends Collection<String>> parameters) throws SQLException {
		if (parameters.size() != this.schemaParameters) {
			throw new IllegalArgumentException("Catalog query " + this.resource + " takes " + this.schemaParameters
					+ " parameters, not " + parameters.size());
		}
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(this.sql)) {
			for (int i = 1; i <= this.schemaParameters; i++) {
				statement.setArray(i, connection.createArrayOf("text", parameters.get(i - 1).toArray()));
			}
			try (ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					rows.add(CatalogRow.capture(resultSet));
				}
			}
		}
		catch (SQLException ex) {
			throw new SQLException("Catalog query " + this.resource + " failed: " + ex.getMessage(), ex.getSQLState(),
					ex);
		}
		return rows;
	}

	List<T> map(List<Map<String, @Nullable Object>> rows, NameMapping mapping) throws SQLException {
		List<T> mapped = new ArrayList<>(rows.size());
		for (Map<String, @Nullable Object> row : rows) {
			mapped.add(this.mapper.map(new CatalogRow(row, mapping)));
		}
		return mapped;
	}

	@FunctionalInterface
	interface RowMapper<T> {

		T map(CatalogRow row) throws SQLException;

	}

}
