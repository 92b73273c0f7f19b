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
import java.util.stream.Stream;

import io.pgentities.internal.catalog.CatalogEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.pgentities.internal.plan.CatalogObjects.aggregate;
import static io.pgentities.internal.plan.CatalogObjects.function;
import static io.pgentities.internal.plan.CatalogObjects.policy;
import static io.pgentities.internal.plan.CatalogObjects.trigger;
import static io.pgentities.internal.plan.CatalogObjects.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link Privileges}.
 */
class PrivilegesTests {

	private static final List<String> COLUMNS = List.of("id integer", "name text");

	static Stream<Arguments> recreatedObjects() {
		return Stream.of(
				argumentSet("an object of the role applying the plan, with default privileges, gets nothing back",
						function("f", "integer", "select 1"), function("f", "integer", "select 1"), List.of()),
				argumentSet("an object of another role is given back to it",
						function("f", "integer", "select 1", "app_owner", List.of()),
						function("f", "integer", "select 1"),
						List.of("ALTER FUNCTION public.f() OWNER TO app_owner")),
				argumentSet("a routine's grants come back, and PUBLIC loses EXECUTE it had lost",
						function("f", "integer", "select 1", "postgres",
								List.of("postgres=X/postgres", "app=X/postgres", "auditor=X*/postgres")),
						function("f", "integer", "select 1"),
						List.of("GRANT EXECUTE ON FUNCTION public.f() TO app",
								"GRANT EXECUTE ON FUNCTION public.f() TO auditor WITH GRANT OPTION",
								"REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC")),
				argumentSet("a routine PUBLIC may still execute is not revoked from it",
						function("f", "integer", "select 1", "postgres", List.of("=X/postgres", "postgres=X/postgres")),
						function("f", "integer", "select 1"),
						List.of("GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC")),
				argumentSet("a view's grants name it as a table",
						view("v", "SELECT 1", COLUMNS, "postgres", List.of("postgres=arwdDxt/postgres", "reader=r/postgres"),
								List.of(), List.of()),
						view("v", "SELECT 1", COLUMNS),
						List.of("GRANT SELECT ON TABLE public.v TO reader")),
				argumentSet("column comments and grants come back for the columns the new view still has",
						view("v", "SELECT 1", COLUMNS, "postgres", List.of(), List.of("id IS 'key'", "gone IS 'old'"),
								List.of("name\treader=r/postgres", "gone\treader=r/postgres", "id\tpostgres=r/postgres")),
						view("v", "SELECT 1", COLUMNS),
						List.of("COMMENT ON COLUMN public.v.id IS 'key'", "GRANT SELECT (name) ON TABLE public.v TO reader")),
				argumentSet("an aggregate is given back to its owner as an aggregate, its grants on it as a function",
						aggregate("s", "app_owner", List.of("app_owner=X/app_owner", "app=X/app_owner")),
						aggregate("s", "postgres", List.of()),
						List.of("ALTER AGGREGATE public.s(*) OWNER TO app_owner", "GRANT EXECUTE ON FUNCTION public.s() TO app",
								"REVOKE EXECUTE ON FUNCTION public.s() FROM PUBLIC")),
				argumentSet("a trigger has no privileges of its own", trigger("t", "touch", "BEFORE UPDATE"),
						trigger("t", "touch", "BEFORE UPDATE"), List.of()),
				argumentSet("nor has a policy", policy("t", "p", "true"), policy("t", "p", "true"), List.of()));
	}

	@ParameterizedTest
	@MethodSource("recreatedObjects")
	void restoresWhatTheDroppedObjectHad(CatalogEntity dropped, CatalogEntity created, List<String> expected) {
		assertThat(Privileges.restore(dropped, created, "postgres")).containsExactlyElementsOf(expected);
	}

}
