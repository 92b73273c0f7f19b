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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.pgentities.internal.sql.Identifiers;

/**
 * Reads which tables are partitions of which ({@code partitions.sql}).
 */
public final class PartitionReader {

	private static final CatalogQuery<Partition> QUERY = new CatalogQuery<>("partitions.sql", PartitionReader::map);

	private PartitionReader() {
	}

	/**
	 * Reads the partitions of the given schemas.
	 * @param connection a connection in a transaction
	 * @param schemas the schemas whose partitions to read
	 * @return for each partition's schema-qualified name, those of the tables it is a partition of
	 * @throws SQLException if the query fails
	 */
	public static Map<String, Set<String>> ancestors(Connection connection, Collection<String> schemas)
			throws SQLException {
		Map<String, Set<String>> ancestors = new HashMap<>();
		if (schemas.isEmpty()) {
			return ancestors;
		}
		for (Partition partition : QUERY.run(connection, schemas, NameMapping.identity())) {
			ancestors.computeIfAbsent(partition.table(), (k) -> new LinkedHashSet<>()).add(partition.ancestor());
		}
		return ancestors;
	}

	private static Partition map(CatalogRow row) throws SQLException {
		return new Partition(Identifiers.qualify(row.schema(), row.text("table_name")),
				Identifiers.qualify(row.text("ancestor_schema"), row.text("ancestor_table")));
	}

	private record Partition(String table, String ancestor) {

	}

}
