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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads every managed kind from the catalog in bulk: one query per catalog, whatever the
 * number of objects. The caller's transaction must have {@code search_path} set to
 * {@code pg_catalog} (see {@link #PRINTING_SEARCH_PATH}) so that names print qualified.
 */
public final class CatalogReader {

	/**
	 * The {@code search_path} under which canonical text is printed: only {@code pg_catalog},
	 * so every other name is schema-qualified, identically for live and simulated objects.
	 */
	public static final String PRINTING_SEARCH_PATH = "pg_catalog";

	private CatalogReader() {
	}

	private static final List<CatalogQuery<? extends CatalogEntity>> ENTITY_QUERIES = List.of(RoutineReader.QUERY,
			ViewReader.QUERY, TriggerReader.QUERY, PolicyReader.QUERY, ExtensionReader.QUERY, AggregateReader.QUERY,
			EventTriggerReader.QUERY);

	/**
	 * Reads the entities of the given schemas and their dependencies, and the extensions of
	 * the database, wherever they are installed: an extension's name is unique database-wide.
	 * @param connection a connection in a transaction whose search_path is {@link #PRINTING_SEARCH_PATH}
	 * @param schemas the schemas to read
	 * @param mapping how schema names map back to the declared ones
	 * @return the snapshot
	 * @throws SQLException if a query fails
	 */
	public static CatalogSnapshot read(Connection connection, Collection<String> schemas, NameMapping mapping)
			throws SQLException {
		return fetch(connection, schemas).snapshot(mapping);
	}

	/**
	 * Reads what {@link #read} reads but the dependencies between the entities, which only
	 * planning needs: a check compares definitions, and the snapshot's
	 * {@linkplain CatalogSnapshot#dependencies() dependencies} are empty. Reading them costs as
	 * much as reading all the routines, triggers and policies together.
	 * @param connection a connection in a transaction whose search_path is {@link #PRINTING_SEARCH_PATH}
	 * @param schemas the schemas to read
	 * @param mapping how schema names map back to the declared ones
	 * @return the snapshot, without dependencies
	 * @throws SQLException if a query fails
	 */
	public static CatalogSnapshot readDefinitions(Connection connection, Collection<String> schemas,
			NameMapping mapping) throws SQLException {
		return fetch(connection, schemas, false).snapshot(mapping);
	}

	/**
	 * Reads the entities of the given schemas and their dependencies, leaving the rows to be
	 * mapped later.
	 * @param connection a connection in a transaction whose search_path is {@link #PRINTING_SEARCH_PATH}
	 * @param schemas the schemas to read
	 * @return the rows read
	 * @throws SQLException if a query fails
	 */
	public static CatalogRows fetch(Connection connection, Collection<String> schemas) throws SQLException {
		return fetch(connection, schemas, true);
	}

	private static CatalogRows fetch(Connection connection, Collection<String> schemas, boolean dependencies)
			throws SQLException {
		if (schemas.isEmpty()) {
			return CatalogRows.empty();
		}
		List<CatalogRows.Fetched<?>> fetched = new ArrayList<>();
		for (CatalogQuery<? extends CatalogEntity> query : ENTITY_QUERIES) {
			fetched.add(CatalogRows.Fetched.of(query, connection, schemas));
		}
		return new CatalogRows(fetched, dependencies ? DependencyReader.read(connection, schemas) : List.of());
	}

	/**
	 * Sets the transaction-local {@code search_path} for printing.
	 * @param connection a connection in a transaction
	 * @throws SQLException if it fails
	 */
	public static void usePrintingSearchPath(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LOCAL search_path = " + PRINTING_SEARCH_PATH);
		}
	}

}
