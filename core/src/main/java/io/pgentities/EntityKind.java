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

/**
 * The kinds of PostgreSQL objects pg-entities manages. New kinds are added at the end.
 */
public enum EntityKind {

	/** A function ({@code CREATE FUNCTION}); identified by schema, name and argument types. */
	FUNCTION("FUNCTION"),

	/** A procedure ({@code CREATE PROCEDURE}); identified by schema, name and argument types. */
	PROCEDURE("PROCEDURE"),

	/** A view ({@code CREATE VIEW}); identified by schema and name. */
	VIEW("VIEW"),

	/** A materialized view with its indexes; identified by schema and name. */
	MATERIALIZED_VIEW("MATERIALIZED VIEW"),

	/** A trigger on a table or view; identified by schema, table and name. */
	TRIGGER("TRIGGER"),

	/** A row-level-security policy on a table; identified by schema, table and name. */
	POLICY("POLICY");

	private final String sqlName;

	EntityKind(String sqlName) {
		this.sqlName = sqlName;
	}

	/**
	 * The kind as SQL spells it in {@code CREATE} and {@code DROP}, e.g. {@code MATERIALIZED VIEW}.
	 * @return the SQL keyword(s)
	 */
	public String sqlName() {
		return this.sqlName;
	}

}
