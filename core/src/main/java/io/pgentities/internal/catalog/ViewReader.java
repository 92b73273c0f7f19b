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

import io.pgentities.EntityKind;

/**
 * Reads views and materialized views ({@code views.sql}).
 */
final class ViewReader {

	static final CatalogQuery<CatalogView> QUERY = new CatalogQuery<>("views.sql", ViewReader::map);

	private ViewReader() {
	}

	private static CatalogView map(CatalogRow row) throws SQLException {
		EntityKind kind = "m".equals(row.text("relation_kind")) ? EntityKind.MATERIALIZED_VIEW : EntityKind.VIEW;
		String query = row.text("query").strip();
		if (query.endsWith(";")) {
			query = query.substring(0, query.length() - 1);
		}
		return new CatalogView(row.oid(), kind, row.schema(), row.text("name"), query, row.text("options"),
				row.textList("columns"), row.textList("indexes"), row.bool("populated"),
				row.verbatimList("column_comments"), row.verbatimList("column_acl"), row.verbatim("comment"),
				row.text("owner"), row.textList("acl"));
	}

}
