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
 * Reads the dependency edges of objects in the given schemas ({@code dependencies.sql}).
 */
final class DependencyReader {

	private static final CatalogQuery<Dependency> QUERY = new CatalogQuery<>("dependencies.sql",
			DependencyReader::map);

	private DependencyReader() {
	}

	static List<Dependency> read(Connection connection, Collection<String> schemas) throws SQLException {
		return QUERY.run(connection, schemas, NameMapping.identity());
	}

	private static Dependency map(CatalogRow row) throws SQLException {
		return new Dependency(new ObjectId(row.text("dependent_catalog"), row.longValue("dependent_oid")),
				new ObjectId(row.text("referenced_catalog"), row.longValue("referenced_oid")));
	}

}
