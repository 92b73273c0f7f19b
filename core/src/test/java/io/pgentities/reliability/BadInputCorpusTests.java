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
package io.pgentities.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityRejectedException;
import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgPolicy;
import io.pgentities.PgProcedure;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for how the engine treats hostile and broken input: a corpus of declarations that
 * must fail, each with an error that names its source and says what is wrong (PostgreSQL's
 * own message or the front end's), leaving the database exactly as it was; and a corpus of
 * odd names and attack-looking text that must be quoted, never interpreted, and round-trip
 * from check through apply to in sync.
 */
@PostgresTest
class BadInputCorpusTests {

	private static final String SENTINEL = "corpus.sentinel";

	private static final String WEIRD_SCHEMA = "we;ird \"schema\"";

	private static final String UNICODE_SCHEMA = "Ünï Schema";

	private static final String ODD_TABLE = "odd table; --";

	private final TestDatabase database;

	private String pristine;

	BadInputCorpusTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute("""
				CREATE SCHEMA corpus;
				CREATE TABLE corpus.sentinel (id integer PRIMARY KEY, note text NOT NULL);
				INSERT INTO corpus.sentinel SELECT g, 'row ' || g FROM generate_series(1, 10) g;
				CREATE TABLE corpus.items (id integer PRIMARY KEY, name text NOT NULL, owner_name text,
				    last_edited timestamptz);
				CREATE SEQUENCE corpus.ticket;
				CREATE FUNCTION corpus.touch() RETURNS trigger LANGUAGE plpgsql
				    AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
				CREATE FUNCTION corpus.plain() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
				CREATE PROCEDURE corpus.archive() LANGUAGE sql AS $$ SELECT 1 $$;
				CREATE VIEW corpus.item_names AS SELECT id, name FROM corpus.items;
				CREATE SCHEMA odd;
				CREATE TABLE odd."odd table; --" (id integer, "my col" text, last_edited timestamptz);
				CREATE SCHEMA "we;ird ""schema""\";
				CREATE SCHEMA "Ünï Schema";
				CREATE SCHEMA "user";
				""");
	}

	@BeforeEach
	void takeFingerprint() {
		this.pristine = fingerprint();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void badInputFailsNamingItsSourceAndReasonAndChangesNothing(BadInput input) {
		assertFailsCleanly(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routinesNamedBegin")
	void routineNamedBeginCannotHideStatementsFromTheGuard(BadInput input) {
		assertFailsCleanly(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("onMissingTables")
	void triggerOrPolicyOnAMissingTableIsRejectedNamingItsSource(BadInput input) {
		assertFailsCleanly(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("collisions")
	void declarationCollidingWithARelationThatIsNoEntityIsRejectedNamingItsSource(BadInput input) {
		assertFailsCleanly(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("namesOverSixtyThreeBytes")
	void nameOverSixtyThreeBytesIsRejectedNamingItsSource(BadInput input) {
		assertFailsCleanly(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unterminatedInFactories")
	void unterminatedTokenInAFactoryDeclarationIsRejectedNamingItsSource(BadInput input) {
		assertFailsCleanly(input);
	}

	@Test
	void functionNamedBeginRoundTrips() throws SQLException {
		assertRoundTrips(odd("function named begin",
				() -> List.of(PgFunction.of("odd", "begin()", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oddNames")
	void oddNamesAreQuotedNeverInterpretedAndRoundTrip(OddNames input) throws SQLException {
		assertRoundTrips(input);
	}

	private void assertFailsCleanly(BadInput input) {
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		Throwable thrown = catchThrowable(() -> engine.apply(engine.plan(input.declarations().get())));
		assertThat(thrown).as("what %s throws", input).isNotNull();
		assertThat(thrown).isInstanceOf(input.failure().type)
			.hasMessageContaining(input.source())
			.hasMessageContaining(input.reason());
		if (thrown instanceof InvalidDeclarationException invalid) {
			assertThat(invalid.getSourceName()).isEqualTo(input.source());
			assertThat(invalid.getLine()).isEqualTo(input.line());
		}
		if (thrown instanceof EntityRejectedException rejected && input.failure() == Failure.POSTGRES) {
			assertThat(rejected.getEntitySource()).isEqualTo(input.entitySource());
			assertThat(rejected.getPostgresMessage()).contains(input.reason()).doesNotContain("pgentities_sim");
		}
		assertThat(fingerprint()).isEqualTo(this.pristine);
		assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
	}

	private void assertRoundTrips(OddNames input) throws SQLException {
		List<PgEntity> declared = input.declarations().get();
		Set<String> schemas = new LinkedHashSet<>();
		declared.forEach((entity) -> schemas.add(entity.schema()));
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas(schemas).build();
		DriftReport before = engine.check(declared);
		assertThat(before.entities()).extracting(EntityDrift::status).containsOnly(DriftStatus.MISSING);
		engine.apply(engine.plan(declared));
		DriftReport after = engine.check(declared);
		assertThat(after.drifted()).as("drift after the plan was applied").isEmpty();
		assertThat(after.entities()).extracting(EntityDrift::identity)
			.containsExactlyInAnyOrderElementsOf(declared.stream().map(PgEntity::identity).toList());
		for (PgEntity entity : declared) {
			assertThat(catalogCount(entity)).as("catalog objects named exactly as %s", entity.identity()).isOne();
		}
		assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
		PgEntitiesEngine cleaner = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas(schemas)
			.dropUndeclared(true)
			.build();
		cleaner.apply(cleaner.plan(List.of()));
		assertThat(cleaner.check(List.of()).entities()).isEmpty();
		assertThat(fingerprint()).isEqualTo(this.pristine);
	}

	static Stream<BadInput> badInput() {
		return Stream.of(
				// the lexer and the front end
				file("unterminated dollar quote", """
						CREATE FUNCTION corpus.f() RETURNS integer
						LANGUAGE sql AS $$
						  SELECT 1;
						""", Failure.FRONT_END, 2, "unterminated dollar-quoted string $$"),
				file("dollar quote closed with another tag", """
						CREATE FUNCTION corpus.f() RETURNS integer
						LANGUAGE sql AS $body$ SELECT 1 $bod$;
						""", Failure.FRONT_END, 2, "unterminated dollar-quoted string $body$"),
				file("unterminated block comment", """
						CREATE VIEW corpus.v AS SELECT 1 AS one;
						/* the end
						""", Failure.FRONT_END, 2, "unterminated /* comment"),
				file("nested block comment closed once", """
						CREATE VIEW corpus.v AS SELECT 1 AS one /* outer /* inner */ still a comment;
						""", Failure.FRONT_END, 1, "unterminated /* comment"),
				file("unterminated string constant", """
						CREATE VIEW corpus.v AS
						SELECT 'abc AS one;
						""", Failure.FRONT_END, 2, "unterminated string constant"),
				file("unterminated quoted identifier", """
						CREATE VIEW corpus."v AS SELECT 1 AS one;
						""", Failure.FRONT_END, 1, "unterminated quoted identifier"),
				file("unclosed parenthesis", """
						CREATE VIEW corpus.v AS
						SELECT (1 + 2 AS three;
						""", Failure.FRONT_END, 2, "unclosed parenthesis"),
				file("BEGIN ATOMIC body without END", """
						CREATE FUNCTION corpus.f() RETURNS integer LANGUAGE sql
						BEGIN ATOMIC
						  SELECT 1;
						""", Failure.FRONT_END, 1, "BEGIN ATOMIC body without a matching END"),
				file("DROP TABLE in an entity file", """
						CREATE VIEW corpus.v AS SELECT 1 AS one;
						DROP TABLE corpus.sentinel;
						""", Failure.FRONT_END, 2, "found DROP TABLE"),
				file("DELETE in an entity file", """
						DELETE FROM corpus.sentinel;
						""", Failure.FRONT_END, 1, "found DELETE"),
				file("UPDATE in an entity file", """
						UPDATE corpus.sentinel SET note = 'gone';
						""", Failure.FRONT_END, 1, "found UPDATE"),
				file("INSERT in an entity file", """
						INSERT INTO corpus.sentinel VALUES (11, 'eleven');
						""", Failure.FRONT_END, 1, "found INSERT"),
				file("TRUNCATE in an entity file", """
						TRUNCATE corpus.sentinel;
						""", Failure.FRONT_END, 1, "found TRUNCATE"),
				file("ALTER ROLE in an entity file", """
						ALTER ROLE CURRENT_USER NOSUPERUSER;
						""", Failure.FRONT_END, 1, "found ALTER ROLE"),
				file("COPY to a program in an entity file", """
						COPY corpus.sentinel TO PROGRAM 'cat > /tmp/pg-entities-corpus';
						""", Failure.FRONT_END, 1, "found COPY"),
				file("GRANT on a table in an entity file", """
						GRANT ALL ON corpus.sentinel TO PUBLIC;
						""", Failure.FRONT_END, 1, "GRANT ON TABLE corpus.sentinel: no such table is declared in the same source"),
				file("CREATE TABLE in an entity file", """
						CREATE TABLE corpus.extra (id integer);
						""", Failure.FRONT_END, 1, "found CREATE TABLE"),
				file("CREATE ROLE in an entity file", """
						CREATE ROLE intruder SUPERUSER LOGIN;
						""", Failure.FRONT_END, 1, "found CREATE ROLE"),
				file("DO block in an entity file", """
						DO $$ BEGIN DELETE FROM corpus.sentinel; END $$;
						""", Failure.FRONT_END, 1, "found DO"),
				file("SET ROLE in an entity file", """
						SET ROLE postgres;
						""", Failure.FRONT_END, 1, "found SET"),
				file("COMMIT in an entity file", """
						CREATE VIEW corpus.v AS SELECT 1 AS one;
						COMMIT;
						""", Failure.FRONT_END, 2, "found COMMIT"),
				file("statement hidden on the line of a declaration", """
						CREATE VIEW corpus.v AS SELECT 1 AS one; DELETE FROM corpus.sentinel;
						""", Failure.FRONT_END, 1, "found DELETE"),
				file("temporary view", """
						CREATE TEMP VIEW v AS SELECT 1 AS one;
						""", Failure.FRONT_END, 1, "a temporary view cannot be declared"),
				file("CREATE OR REPLACE MATERIALIZED VIEW", """
						CREATE OR REPLACE MATERIALIZED VIEW corpus.m AS SELECT 1 AS one;
						""", Failure.FRONT_END, 1, "PostgreSQL has no CREATE OR REPLACE for MATERIALIZED VIEW"),
				file("function without an argument list", """
						CREATE FUNCTION corpus.f RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
						""", Failure.FRONT_END, 1, "must be followed by its argument list"),
				file("view without AS", """
						CREATE VIEW corpus.v AS;
						""", Failure.FRONT_END, 1, "has no query after AS"),
				file("view whose only AS is a column alias", """
						CREATE VIEW corpus.v SELECT 1 AS one;
						""", Failure.POSTGRES, 1, "syntax error at or near \"SELECT\""),
				file("trigger without ON", """
						CREATE TRIGGER t BEFORE UPDATE FOR EACH ROW EXECUTE FUNCTION corpus.touch();
						""", Failure.FRONT_END, 1, "names no table"),
				file("index on a table", """
						CREATE INDEX ON corpus.items (name);
						""", Failure.FRONT_END, 1, "only indexes of a materialized view"),
				file("one view declared twice", """
						CREATE VIEW corpus.v AS SELECT 1 AS one;
						CREATE VIEW corpus.v AS SELECT 2 AS two;
						""", Failure.FRONT_END, 2, "is declared twice"),
				file("comment on an undeclared view", """
						COMMENT ON VIEW corpus.item_names IS 'names';
						""", Failure.FRONT_END, 1, "no such view is declared"),
				// PostgreSQL's parser and catalog, during the simulation
				file("syntax error in a SQL function", """
						CREATE FUNCTION corpus.f() RETURNS integer LANGUAGE sql
						AS $$ SELEC 1 $$;
						""", Failure.POSTGRES, 1, "syntax error at or near \"SELEC\""),
				file("syntax error in a PL/pgSQL function", """
						CREATE FUNCTION corpus.f() RETURNS integer LANGUAGE plpgsql AS $$
						BEGIN
						  RETURN 1
						END $$;
						""", Failure.POSTGRES, 1, "syntax error"),
				file("syntax error in a procedure", """
						CREATE PROCEDURE corpus.p() LANGUAGE sql AS $$ INSERT INTO $$;
						""", Failure.POSTGRES, 1, "syntax error"),
				file("syntax error in a view", """
						CREATE VIEW corpus.v AS SELECT FROM WHERE 1;
						""", Failure.POSTGRES, 1, "syntax error at or near \"WHERE\""),
				file("syntax error in a materialized view", """
						CREATE MATERIALIZED VIEW corpus.m AS SELECT 1 +;
						""", Failure.POSTGRES, 1, "syntax error"),
				file("syntax error in a trigger", """
						CREATE TRIGGER t BEFORE UPDTE ON corpus.items FOR EACH ROW EXECUTE FUNCTION corpus.touch();
						""", Failure.POSTGRES, 1, "syntax error at or near \"UPDTE\""),
				file("syntax error in a policy", """
						CREATE POLICY p ON corpus.items USING owner_name = current_user;
						""", Failure.POSTGRES, 1, "syntax error at or near \"owner_name\""),
				file("unknown table in a view", """
						CREATE VIEW corpus.v AS SELECT id FROM corpus.no_such_table;
						""", Failure.POSTGRES, 1, "relation \"corpus.no_such_table\" does not exist"),
				file("unknown column in a view", """
						CREATE VIEW corpus.v AS
						SELECT id, no_such_column FROM corpus.items;
						""", Failure.POSTGRES, 1, "column \"no_such_column\" does not exist"),
				file("unknown function in a view", """
						CREATE VIEW corpus.v AS SELECT corpus.no_such_function(id) AS x FROM corpus.items;
						""", Failure.POSTGRES, 1, "function corpus.no_such_function(integer) does not exist"),
				file("unknown table in a SQL function", """
						CREATE FUNCTION corpus.f() RETURNS bigint LANGUAGE sql
						AS $$ SELECT count(*) FROM corpus.no_such_table $$;
						""", Failure.POSTGRES, 1, "relation \"corpus.no_such_table\" does not exist"),
				file("unknown column in a policy", """
						CREATE POLICY p ON corpus.items USING (no_such_column = current_user);
						""", Failure.POSTGRES, 1, "column \"no_such_column\" does not exist"),
				file("trigger executing an unknown function", """
						CREATE TRIGGER t BEFORE UPDATE ON corpus.items
						FOR EACH ROW EXECUTE FUNCTION corpus.no_such_function();
						""", Failure.POSTGRES, 1, "function corpus.no_such_function() does not exist"),
				file("trigger executing a function that returns no trigger", """
						CREATE TRIGGER t BEFORE UPDATE ON corpus.items FOR EACH ROW EXECUTE FUNCTION corpus.plain();
						""", Failure.POSTGRES, 1, "must return type trigger"),
				file("unknown argument type", """
						CREATE FUNCTION corpus.f(a corpus.no_such_type) RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
						""", Failure.POSTGRES, 1, "type corpus.no_such_type does not exist"),
				file("unknown language", """
						CREATE FUNCTION corpus.f() RETURNS integer LANGUAGE no_such_language AS $$ 1 $$;
						""", Failure.POSTGRES, 1, "language \"no_such_language\" does not exist"),
				file("view with more column names than columns", """
						CREATE VIEW corpus.v (a, b) AS SELECT 1;
						""", Failure.POSTGRES, 1, "CREATE VIEW specifies more column names than columns"),
				file("materialized view index on an unknown column", """
						CREATE MATERIALIZED VIEW corpus.m AS SELECT 1 AS a;
						CREATE INDEX m_b ON corpus.m (b);
						""", Failure.POSTGRES, 1, "column \"b\" does not exist"),
				// declared identities that collide with what the database has
				// names PostgreSQL would truncate
				// declarations that try to escape their statement
				bean("function closing its dollar quote to drop a table", Failure.FRONT_END, "must be one statement",
						PgFunction.of("corpus", "evil()",
								"RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$; "
										+ "DROP TABLE corpus.sentinel; SELECT $$ $$")),
				bean("function committing the check's transaction", Failure.FRONT_END, "must be one statement",
						PgFunction.of("corpus", "evil()",
								"RETURNS integer LANGUAGE sql AS 'SELECT 1'; COMMIT; DROP TABLE corpus.sentinel")),
				bean("view closing a string to drop a table", Failure.FRONT_END, "must be one statement",
						PgView.of("corpus", "evil", "SELECT 'x'; DROP TABLE corpus.sentinel; --'")),
				bean("view with a backslash before the closing quote", Failure.FRONT_END, "must be one statement",
						PgView.of("corpus", "evil", "SELECT 'a\\'; DROP TABLE corpus.sentinel; --'")),
				bean("view ending an identifier with dollars", Failure.FRONT_END, "must be one statement",
						PgView.of("corpus", "evil", "SELECT 1 AS a$$; DROP TABLE corpus.sentinel; SELECT $$x$$ AS b")),
				bean("materialized view with a second statement", Failure.FRONT_END, "must be one statement",
						PgMaterializedView.of("corpus", "evil", "SELECT 1 AS one; DROP TABLE corpus.sentinel")),
				bean("trigger with a second statement", Failure.FRONT_END, "must be one statement",
						PgTrigger.of("corpus", "evil", "items", "BEFORE UPDATE ON corpus.items FOR EACH ROW "
								+ "EXECUTE FUNCTION corpus.touch(); DROP TABLE corpus.sentinel")),
				bean("policy with a second statement", Failure.FRONT_END, "must be one statement",
						PgPolicy.of("corpus", "evil", "items", "USING (true); DROP TABLE corpus.sentinel")),
				file("dollar quote closed early in a file", """
						CREATE FUNCTION corpus.evil() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
						DROP TABLE corpus.sentinel; SELECT $$ $$;
						""", Failure.FRONT_END, 2, "found DROP TABLE"));
	}

	static Stream<BadInput> routinesNamedBegin() {
		return Stream.of(
				bean("routine named begin hiding statements until END", Failure.FRONT_END, "must be one statement",
						PgFunction.of("corpus", "begin()",
								"RETURNS integer LANGUAGE sql AS 'SELECT 1'; DROP TABLE corpus.sentinel; END")),
				file("routine named begin hiding statements until END in a file", """
						CREATE FUNCTION corpus.begin() RETURNS integer LANGUAGE sql AS 'SELECT 1';
						DROP TABLE corpus.sentinel; END;
						""", Failure.FRONT_END, 2, "found DROP TABLE"));
	}

	static Stream<BadInput> onMissingTables() {
		return Stream.of(
				file("trigger on a missing table", """
						CREATE TRIGGER t BEFORE UPDATE ON corpus.no_such_table
						FOR EACH ROW EXECUTE FUNCTION corpus.touch();
						""", Failure.ANY, 1, "\"corpus.no_such_table\" does not exist"),
				file("policy on a missing table", """
						CREATE POLICY p ON corpus.no_such_table USING (true);
						""", Failure.ANY, 1, "\"corpus.no_such_table\" does not exist"));
	}

	static Stream<BadInput> collisions() {
		return Stream.of(
				file("view named like an existing table", """
						CREATE VIEW corpus.items AS SELECT 1 AS one;
						""", Failure.ANY, 1, "already exists"),
				file("view named like an existing sequence", """
						CREATE VIEW corpus.ticket AS SELECT 1 AS one;
						""", Failure.ANY, 1, "already exists"),
				file("materialized view named like an existing index", """
						CREATE MATERIALIZED VIEW corpus.items_pkey AS SELECT 1 AS one;
						""", Failure.ANY, 1, "already exists"));
	}

	static Stream<BadInput> namesOverSixtyThreeBytes() {
		return Stream.of(
				bean("view name of 64 bytes", Failure.ANY, "63",
						PgView.of("corpus", "v".repeat(64), "SELECT 1 AS one")),
				bean("view name of 22 three-byte characters", Failure.ANY, "63",
						PgView.of("corpus", "日".repeat(22), "SELECT 1 AS one")),
				file("function name of 70 bytes", """
						CREATE FUNCTION corpus.%s() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
						""".formatted("f".repeat(70)), Failure.ANY, 1, "63"),
				bean("trigger name of 64 bytes", Failure.ANY, "63", PgTrigger.of("corpus", "t".repeat(64), "items",
						"BEFORE UPDATE ON corpus.items FOR EACH ROW EXECUTE FUNCTION corpus.touch()")));
	}

	static Stream<BadInput> unterminatedInFactories() {
		return Stream.of(
				bean("view with an unterminated dollar quote", Failure.FRONT_END, "unterminated dollar-quoted string",
						PgView.of("corpus", "v", "SELECT 1 AS a$$; DROP TABLE corpus.sentinel; $$")),
				bean("function with an unterminated string", Failure.FRONT_END, "unterminated string constant",
						PgFunction.of("corpus", "f()", "RETURNS text LANGUAGE sql AS 'SELECT 1")));
	}

	static Stream<OddNames> oddNames() {
		String trigger = "BEFORE UPDATE ON odd.\"odd table; --\" FOR EACH ROW EXECUTE FUNCTION corpus.touch()";
		return Stream.of(oddView("it's"), oddView("a\"b"), oddView("with space"), oddView("semi;colon"),
				oddView("x'; DROP TABLE corpus.sentinel; --"), oddView("\"; DROP TABLE corpus.sentinel; --"),
				oddView("MixedCase"), oddView("select"), oddView("$$"), oddView("a$$b"),
				oddView("/* not a comment"), oddView("-- not a comment"), oddView("back\\slash"),
				oddView("tab\tand\nnewline"), oddView("Übersicht"), oddView("日本語のビュー"), oddView("🐘 elephant"),
				oddView("日".repeat(21)), oddView("v".repeat(63)), oddView("pgentities_sim_feedface_0"),
				odd("materialized view with an index", () -> List.of(PgMaterializedView
					.of("odd", "mat; view", "SELECT 1 AS one")
					.withIndex("CREATE INDEX \"ix; --\" ON odd.\"mat; view\" (one)"))),
				odd("views in a schema named with quotes and a semicolon", () -> List.of(
						PgView.of(WEIRD_SCHEMA, "a view", "SELECT 1 AS one"),
						PgView.of(WEIRD_SCHEMA, "b view", "SELECT one FROM \"we;ird \"\"schema\"\"\".\"a view\""))),
				odd("function and view in a unicode schema", () -> List.of(
						PgFunction.of(UNICODE_SCHEMA, "\"Größe\"(a integer)",
								"RETURNS integer LANGUAGE sql AS $$ SELECT a * 2 $$"),
						PgView.of(UNICODE_SCHEMA, "Sicht", "SELECT \"Ünï Schema\".\"Größe\"(21) AS answer"))),
				odd("view in a schema named like a reserved word", () -> List.of(
						PgView.of("user", "user", "SELECT current_user AS \"user\""))),
				odd("function whose name drops a table", () -> List.of(PgFunction.of(WEIRD_SCHEMA,
						"\"fn'); DROP TABLE corpus.sentinel; --\"(a integer)",
						"RETURNS integer LANGUAGE sql AS $$ SELECT a $$"))),
				odd("procedure with quotes in its name", () -> List.of(PgProcedure.of("odd", "\"proc 'x' \"\"y\"\"\"()",
						"LANGUAGE sql AS $$ SELECT 1 $$"))),
				odd("trigger and policy on a table named with a comment", () -> List.of(
						PgTrigger.of("odd", "trg 'x'; --", ODD_TABLE, trigger),
						PgPolicy.of("odd", "pol \"y\"; DROP TABLE corpus.sentinel; --", ODD_TABLE,
								"USING (\"my col\" = current_user)"))),
				odd("view whose dollar-quoted text drops a table", () -> List.of(PgView.of("odd", "dollars",
						"SELECT '$$; DROP TABLE corpus.sentinel; $$'::text AS s"))),
				odd("view whose escape string hides a quote", () -> List.of(PgView.of("odd", "escape",
						"SELECT E'a\\'; DROP TABLE corpus.sentinel; --'::text AS s"))),
				odd("view whose nested comment hides a statement", () -> List.of(PgView.of("odd", "nested",
						"SELECT 1 AS one /* outer /* ; DROP TABLE corpus.sentinel; */ still a comment */"))),
				odd("function whose body quotes an attack", () -> List.of(PgFunction.of("odd", "quoted()",
						"RETURNS text LANGUAGE sql AS $$ SELECT '''; DROP TABLE corpus.sentinel; --'::text $$"))));
	}

	private static BadInput file(String description, String sql, Failure failure, int line, String reason) {
		String source = "corpus/" + description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".sql";
		return new BadInput(description, () -> PgEntities.fromSql(sql, source, "corpus"), failure, source, line,
				reason);
	}

	private static BadInput bean(String description, Failure failure, String reason, PgEntity entity) {
		String source = "bean '" + description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "'";
		// the single-statement guard names the bean and line 1 of its statement
		return new BadInput(description, () -> List.of(entity.withSource(source)), failure, source, 1, reason);
	}

	private static OddNames oddView(String name) {
		return odd("view named " + name.replace("\n", "\\n").replace("\t", "\\t"),
				() -> List.of(PgView.of("odd", name, "SELECT 1 AS one")));
	}

	private static OddNames odd(String description, Supplier<List<PgEntity>> declarations) {
		return new OddNames(description, declarations);
	}

	private int catalogCount(PgEntity entity) throws SQLException {
		String sql = switch (entity.kind()) {
			case VIEW, MATERIALIZED_VIEW -> "SELECT count(*) FROM pg_class c "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('v', 'm') AND ? <> ''";
			case FUNCTION, PROCEDURE, AGGREGATE -> "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
					+ "WHERE n.nspname = ? AND p.proname = ? AND ? <> ''";
			case TRIGGER -> "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND t.tgname = ? "
					+ "AND c.relname = ? AND NOT t.tgisinternal";
			case POLICY -> "SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND p.polname = ? "
					+ "AND c.relname = ?";
			case EXTENSION -> "SELECT count(*) FROM pg_extension WHERE ? <> '' AND extname = ? AND ? <> ''";
			case EVENT_TRIGGER -> "SELECT count(*) FROM pg_event_trigger e JOIN pg_proc p ON p.oid = e.evtfoid "
					+ "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? AND e.evtname = ? AND ? <> ''";
		};
		String table = (entity instanceof PgTrigger trigger) ? trigger.table()
				: (entity instanceof PgPolicy policy) ? policy.table() : "-";
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, entity.schema());
			statement.setString(2, entity.name());
			statement.setString(3, table);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

	private String fingerprint() {
		return CatalogFingerprint.of(this.database.dataSource(), SENTINEL);
	}

	/**
	 * Where a bad input must be stopped.
	 */
	enum Failure {

		/** By the SQL front end or the single-statement guard, before PostgreSQL sees it. */
		FRONT_END(InvalidDeclarationException.class),

		/** By PostgreSQL, while the check simulates it. */
		POSTGRES(EntityRejectedException.class),

		/** Anywhere, as long as the error names the source and the reason. */
		ANY(PgEntitiesException.class);

		private final Class<? extends PgEntitiesException> type;

		Failure(Class<? extends PgEntitiesException> type) {
			this.type = type;
		}

	}

	/**
	 * Declarations that must fail.
	 *
	 * @param description what is wrong with them
	 * @param declarations reads or builds the declarations (reading may fail already)
	 * @param failure where they must be stopped
	 * @param source the source the error must name
	 * @param line the line of the source the error must name
	 * @param reason what the error must say
	 */
	record BadInput(String description, Supplier<List<PgEntity>> declarations, Failure failure, String source,
			int line, String reason) {

		/**
		 * The source of the entity: a file's name and the line of the statement, or a bean.
		 * @return the source
		 */
		String entitySource() {
			return this.source.startsWith("bean ") ? this.source : this.source + ":" + this.line;
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

	/**
	 * Declarations with odd names or attack-looking text that must round-trip.
	 *
	 * @param description what is odd about them
	 * @param declarations builds the declarations
	 */
	record OddNames(String description, Supplier<List<PgEntity>> declarations) {

		@Override
		public String toString() {
			return this.description;
		}

	}

}
