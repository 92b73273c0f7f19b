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
package io.pgentities.internal.simulate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.pgentities.internal.sql.QualifiedName;
import org.jspecify.annotations.Nullable;

/**
 * The live relations a simulation has to know about, looked up in one query: the tables that
 * declared triggers and policies are on (they get scratch copies), whatever already bears the
 * name of a declared view, and the partitioned tables any of them is a partition of, since a
 * scratch copy of a partition is attached to a copy of its partitioned table.
 */
final class LiveRelations {

	// run under search_path = pg_catalog, so that the partition key and bound print qualified
	private static final String QUERY = """
			with named as (
			    select c.oid
			    from pg_class c
			    join pg_namespace n on n.oid = c.relnamespace
			    join unnest(?::text[], ?::text[]) as t(schema_name, relation_name)
			      on t.schema_name = n.nspname and t.relation_name = c.relname
			), related as (
			    select oid from named
			    union
			    select a.relid from named cross join lateral pg_partition_ancestors(named.oid) as a(relid)
			)
			select n.nspname, c.relname, c.relkind::text,
			       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end,
			       pn.nspname, pc.relname,
			       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end
			from related r
			join pg_class c on c.oid = r.oid
			join pg_namespace n on n.oid = c.relnamespace
			left join pg_inherits i on c.relispartition and i.inhrelid = c.oid
			left join pg_class pc on pc.oid = i.inhparent
			left join pg_namespace pn on pn.oid = pc.relnamespace
			""";

	private final Map<QualifiedName, Relation> relations;

	private LiveRelations(Map<QualifiedName, Relation> relations) {
		this.relations = relations;
	}

	static LiveRelations lookUp(Connection connection, Collection<QualifiedName> names) throws SQLException {
		Map<QualifiedName, Relation> relations = new HashMap<>();
		if (names.isEmpty()) {
			return new LiveRelations(relations);
		}
		try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
			statement.setArray(1, connection.createArrayOf("text", names.stream().map((n) -> n.schema()).toArray()));
			statement.setArray(2, connection.createArrayOf("text", names.stream().map((n) -> n.name()).toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					QualifiedName parent = (rows.getString(6) != null)
						? new QualifiedName(rows.getString(5), rows.getString(6))
							: null;
					relations.put(new QualifiedName(rows.getString(1), rows.getString(2)),
							new Relation(rows.getString(3), rows.getString(4), parent, rows.getString(7)));
				}
			}
		}
		return new LiveRelations(relations);
	}

	/**
	 * The {@code relkind} of a live relation.
	 * @param schema the schema
	 * @param name the name
	 * @return the kind ({@code r}, {@code p}, {@code v}, {@code m}, {@code f}, {@code S}, {@code i}...), or
	 * {@code null} if there is none
	 */
	@Nullable String kind(String schema, String name) {
		Relation relation = this.relations.get(new QualifiedName(schema, name));
		return (relation != null) ? relation.kind() : null;
	}

	/**
	 * A live relation that was looked up, or that one looked up is a partition of.
	 * @param name the schema and name
	 * @return the relation, or {@code null} if there is none
	 */
	@Nullable Relation relation(QualifiedName name) {
		return this.relations.get(name);
	}

	/**
	 * What a scratch copy of a relation must reproduce.
	 *
	 * @param kind the {@code relkind}
	 * @param partitionKey {@code pg_get_partkeydef} of a partitioned table, else {@code null}
	 * @param parent the schema and name of the partitioned table it is a partition of, or {@code null}
	 * @param bound the partition bound ({@code FOR VALUES ...}, {@code DEFAULT}) of a partition, else {@code null}
	 */
	record Relation(String kind, @Nullable String partitionKey, @Nullable QualifiedName parent,
			@Nullable String bound) {

	}

}
