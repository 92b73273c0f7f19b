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
package io.pgentities.internal.plan;

import java.util.List;

import io.pgentities.EntityKind;
import io.pgentities.internal.catalog.CatalogAggregate;
import io.pgentities.internal.catalog.CatalogPolicy;
import io.pgentities.internal.catalog.CatalogRoutine;
import io.pgentities.internal.catalog.CatalogTrigger;
import io.pgentities.internal.catalog.CatalogView;

/**
 * Catalog records as the catalog queries would read them, for tests of the stages after the
 * catalog that need no database.
 */
final class CatalogObjects {

	private CatalogObjects() {
	}

	static CatalogRoutine function(String name, String resultType, String body) {
		return function(name, resultType, body, "postgres", List.of());
	}

	static CatalogRoutine function(String name, String resultType, String body, String owner, List<String> acl) {
		String definition = "CREATE OR REPLACE FUNCTION public." + name + "()\n RETURNS " + resultType
				+ "\n LANGUAGE sql\nAS $function$" + body + "$function$";
		return new CatalogRoutine(1, EntityKind.FUNCTION, "public", name, "", definition, "", resultType, "", "sql",
				body, null, owner, acl, false);
	}

	/**
	 * An aggregate over {@code *}, which {@code DROP} and {@code ALTER AGGREGATE} name as
	 * {@code name(*)}.
	 */
	static CatalogAggregate aggregate(String name, String owner, List<String> acl) {
		String definition = "CREATE OR REPLACE AGGREGATE public." + name
				+ "(*) (\n    SFUNC = int8inc,\n    STYPE = bigint\n)";
		return new CatalogAggregate(4, "public", name, "", "", "bigint", "n", definition, null, owner, acl);
	}

	static CatalogView view(String name, String query, List<String> columns) {
		return view(name, query, columns, "postgres", List.of(), List.of(), List.of());
	}

	static CatalogView view(String name, String query, List<String> columns, String owner, List<String> acl,
			List<String> columnComments, List<String> columnAcl) {
		return new CatalogView(2, EntityKind.VIEW, "public", name, query, "", columns, List.of(), true,
				columnComments, columnAcl, null, owner, acl);
	}

	static CatalogView materializedView(String name, String query, List<String> indexes, boolean populated) {
		return new CatalogView(3, EntityKind.MATERIALIZED_VIEW, "public", name, query, "", List.of("n integer"),
				indexes, populated, List.of(), List.of(), null, "postgres", List.of());
	}

	static CatalogTrigger trigger(String table, String name, String when) {
		return new CatalogTrigger(4, "public", table, name, "CREATE TRIGGER " + name + " " + when + " ON public."
				+ table + " FOR EACH ROW EXECUTE FUNCTION public.touch()", false, true, null);
	}

	static CatalogPolicy policy(String table, String name, String using) {
		return new CatalogPolicy(5, "public", table, name, true, "SELECT", List.of("public"), using, null, null);
	}

}
