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
import java.util.Collection;
import java.util.List;

/**
 * Reads the {@link Environment} of declarations ({@code environment.sql}) in one query.
 */
public final class EnvironmentReader {

	private static final CatalogQuery<Environment> QUERY = new CatalogQuery<>("environment.sql",
			(row) -> new Environment((int) row.longValue("server_version"), row.text("fingerprint")));

	private EnvironmentReader() {
	}

	/**
	 * Reads the environment.
	 * @param connection a connection in a transaction whose search_path is
	 * {@link CatalogReader#PRINTING_SEARCH_PATH}
	 * @param schemas the schemas whose contents count
	 * @param roles the roles that count, besides the current user
	 * @param excluded objects whose definitions do not count, as {@link #excluded(CatalogEntity)}
	 * @return the environment
	 * @throws SQLException if the query fails
	 */
	public static Environment read(Connection connection, Collection<String> schemas, Collection<String> roles,
			Collection<String> excluded) throws SQLException {
		return QUERY.run(connection, List.of(schemas, excluded, roles), NameMapping.identity()).get(0);
	}

	/**
	 * How an object is left out of the environment: a live object that a declaration of the
	 * same identity shadows.
	 * @param entity the live object
	 * @return its {@code catalog:oid}
	 */
	public static String excluded(CatalogEntity entity) {
		return entity.objectId().catalog() + ":" + entity.oid();
	}

}
