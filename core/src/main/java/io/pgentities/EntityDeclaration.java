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
package io.pgentities;

import java.util.List;

/**
 * A live entity written as the SQL that declares it, as {@link PgEntitiesEngine#declarations()}
 * renders it: its {@code CREATE} statement as PostgreSQL prints it, followed by the statements
 * that belong to it (a materialized view's indexes, the comment). Read back with
 * {@link PgEntities#fromSql(String)}, the text declares exactly the live entity, so that a
 * check of it against the same database is in sync.
 *
 * @param kind the entity's kind
 * @param schema its schema
 * @param name its name
 * @param identity its identity (see {@link PgEntity#identity()})
 * @param statements the statements, without terminating semicolons
 */
public record EntityDeclaration(EntityKind kind, String schema, String name, String identity,
		List<String> statements) {

	public EntityDeclaration {
		statements = List.copyOf(statements);
	}

	/**
	 * The statements as the text of an entity file: each one ended by a semicolon, on lines of its own.
	 * @return the SQL text
	 */
	public String toSql() {
		StringBuilder sql = new StringBuilder();
		for (String statement : this.statements) {
			sql.append(statement.strip()).append(";\n");
		}
		return sql.toString();
	}

}
