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
package io.pgentities.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.pgentities.CompiledDeclarations;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link PgEntitiesCli}.
 */
@PostgresTest
class PgEntitiesCliTests {

	private static final String TABLES = """
			CREATE TABLE products (product_id serial PRIMARY KEY, product_name text NOT NULL, price numeric(10, 2));
			""";

	private static final String CHEAP_PRODUCTS = """
			-- products under ten
			CREATE VIEW cheap_products AS
			    SELECT product_id, product_name FROM products WHERE price < 10;
			""";

	private static final String PRODUCT_COUNT = """
			CREATE FUNCTION product_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER
			    AS $$ SELECT count(*) FROM public.products $$;
			""";

	private final TestDatabase database;

	@TempDir
	Path directory;

	PgEntitiesCliTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void freshSchema() {
		this.database.execute("drop schema if exists public cascade; create schema public;");
		this.database.execute(TABLES);
	}

	@Test
	void checkExitsZeroWhenTheDatabaseHasTheDeclaredEntities() throws IOException {
		this.database.execute(CHEAP_PRODUCTS);
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run run = run("check", "--entities", "db/entities");

		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("1 in sync, 0 drifted");
	}

	@Test
	void compileWritesCompiledDeclarationsThatAnInSyncCheckUsesWithoutSimulating() throws IOException {
		this.database.execute(CHEAP_PRODUCTS);
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run run = run("compile", "--entities", "db/entities", "--output",
				"target/classes/META-INF/pg-entities/compiled.json");

		assertThat(run.code()).isZero();
		CompiledDeclarations compiled = CompiledDeclarations.fromJson(
				Files.readString(this.directory.resolve("target/classes/META-INF/pg-entities/compiled.json")));
		assertThat(compiled.declarations()).extracting(PgEntity::identity).containsExactly("public.cheap_products");
		assertThat(PgEntitiesEngine.create(this.database.dataSource()).check(compiled).inSync()).isTrue();
	}

