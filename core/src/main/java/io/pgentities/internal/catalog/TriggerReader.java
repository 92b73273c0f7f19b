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
 * Reads triggers ({@code triggers.sql}).
 */
final class TriggerReader {

	static final CatalogQuery<CatalogTrigger> QUERY = new CatalogQuery<>("triggers.sql", TriggerReader::map);

	private TriggerReader() {
	}

	private static CatalogTrigger map(CatalogRow row) throws SQLException {
		return new CatalogTrigger(row.oid(), row.schema(), row.text("table_name"), row.text("name"),
				row.text("definition"), row.bool("constraint_trigger"), row.bool("row_level"), row.verbatim("comment"));
	}

}
