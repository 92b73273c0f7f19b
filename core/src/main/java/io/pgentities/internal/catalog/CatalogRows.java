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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows the catalog queries returned for some schemas, before any {@link NameMapping}: read
 * once, they become a {@link CatalogSnapshot} under each mapping asked for. A tenant template
 * simulated once in one scratch schema is read as every tenant schema's copy this way.
 */
public final class CatalogRows {

	private static final CatalogRows EMPTY = new CatalogRows(List.of(), List.of());

	private final List<Fetched<?>> fetched;

	private final List<Dependency> dependencies;

	CatalogRows(List<Fetched<?>> fetched, List<Dependency> dependencies) {
		this.fetched = List.copyOf(fetched);
		this.dependencies = List.copyOf(dependencies);
	}

	/**
	 * No rows.
	 * @return the empty rows
	 */
	public static CatalogRows empty() {
		return EMPTY;
	}

	/**
	 * The rows of both, for a simulation read in parts.
	 * @param other more rows
	 * @return the rows of this and the other
	 */
	public CatalogRows plus(CatalogRows other) {
		List<Fetched<?>> all = new ArrayList<>(this.fetched);
		all.addAll(other.fetched);
		List<Dependency> allDependencies = new ArrayList<>(this.dependencies);
		allDependencies.addAll(other.dependencies);
		return new CatalogRows(all, allDependencies);
	}

	/**
	 * The entities and dependencies, with names mapped.
	 * @param mapping how schema names map
	 * @return the snapshot
	 */
	public CatalogSnapshot snapshot(NameMapping mapping) {
		List<CatalogEntity> entities = new ArrayList<>();
		try {
			for (Fetched<?> rows : this.fetched) {
				entities.addAll(rows.map(mapping));
			}
		}
		catch (SQLException ex) {
			// mapping captured values reads no database
			throw new IllegalStateException(ex);
		}
		return new CatalogSnapshot(entities, this.dependencies);
	}

	record Fetched<T extends CatalogEntity>(CatalogQuery<T> query, List<Map<String, @Nullable Object>> rows) {

		static <T extends CatalogEntity> Fetched<T> of(CatalogQuery<T> query, Connection connection,
				Collection<String> schemas) throws SQLException {
			return new Fetched<>(query, query.fetch(connection, schemas));
		}

		List<T> map(NameMapping mapping) throws SQLException {
			return this.query.map(this.rows, mapping);
		}

	}

}
