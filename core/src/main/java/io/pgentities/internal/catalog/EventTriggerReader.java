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

import io.pgentities.PgEventTrigger.Firing;

/**
 * Reads event triggers ({@code event-triggers.sql}).
 */
public final class EventTriggerReader {

	static final CatalogQuery<CatalogEventTrigger> QUERY = new CatalogQuery<>("event-triggers.sql",
			EventTriggerReader::map);

	private EventTriggerReader() {
	}

	/**
	 * Reads every event trigger of the database, wherever its function lives: those a
	 * check's DDL may fire.
	 * @param connection the connection
	 * @return the event triggers
	 * @throws SQLException if the query fails
	 */
	public static List<CatalogEventTrigger> readAll(Connection connection) throws SQLException {
		return QUERY.run(connection, List.<String>of(), NameMapping.identity());
	}

	private static CatalogEventTrigger map(CatalogRow row) throws SQLException {
		return new CatalogEventTrigger(row.oid(), row.schema(), row.name("name"), row.text("event"),
				row.verbatimList("tags"), row.text("function"), Firing.ofCode(row.text("firing")),
				row.text("owner"), row.verbatim("comment"));
	}

}
