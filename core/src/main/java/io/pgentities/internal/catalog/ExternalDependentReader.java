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

import io.pgentities.internal.catalog.Dependency.ObjectId;

/**
 * Reads what depends on the routines and views of some schemas ({@code dependents.sql}).
 */
public final class ExternalDependentReader {

	private static final CatalogQuery<ExternalDependent> QUERY = new CatalogQuery<>("dependents.sql",
			ExternalDependentReader::map);

	private ExternalDependentReader() {
	}

	/**
	 * Reads the dependents.
	 * @param connection a connection whose search_path is {@link CatalogReader#PRINTING_SEARCH_PATH}
	 * @param schemas the schemas whose routines and views are depended on
	 * @return the dependents
	 * @throws SQLException if the query fails
	 */
	public static List<ExternalDependent> read(Connection connection, Collection<String> schemas)
			throws SQLException {
		if (schemas.isEmpty()) {
			return List.of();
		}
		return QUERY.run(connection, schemas, NameMapping.identity());
	}

	private static ExternalDependent map(CatalogRow row) throws SQLException {
		return new ExternalDependent(new ObjectId(row.text("referenced_catalog"), row.longValue("referenced_oid")),
				new ObjectId(row.text("dependent_catalog"), row.longValue("dependent_oid")),
				row.verbatim("dependent_schema"), row.text("description"));
	}

}
