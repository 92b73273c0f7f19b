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
package io.pgentities.internal.lint;

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
import java.util.List;

/**
 * One lint query, loaded once from its {@code .sql} resource beside this class, taking one
 * {@code text[]} parameter.
 *
 * @param <T> what a row becomes
 */
final class LintQuery<T> {

	private final String sql;

	private final RowMapper<T> mapper;

	LintQuery(String resource, RowMapper<T> mapper) {
		try (InputStream in = LintQuery.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Lint query resource " + resource + " is missing");
			}
			this.sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.mapper = mapper;
	}

	List<T> run(Connection connection, Collection<String> parameter) throws SQLException {
		List<T> rows = new ArrayList<>();
		if (parameter.isEmpty()) {
			return rows;
		}
		try (PreparedStatement statement = connection.prepareStatement(this.sql)) {
			statement.setArray(1, connection.createArrayOf("text", parameter.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(this.mapper.map(result));
				}
			}
		}
		return rows;
	}

	@FunctionalInterface
	interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

}
