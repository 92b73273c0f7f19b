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
package io.pgentities;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a check tells in-sync, missing, changed and undeclared objects of every kind
 * apart, one attribute at a time, on a real database. Each case runs in a schema of its own;
 * {@code %s} in the SQL stands for it.
 */
@PostgresTest
class DriftCheckTests {

	private static final AtomicInteger schemas = new AtomicInteger();

	private static final String TABLE = """
			CREATE TABLE %s.items (id integer PRIMARY KEY, name text NOT NULL, qty integer NOT NULL DEFAULT 1,
			    price numeric(10, 2) NOT NULL DEFAULT 0, owner_name text, last_edited timestamptz);
			ALTER TABLE %s.items ENABLE ROW LEVEL SECURITY;
			CREATE FUNCTION %s.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
			""";

	private final TestDatabase database;

	DriftCheckTests(TestDatabase database) {
		this.database = database;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void checkReportsTheStatusOfEachCase(Case testCase) {
		String schema = "case_" + schemas.incrementAndGet();
		this.database.execute("CREATE SCHEMA " + schema + ";" + TABLE.replace("%s", schema)
				+ testCase.live().replace("%s", schema));
		PgEntity declared = testCase.declared().apply(schema);
		DriftReport report = Rechecked.check(this.database.dataSource(), (builder) -> builder, List.of(declared));
		EntityDrift drift = report.entities()
			.stream()
			.filter((entity) -> entity.identity().equals(declared.identity()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No entry for " + declared.identity() + " in " + report));
		assertThat(drift.status()).as(drift.diff()).isEqualTo(testCase.expected());
		assertThat(drift.kind()).isEqualTo(declared.kind());
		if (testCase.expected() == DriftStatus.CHANGED) {
			assertThat(drift.diff()).startsWith("--- database\n+++ declared\n@@ ");
		}
		if (testCase.expected() == DriftStatus.IN_SYNC) {
			assertThat(drift.diff()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("undeclared")
	void checkReportsUndeclaredObjectsOfEachKindInManagedSchemas(String kind, String live) {
		String schema = "case_" + schemas.incrementAndGet();
		this.database.execute("CREATE SCHEMA " + schema + ";" + TABLE.replace("%s", schema) + live.replace("%s", schema));
		DriftReport report = Rechecked.check(this.database.dataSource(), (builder) -> builder.schemas(schema),
				List.of());
		assertThat(report.entities()).filteredOn((entity) -> entity.kind() == EntityKind.valueOf(kind))
			.singleElement()
			.satisfies((entity) -> {
				assertThat(entity.status()).isEqualTo(DriftStatus.UNDECLARED);
				assertThat(entity.source()).isEqualTo("database");
			});
		assertThat(report.inSync()).isFalse();
	}

	static Stream<Arguments> undeclared() {
		return Stream.of(Arguments.of("VIEW", "CREATE VIEW %s.v AS SELECT id FROM %s.items;"),
				Arguments.of("MATERIALIZED_VIEW", "CREATE MATERIALIZED VIEW %s.m AS SELECT id FROM %s.items;"),
				Arguments.of("PROCEDURE", "CREATE PROCEDURE %s.p() LANGUAGE sql AS $$ SELECT 1 $$;"),
				Arguments.of("TRIGGER",
						"CREATE TRIGGER t BEFORE UPDATE ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch();"),
				Arguments.of("POLICY", "CREATE POLICY p ON %s.items USING (true);"));
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				// functions
				inSync("function written differently",
						"create function %s.total(p_qty int, p_price numeric) returns numeric language sql immutable as $$ select p_qty * p_price $$;",
						(s) -> PgFunction.of(s, "total(p_qty integer, p_price numeric)",
								"RETURNS numeric IMMUTABLE LANGUAGE sql AS $x$select p_qty*p_price$x$")),
				missing("function", (s) -> PgFunction.of(s, "total(integer)", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$")),
				changed("function body", "CREATE FUNCTION %s.f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a + 1 $$;",
						(s) -> PgFunction.of(s, "f(a integer)", "RETURNS integer LANGUAGE sql AS $$ SELECT a + 2 $$")),
				changed("function volatility",
						"CREATE FUNCTION %s.f(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a $$;",
						(s) -> PgFunction.of(s, "f(a integer)", "RETURNS integer LANGUAGE sql STABLE AS $$ SELECT a $$")),
				changed("function security definer",
						"CREATE FUNCTION %s.f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;",
						(s) -> PgFunction.of(s, "f(a integer)",
								"RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT a $$")),
				changed("function strictness", "CREATE FUNCTION %s.f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;",
						(s) -> PgFunction.of(s, "f(a integer)", "RETURNS integer LANGUAGE sql STRICT AS $$ SELECT a $$")),
				changed("function argument default",
						"CREATE FUNCTION %s.f(a integer DEFAULT 1) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;",
						(s) -> PgFunction.of(s, "f(a integer DEFAULT 2)", "RETURNS integer LANGUAGE sql AS $$ SELECT a $$")),
				changed("function return type",
						"CREATE FUNCTION %s.f(a integer) RETURNS integer LANGUAGE sql AS $$ SELECT a $$;",
						(s) -> PgFunction.of(s, "f(a integer)", "RETURNS bigint LANGUAGE sql AS $$ SELECT a::bigint $$")),
				inSync("plpgsql body with other whitespace, case and comments",
						"CREATE FUNCTION %s.g() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;",
						(s) -> PgFunction.of(s, "g()",
								"RETURNS integer LANGUAGE plpgsql AS $$\nbegin\n  -- one\n  return 1;\nend\n$$")),
				// procedures
				inSync("procedure", "CREATE PROCEDURE %s.p(a integer) LANGUAGE sql AS $$ SELECT a $$;",
						(s) -> PgProcedure.of(s, "p(a integer)", "LANGUAGE sql AS $$ SELECT a $$")),
				missing("procedure", (s) -> PgProcedure.of(s, "p()", "LANGUAGE plpgsql AS $$ BEGIN END $$")),
				changed("procedure body", "CREATE PROCEDURE %s.p(a integer) LANGUAGE sql AS $$ SELECT a $$;",
						(s) -> PgProcedure.of(s, "p(a integer)", "LANGUAGE sql AS $$ SELECT a + 1 $$")),
				// views
				inSync("view written differently", "CREATE VIEW %s.V AS SELECT ID, Name FROM %s.Items WHERE (qty>0);",
						(s) -> PgView.of(s, "v", "select id,\n  name -- the name\nfrom items where qty>0")),
				missing("view", (s) -> PgView.of(s, "v", "SELECT id FROM items")),
				changed("view query", "CREATE VIEW %s.v AS SELECT id, name FROM %s.items;",
						(s) -> PgView.of(s, "v", "SELECT id, name FROM items WHERE qty > 1")),
				changed("view option", "CREATE VIEW %s.v AS SELECT id, name FROM %s.items;",
						(s) -> PgView.of(s, "v", "SELECT id, name FROM items").withClauses("WITH (security_barrier)")),
				// materialized views
				inSync("materialized view with index",
						"CREATE MATERIALIZED VIEW %s.m AS SELECT id, name FROM %s.items; CREATE UNIQUE INDEX m_id ON %s.m (id);",
						(s) -> PgMaterializedView.of(s, "m", "SELECT id, name FROM items")
							.withData(false)
							.withIndex("CREATE UNIQUE INDEX m_id ON m (id)")),
				missing("materialized view", (s) -> PgMaterializedView.of(s, "m", "SELECT id FROM items")),
				changed("materialized view query", "CREATE MATERIALIZED VIEW %s.m AS SELECT id, name FROM %s.items;",
						(s) -> PgMaterializedView.of(s, "m", "SELECT id FROM items")),
				changed("materialized view index",
						"CREATE MATERIALIZED VIEW %s.m AS SELECT id, name FROM %s.items; CREATE UNIQUE INDEX m_id ON %s.m (id);",
						(s) -> PgMaterializedView.of(s, "m", "SELECT id, name FROM items")
							.withIndex("CREATE INDEX m_name ON m (name)")),
				// triggers
				inSync("trigger written differently",
						"CREATE TRIGGER t BEFORE UPDATE ON %s.items FOR EACH ROW EXECUTE PROCEDURE %s.touch();",
						(s) -> PgTrigger.of(s, "t", "items", "before update on items for each row execute function touch()")),
				missing("trigger", (s) -> PgTrigger.of(s, "t", "items", "BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch()")),
				changed("trigger timing",
						"CREATE TRIGGER t BEFORE UPDATE ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch();",
						(s) -> PgTrigger.of(s, "t", "items", "AFTER UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch()")),
				changed("trigger events",
						"CREATE TRIGGER t BEFORE UPDATE ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch();",
						(s) -> PgTrigger.of(s, "t", "items",
								"BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch()")),
				changed("trigger WHEN",
						"CREATE TRIGGER t BEFORE UPDATE ON %s.items FOR EACH ROW WHEN (NEW.qty > 0) EXECUTE FUNCTION %s.touch();",
						(s) -> PgTrigger.of(s, "t", "items",
								"BEFORE UPDATE ON items FOR EACH ROW WHEN (NEW.qty > 1) EXECUTE FUNCTION touch()")),
				inSync("trigger WHEN written differently",
						"CREATE TRIGGER t BEFORE UPDATE ON %s.items FOR EACH ROW WHEN (NEW.qty > 0) EXECUTE FUNCTION %s.touch();",
						(s) -> PgTrigger.of(s, "t", "items",
								"BEFORE UPDATE ON items FOR EACH ROW WHEN ((new.qty>0)) EXECUTE FUNCTION touch()")),
				changed("trigger columns",
						"CREATE TRIGGER t BEFORE UPDATE OF name ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch();",
						(s) -> PgTrigger.of(s, "t", "items",
								"BEFORE UPDATE OF name, qty ON items FOR EACH ROW EXECUTE FUNCTION touch()")),
				// policies
				inSync("policy written differently",
						"CREATE POLICY p ON %s.items AS PERMISSIVE FOR SELECT TO PUBLIC USING (owner_name = current_user);",
						(s) -> PgPolicy.of(s, "p", "items", "for select using ((owner_name = CURRENT_USER))")),
				missing("policy", (s) -> PgPolicy.of(s, "p", "items", "USING (true)")),
				changed("policy command", "CREATE POLICY p ON %s.items FOR SELECT USING (true);",
						(s) -> PgPolicy.of(s, "p", "items", "FOR UPDATE USING (true)")),
				changed("policy roles", "CREATE POLICY p ON %s.items FOR SELECT TO PUBLIC USING (true);",
						(s) -> PgPolicy.of(s, "p", "items", "FOR SELECT TO CURRENT_USER USING (true)")),
				changed("policy USING", "CREATE POLICY p ON %s.items USING (qty > 0);",
						(s) -> PgPolicy.of(s, "p", "items", "USING (qty > 1)")),
				changed("policy WITH CHECK", "CREATE POLICY p ON %s.items USING (true) WITH CHECK (qty > 0);",
						(s) -> PgPolicy.of(s, "p", "items", "USING (true) WITH CHECK (qty >= 0)")),
				changed("policy permissive", "CREATE POLICY p ON %s.items AS PERMISSIVE USING (true);",
						(s) -> PgPolicy.of(s, "p", "items", "AS RESTRICTIVE USING (true)")),
				// names
				inSync("quoted mixed-case names",
						"CREATE VIEW %s.\"Order Totals\" AS SELECT id AS \"Id\" FROM %s.items;",
						(s) -> PgView.of(s, "Order Totals", "SELECT id AS \"Id\" FROM items")),
				changed("comment declared", "CREATE VIEW %s.v AS SELECT id FROM %s.items; COMMENT ON VIEW %s.v IS 'old';",
						(s) -> PgView.of(s, "v", "SELECT id FROM items").withComment("new")));
	}

	private static Arguments inSync(String name, String live, Function<String, PgEntity> declared) {
		return Arguments.of(Named.of("in sync: " + name, new Case(live, declared, DriftStatus.IN_SYNC)));
	}

	private static Arguments missing(String name, Function<String, PgEntity> declared) {
		return Arguments.of(Named.of("missing: " + name, new Case("", declared, DriftStatus.MISSING)));
	}

	private static Arguments changed(String name, String live, Function<String, PgEntity> declared) {
		return Arguments.of(Named.of("changed: " + name, new Case(live, declared, DriftStatus.CHANGED)));
	}

	record Case(String live, Function<String, PgEntity> declared, DriftStatus expected) {

	}

}
