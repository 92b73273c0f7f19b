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
 * Reads functions and procedures ({@code routines.sql}).
 */
final class RoutineReader {

	static final CatalogQuery<CatalogRoutine> QUERY = new CatalogQuery<>("routines.sql", RoutineReader::map);

	private RoutineReader() {
	}

	private static CatalogRoutine map(CatalogRow row) throws SQLException {
		EntityKind kind = "p".equals(row.text("routine_kind")) ? EntityKind.PROCEDURE : EntityKind.FUNCTION;
		return new CatalogRoutine(row.oid(), kind, row.schema(), row.text("name"), row.text("identity_arguments"),
				row.text("definition"), row.text("arguments"), row.nullableText("result_type"), row.text("argument_names"),
				row.text("language"), row.text("body"), row.verbatim("comment"), row.text("owner"),
				row.textList("acl"), row.bool("security_definer"));
	}

}
