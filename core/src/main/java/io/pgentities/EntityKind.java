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

import org.jspecify.annotations.Nullable;

/**
 * The kinds of PostgreSQL objects pg-entities manages. New kinds are added at the end.
 */
public enum EntityKind {

	/** A function ({@code CREATE FUNCTION}); identified by schema, name and argument types. */
	FUNCTION("FUNCTION", "pg_proc", 0, false, "FUNCTION"),

	/** A procedure ({@code CREATE PROCEDURE}); identified by schema, name and argument types. */
	PROCEDURE("PROCEDURE", "pg_proc", 0, false, "PROCEDURE"),

	/** A view ({@code CREATE VIEW}); identified by schema and name. */
	VIEW("VIEW", "pg_class", 1, false, "TABLE"),

	/** A materialized view with its indexes; identified by schema and name. */
	MATERIALIZED_VIEW("MATERIALIZED VIEW", "pg_class", 1, false, "TABLE"),

	/** A trigger on a table or view; identified by schema, table and name. */
	TRIGGER("TRIGGER", "pg_trigger", 2, true, null),

	/** A row-level-security policy on a table; identified by schema, table and name. */
	POLICY("POLICY", "pg_policy", 2, true, null),

	/**
	 * An extension ({@code CREATE EXTENSION}); identified by its name, which is unique in the
	 * database. Created before every other kind, since declared objects may use its types and
	 * functions.
	 */
	EXTENSION("EXTENSION", "pg_extension", -1, false, null, false),

	/**
	 * An aggregate function ({@code CREATE AGGREGATE}); identified by schema, name and argument
	 * types, like a function. Created after the functions it is built from; privileges are
	 * granted {@code ON FUNCTION}.
	 */
	AGGREGATE("AGGREGATE", "pg_proc", 1, false, "FUNCTION"),

	/**
	 * An event trigger ({@code CREATE EVENT TRIGGER}); identified by its name alone, which is
	 * unique in the database. It belongs to the schema of its function.
	 */
	EVENT_TRIGGER("EVENT TRIGGER", "pg_event_trigger", 3, false, null, false);

	private final String sqlName;

	private final String catalog;

	private final int creationRank;

	private final boolean onTable;

	private final @Nullable String grantName;

	private final boolean inSchema;

	EntityKind(String sqlName, String catalog, int creationRank, boolean onTable, @Nullable String grantName) {
		this(sqlName, catalog, creationRank, onTable, grantName, true);
	}

	EntityKind(String sqlName, String catalog, int creationRank, boolean onTable, @Nullable String grantName,
			boolean inSchema) {
		this.sqlName = sqlName;
		this.catalog = catalog;
		this.creationRank = creationRank;
		this.onTable = onTable;
		this.grantName = grantName;
		this.inSchema = inSchema;
	}

	/**
	 * The kind as SQL spells it in {@code CREATE} and {@code DROP}, e.g. {@code MATERIALIZED VIEW}.
	 * @return the SQL keyword(s)
	 */
	public String sqlName() {
		return this.sqlName;
	}

	/**
	 * The system catalog that holds objects of this kind, e.g. {@code pg_proc}. Kinds that
	 * share a catalog share its names: a view and a materialized view cannot have the same
	 * name, nor a function and a procedure the same signature.
	 * @return the catalog's name
	 */
	public String catalog() {
		return this.catalog;
	}

	/**
	 * Where objects of this kind come when nothing else orders them: extensions first, then
	 * routines, then aggregates and views, then triggers and policies, since PL/pgSQL bodies are not resolved when a routine
	 * is created while a view resolves what it reads. Lower ranks are created first and
	 * dropped last.
	 * @return the rank
	 */
	public int creationRank() {
		return this.creationRank;
	}

	/**
	 * Whether an object of this kind runs on the DDL that follows its creation, so that a
	 * simulation creates it after every other declaration: an event trigger.
	 * @return whether objects of this kind fire on DDL
	 */
	public boolean firesOnDdl() {
		return this == EVENT_TRIGGER;
	}

	/**
	 * Whether an object of this kind belongs to a table, so that SQL names it (in {@code DROP}
	 * and {@code COMMENT ON}) as {@code TRIGGER name ON schema.table} rather than by its
	 * schema-qualified identity.
	 * @return whether it is named on its table
	 */
	public boolean onTable() {
		return this.onTable;
	}

	/**
	 * How {@code GRANT} and {@code REVOKE} name objects of this kind: {@code TABLE} for views
	 * and materialized views, the kind itself for routines, {@code FUNCTION} for aggregates.
	 * @return the object type, or {@code null} when objects of this kind have no owner and
	 * privileges of their own (a trigger or policy goes with its table)
	 */
	public @Nullable String grantName() {
		return this.grantName;
	}

	/**
	 * Whether an object's name is unique within its schema (or its table's). The names of
	 * extensions and event triggers are unique in the whole database: an extension's
	 * {@link PgEntity#schema() schema} is where its objects are installed, an event trigger's
	 * that of its function, and either can change without the object becoming another one.
	 * @return whether objects of this kind are named within a schema
	 */
	public boolean inSchema() {
		return this.inSchema;
	}

}
