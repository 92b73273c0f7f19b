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
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link CatalogStamp} ({@code catalog-stamp.sql}) in one query.
 */
public final class CatalogStampReader {

	private static final CatalogQuery<CatalogStamp> QUERY = new CatalogQuery<>("catalog-stamp.sql",
			(row) -> new CatalogStamp(row.text("stamp")));

	private CatalogStampReader() {
	}

	/**
	 * Reads the stamp.
	 * @param connection a connection
	 * @return the stamp
	 * @throws SQLException if the query fails
	 */
	public static CatalogStamp read(Connection connection) throws SQLException {
		return QUERY.run(connection, List.<List<String>>of(), NameMapping.identity()).get(0);
	}

	/**
	 * Reads the stamp again after reads that began with {@code before}: equal, it pins what
	 * those reads saw to one state of the catalog.
	 * @param connection a connection
	 * @param before the stamp read before them
	 * @return {@code before} when the stamp is still the same, else {@code null}
	 * @throws SQLException if the query fails
	 */
	public static @Nullable CatalogStamp unchangedSince(Connection connection, CatalogStamp before)
			throws SQLException {
		return read(connection).equals(before) ? before : null;
	}

}
