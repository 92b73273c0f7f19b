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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesException;

/**
 * Finds the schemas whose names match tenant patterns ({@code tenant-schemas.sql}), in one
 * query whatever the number of schemas.
 */
public final class TenantSchemaReader {

	private static final CatalogQuery<String> QUERY = new CatalogQuery<>("tenant-schemas.sql",
			(row) -> row.text("schema"));

	private TenantSchemaReader() {
	}

	/**
	 * The schemas matching any of the patterns.
	 * @param dataSource the database
	 * @param patterns patterns where {@code *} is any run of characters and {@code ?} one character
	 * @return the schema names, ordered
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public static List<String> read(DataSource dataSource, Collection<String> patterns) {
		if (patterns.isEmpty()) {
			return List.of();
		}
		try (Connection connection = dataSource.getConnection()) {
			return QUERY.run(connection, likePatterns(patterns), NameMapping.identity());
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Finding the tenant schemas matching " + patterns + " failed: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The patterns as {@code LIKE} patterns: {@code *} and {@code ?} become {@code %} and
	 * {@code _}, and the characters {@code LIKE} reads specially stand for themselves.
	 * @param patterns the patterns
	 * @return the {@code LIKE} patterns
	 */
	public static List<String> likePatterns(Collection<String> patterns) {
		List<String> like = new ArrayList<>();
		for (String pattern : patterns) {
			StringBuilder converted = new StringBuilder();
			for (char c : pattern.toCharArray()) {
				switch (c) {
					case '*' -> converted.append('%');
					case '?' -> converted.append('_');
					case '%', '_', '\\' -> converted.append('\\').append(c);
					default -> converted.append(c);
				}
			}
			like.add(converted.toString());
		}
		return like;
	}

}
