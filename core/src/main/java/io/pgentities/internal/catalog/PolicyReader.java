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
import java.util.List;

/**
 * Reads row-level-security policies ({@code policies.sql}).
 */
final class PolicyReader {

	static final CatalogQuery<CatalogPolicy> QUERY = new CatalogQuery<>("policies.sql", PolicyReader::map);

	private PolicyReader() {
	}

	private static CatalogPolicy map(CatalogRow row) throws SQLException {
		return new CatalogPolicy(row.oid(), row.schema(), row.text("table_name"), row.text("name"),
				row.bool("permissive"), row.text("command"), row.textList("roles"),
				row.nullableText("using_expression"), row.nullableText("check_expression"), row.verbatim("comment"));
	}

}
