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
package io.pgentities.simulate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The live relations a simulation has to know about, looked up in one query: the tables that
 * declared triggers and policies are on (they get scratch copies), and whatever already bears
 * the name of a declared view.
 */
final class LiveRelations {

	private static final String QUERY = """
			select n.nspname, c.relname, c.relkind::text
			from pg_class c
			join pg_namespace n on n.oid = c.relnamespace
			join unnest(?::text[], ?::text[]) as t(schema_name, relation_name)
			  on t.schema_name = n.nspname and t.relation_name = c.relname
			""";

	private final Map<List<String>, String> kinds;

	private LiveRelations(Map<List<String>, String> kinds) {
		this.kinds = kinds;
	}

	static LiveRelations lookUp(Connection connection, Collection<List<String>> names) throws SQLException {
		Map<List<String>, String> kinds = new HashMap<>();
		if (names.isEmpty()) {
			return new LiveRelations(kinds);
		}
		try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
			statement.setArray(1, connection.createArrayOf("text", names.stream().map((n) -> n.get(0)).toArray()));
			statement.setArray(2, connection.createArrayOf("text", names.stream().map((n) -> n.get(1)).toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					kinds.put(List.of(rows.getString(1), rows.getString(2)), rows.getString(3));
				}
			}
		}
		return new LiveRelations(kinds);
	}

	/**
	 * The {@code relkind} of a live relation.
	 * @param schema the schema
	 * @param name the name
	 * @return the kind ({@code r}, {@code p}, {@code v}, {@code m}, {@code f}, {@code S}, {@code i}...), or
	 * {@code null} if there is none
	 */
	@Nullable String kind(String schema, String name) {
		return this.kinds.get(List.of(schema, name));
	}

}
