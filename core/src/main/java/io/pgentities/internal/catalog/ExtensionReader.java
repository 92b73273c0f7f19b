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

import java.sql.SQLException;
import java.util.Objects;

/**
 * Reads extensions ({@code extensions.sql}), database-wide.
 */
final class ExtensionReader {

	static final CatalogQuery<CatalogExtension> QUERY = new CatalogQuery<>("extensions.sql",
			ExtensionReader::map);

	private ExtensionReader() {
	}

	private static CatalogExtension map(CatalogRow row) throws SQLException {
		return new CatalogExtension(row.oid(), row.text("name"), row.schema(), Objects.requireNonNull(row.verbatim("version")),
				row.bool("relocatable"), row.verbatim("default_version"), row.verbatimList("available_versions"),
				row.verbatim("comment"));
	}

}
