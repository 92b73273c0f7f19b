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
		if (parameters.size() != this.schemaParameters) {
			throw new IllegalArgumentException("Catalog query " + this.resource + " takes " + this.schemaParameters
					+ " parameters, not " + parameters.size());
		}
		List<T> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(this.sql)) {
			for (int i = 1; i <= this.schemaParameters; i++) {
				statement.setArray(i, connection.createArrayOf("text", parameters.get(i - 1).toArray()));
			}
			try (ResultSet resultSet = statement.executeQuery()) {
				CatalogRow row = new CatalogRow(resultSet, mapping);
				while (resultSet.next()) {
					rows.add(this.mapper.map(row));
				}
			}
		}
		catch (SQLException ex) {
			throw new SQLException("Catalog query " + this.resource + " failed: " + ex.getMessage(), ex.getSQLState(),
					ex);
		}
		return rows;
	}

	@FunctionalInterface
	interface RowMapper<T> {

		T map(CatalogRow row) throws SQLException;

	}

}