	@Test
	void checkExitsOneOnDriftAndNamesTheFileAndLineRelativeToTheWorkingDirectory() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run run = run("check", "--entities", "db/entities");

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).contains("MISSING VIEW public.cheap_products (db/entities/views.sql:2)",
				"+CREATE VIEW public.cheap_products AS", "Plan:");
	}

	@Test
	void checkWritesTheReportToAFileInTheFormatAsked() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run run = run("check", "--entities", "db/entities", "--format", "json", "--output", "reports/drift.json");

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(Files.readString(this.directory.resolve("reports/drift.json"))).contains("\"inSync\" : false",
				"\"status\" : \"MISSING\"", "\"source\" : \"db/entities/views.sql:2\"");
	}

	@Test
	void checkAcceptsTheDriftOfABaselineAndFailsOnDifferentDrift() throws IOException {
		this.database.execute(CHEAP_PRODUCTS);
		write("db/entities/views.sql", CHEAP_PRODUCTS.replace("< 10", "< 20"));

		Run recorded = run("check", "--entities", "db/entities", "--write-baseline", "baseline.json");
		Run accepted = run("check", "--entities", "db/entities", "--baseline", "baseline.json");
		write("db/entities/views.sql", CHEAP_PRODUCTS.replace("< 10", "< 30"));
		Run different = run("check", "--entities", "db/entities", "--baseline", "baseline.json");

		assertThat(recorded.code()).isZero();
		assertThat(Files.readString(this.directory.resolve("baseline.json"))).contains("\"public.cheap_products\"",
				"\"CHANGED\"");
		assertThat(accepted.code()).isZero();
		assertThat(accepted.out()).contains("accepted by the baseline");
		assertThat(different.code()).isEqualTo(1);
		assertThat(different.out()).contains("differs from the baseline");
	}

	@Test
	void checkReportsLintFindingsInEveryFormatWithoutFailingByDefault() throws IOException {
		this.database.execute(PRODUCT_COUNT);
		write("db/entities/functions.sql", "-- pg-entities:allow security-definer-public-execute\n" + PRODUCT_COUNT);

		Run text = run("check", "--entities", "db/entities");
		Run json = run("check", "--entities", "db/entities", "--format", "json");
		Run junit = run("check", "--entities", "db/entities", "--format", "junit");
		Run sarif = run("check", "--entities", "db/entities", "--format", "sarif");

		assertThat(text.code()).isZero();
		assertThat(text.out()).contains("1 in sync, 0 drifted", "Lint:\n[security-definer-search-path] FUNCTION "
				+ "public.product_count() (db/entities/functions.sql:2)");
		assertThat(json.code()).isZero();
		assertThat(json.out()).contains("\"rule\" : \"security-definer-search-path\"",
				"\"source\" : \"db/entities/functions.sql:2\"");
		assertThat(junit.code()).isZero();
		assertThat(junit.out()).contains("classname=\"pg-entities.lint.security-definer-search-path\"",
				"failures=\"0\"");
		assertThat(sarif.code()).isZero();
		assertThat(sarif.out()).contains("\"ruleId\" : \"security-definer-search-path\"", "\"level\" : \"warning\"",
				"\"uri\" : \"db/entities/functions.sql\"", "\"startLine\" : 2");
		// silenced in the file
		assertThat(text.out() + json.out() + junit.out() + sarif.out())
			.doesNotContain("\"ruleId\" : \"security-definer-public-execute\"", "[security-definer-public-execute]",
					"\"rule\" : \"security-definer-public-execute\"", "pg-entities.lint.security-definer-public-execute");
	}

	@Test
	void checkWithLintFailExitsOneOnAFindingEvenWhenInSync() throws IOException {
		this.database.execute(PRODUCT_COUNT);
		write("db/entities/functions.sql", "-- pg-entities:allow security-definer-public-execute\n" + PRODUCT_COUNT);

		Run failed = run("check", "--entities", "db/entities", "--lint", "fail", "--format", "junit");

		assertThat(failed.code()).isEqualTo(1);
		assertThat(failed.out()).contains("failures=\"1\"", "type=\"security-definer-search-path\"");
	}

	@Test
	void checkWithLintFailExitsZeroWhenEveryFindingIsSilenced() throws IOException {
		this.database.execute(PRODUCT_COUNT);
		write("db/entities/functions.sql",
				"-- pg-entities:allow security-definer-public-execute, security-definer-search-path\n" + PRODUCT_COUNT);

		Run run = run("check", "--entities", "db/entities", "--lint", "fail");

		assertThat(run.code()).isZero();
		assertThat(run.out()).doesNotContain("Lint");
	}

	@Test
	void checkWithLintOffDoesNotLint() throws IOException {
		this.database.execute(PRODUCT_COUNT);
		write("db/entities/functions.sql", PRODUCT_COUNT);

		Run run = run("check", "--entities", "db/entities", "--lint", "off", "--format", "json");

		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("\"lint\" : [ ]");
	}

	@Test
	void checkExitsTwoOnAnUnknownLintMode() throws IOException {
		write("db/entities/functions.sql", PRODUCT_COUNT);

		Run run = run("check", "--entities", "db/entities", "--lint", "loud");

		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("Unknown lint mode 'loud': use off, warn or fail");
	}

	@Test
	void checkExitsTwoWhenTheDatabaseCannotBeReached() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run run = runWithUrl("jdbc:postgresql://127.0.0.1:1/nowhere", "check", "--entities", "db/entities");

		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere");
	}

	@Test
	void checkExitsTwoOnBadInput() throws IOException {
		write("db/entities/tables.sql", "CREATE TABLE t (id integer);");

		assertThat(run("check", "--entities", "db/entities").err()).contains("db/entities/tables.sql:1");
		assertThat(run("check", "--entities", "db/entities").code()).isEqualTo(2);
		assertThat(run("check", "--entities", "no/such/dir").code()).isEqualTo(2);
		assertThat(run("check", "--entities", "db/entities", "--format", "xml").code()).isEqualTo(2);
		assertThat(run("check", "--no-such-option").code()).isEqualTo(2);
		assertThat(run("check").err()).contains("Nothing to compare");
		write("db/valid/views.sql", CHEAP_PRODUCTS);
		assertThat(runWithUrl(null, "check", "--entities", "db/valid").err()).contains("No database");
	}

	@Test
	void checkExitsTwoWhenPostgresqlRejectsADeclaration() throws IOException {
		write("db/entities/views.sql", "CREATE VIEW broken AS SELECT no_such_column FROM products;");

		Run run = run("check", "--entities", "db/entities");

		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("public.broken", "db/entities/views.sql:1", "no_such_column");
	}

	@Test
	void withoutUrlCheckRunsTheMigrationsOnAnEmbeddedPostgresql() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);
		write("db/migration/V1__tables.sql", TABLES);

		Run drift = runWithUrl(null, "check", "--migrations", "db/migration", "--entities", "db/entities", "--format",
				"sarif");

		assertThat(drift.code()).as(drift.err()).isEqualTo(1);
		assertThat(drift.out()).contains("\"ruleId\" : \"pg-entities/missing\"",
				"\"uri\" : \"db/entities/views.sql\"", "\"startLine\" : 2");
	}

	@Test
	void ignoredObjectsAreNeitherReportedNorImported() throws IOException {
		this.database.execute(CHEAP_PRODUCTS);
		this.database.execute("CREATE VIEW legacy_prices AS SELECT price FROM products");
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run undeclared = run("check", "--entities", "db/entities", "--schemas", "public");
		Run ignored = run("check", "--entities", "db/entities", "--schemas", "public", "--ignore", "public.legacy_*");
		Run imported = run("import", "--schemas", "public", "--ignore", "public.legacy_*", "--output-dir", "imported");

		assertThat(undeclared.code()).isEqualTo(1);
		assertThat(undeclared.out()).contains("UNDECLARED VIEW public.legacy_prices (database)");
		assertThat(ignored.code()).isZero();
		assertThat(ignored.out()).contains("1 in sync, 0 drifted");
		assertThat(imported.out()).contains("Imported 1 entities");
		assertThat(files("imported")).containsExactly("imported/views/public.cheap_products.sql");
		assertThat(run("check", "--entities", "db/entities", "--ignore", " ").code()).isEqualTo(2);
	}

	@Test
	void planPrintsTheStatementsAndExitsOneWhenThereAreAny() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		Run pending = run("plan", "--entities", "db/entities");
		this.database.execute(CHEAP_PRODUCTS);
		Run done = run("plan", "--entities", "db/entities");

		assertThat(pending.code()).isEqualTo(1);
		assertThat(pending.out()).startsWith("CREATE VIEW public.cheap_products AS");
		assertThat(done.code()).isZero();
		assertThat(done.out()).isEmpty();
	}

	@Test
	void generateWritesTheNextFlywayMigrationAfterTheDirectoryAndTheHistory() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);
		write("db/migration/V1__tables.sql", TABLES);
		this.database.execute("create table flyway_schema_history (version varchar(50));"
				+ "insert into flyway_schema_history values ('1'), ('4')");

		Run run = run("generate", "--entities", "db/entities", "--output-dir", "db/migration", "--description",
				"Cheap products");

		assertThat(run.code()).isZero();
		Path migration = this.directory.resolve("db/migration/V5__cheap_products.sql");
		assertThat(run.out()).contains("Wrote " + migration);
		assertThat(Files.readString(migration)).contains("CREATE VIEW public.cheap_products AS");
		this.database.execute(Files.readString(migration));
		assertThat(run("check", "--entities", "db/entities").code()).isZero();
	}

	@Test
	void generatedMigrationFailsWhenTheDatabaseChangedSinceUnlessWrittenWithoutGuard() throws IOException {
		write("db/entities/views.sql", CHEAP_PRODUCTS);

		assertThat(run("generate", "--entities", "db/entities", "--output-dir", "guarded").code()).isZero();
		assertThat(run("generate", "--entities", "db/entities", "--output-dir", "unguarded", "--no-guard").code())
			.isZero();
		String guarded = Files.readString(this.directory.resolve("guarded/V1__pg_entities.sql"));
		String unguarded = Files.readString(this.directory.resolve("unguarded/V1__pg_entities.sql"));
		this.database.execute("CREATE VIEW cheap_products AS SELECT 1 AS one");

		assertThatException().isThrownBy(() -> this.database.execute(guarded))
			.withStackTraceContaining("the database changed since this migration was generated: VIEW public.cheap_products");
		assertThat(unguarded).doesNotContain("pg_entities_guard").contains("CREATE VIEW public.cheap_products AS");
	}

	@Test
	void importWritesDeclarationsThatCheckInSyncWithTheSameDatabase() throws IOException {
		this.database.execute(CHEAP_PRODUCTS);
		this.database.execute("""
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN new; END $$;
				CREATE TRIGGER touch BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE MATERIALIZED VIEW prices AS SELECT price, count(*) AS n FROM products GROUP BY price;
				CREATE UNIQUE INDEX prices_price ON prices (price);
				CREATE POLICY visible ON products USING (price IS NOT NULL);
				COMMENT ON VIEW cheap_products IS 'under ten';
				""");

		Run imported = run("import", "--schemas", "public", "--output-dir", "db/entities");
		Run check = run("check", "--entities", "db/entities", "--schemas", "public");

		assertThat(imported.code()).isZero();
		assertThat(imported.out()).contains("Imported 5 entities");
		assertThat(files("db/entities")).containsExactly("db/entities/functions/public.touch.sql",
				"db/entities/materialized-views/public.prices.sql", "db/entities/policies/public.products.visible.sql",
				"db/entities/triggers/public.products.touch.sql", "db/entities/views/public.cheap_products.sql");
		assertThat(check.code()).as(check.out()).isZero();
		assertThat(check.out()).contains("5 in sync, 0 drifted");
	}

	@Test
	void importNeedsSchemasAndRefusesToOverwrite() throws IOException {
		this.database.execute(CHEAP_PRODUCTS);

		assertThat(run("import", "--output-dir", "db/entities").code()).isEqualTo(2);
		assertThat(run("import", "--schemas", "public", "--output-dir", "db/entities").code()).isZero();
		Run again = run("import", "--schemas", "public", "--output-dir", "db/entities");
		assertThat(again.code()).isEqualTo(2);
		assertThat(again.err()).contains("exists already");
	}

	@Test
	void everyCommandHasHelp() {
		for (String command : List.of("check", "plan", "generate", "import")) {
			Run run = runWithUrl(null, command, "--help");
			assertThat(run.code()).isZero();
			assertThat(run.out()).contains("Usage: pg-entities " + command, "--url", "Exit codes:");
		}
		assertThat(runWithUrl(null).code()).isEqualTo(2);
	}

	private Run run(String... args) {
		return runWithUrl(this.database.jdbcUrl(), args);
	}

	private Run runWithUrl(String url, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		if (url != null && args.length > 0) {
			arguments.addAll(List.of("--url", url, "--user", this.database.user(), "--password",
					this.database.password()));
		}
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = PgEntitiesCli.run(this.directory, new PrintWriter(out), new PrintWriter(err),
				arguments.toArray(String[]::new));
		return new Run(code, out.toString(), err.toString());
	}

	private void write(String file, String text) throws IOException {
		Path path = this.directory.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

	private List<String> files(String under) throws IOException {
		try (Stream<Path> files = Files.walk(this.directory.resolve(under))) {
			return files.filter(Files::isRegularFile)
				.map((file) -> this.directory.relativize(file).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	private record Run(int code, String out, String err) {

	}

}
