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
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@link References} of a simulation's objects ({@code references.sql}).
 */
public final class ReferenceReader {

	private static final CatalogQuery<String[]> QUERY = new CatalogQuery<>("references.sql",
			(row) -> new String[] { row.text("kind"), row.text("name") });

	private ReferenceReader() {
	}

	/**
	 * Reads what the objects in the scratch schemas reference outside them.
	 * @param connection a connection in the simulation's transaction
	 * @param scratchSchemas the scratch schemas
	 * @return the references
	 * @throws SQLException if the query fails
	 */
	public static References read(Connection connection, Collection<String> scratchSchemas) throws SQLException {
		Set<String> schemas = new TreeSet<>();
		Set<String> roles = new TreeSet<>();
		for (String[] row : QUERY.run(connection, scratchSchemas, NameMapping.identity())) {
			(row[0].equals("role") ? roles : schemas).add(row[1]);
		}
		return new References(schemas, roles);
	}

}
