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

/**
 * Reads aggregates ({@code aggregates.sql}).
 */
final class AggregateReader {

	static final CatalogQuery<CatalogAggregate> QUERY = new CatalogQuery<>("aggregates.sql",
			AggregateReader::map);

	private AggregateReader() {
	}

	private static CatalogAggregate map(CatalogRow row) throws SQLException {
		return new CatalogAggregate(row.oid(), row.schema(), row.text("name"), row.text("identity_arguments"),
				row.text("arguments"), row.text("result_type"), row.text("aggregate_kind"), row.text("definition"),
				row.verbatim("comment"), row.text("owner"), row.textList("acl"));
	}

}
