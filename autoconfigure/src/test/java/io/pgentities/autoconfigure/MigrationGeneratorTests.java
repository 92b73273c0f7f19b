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
package io.pgentities.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.TenantTemplate;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationGenerator}.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class MigrationGeneratorTests {

	private static final MigrationPlan PLAN = new MigrationPlan(
			List.of("CREATE VIEW public.item_names AS SELECT name FROM items"), List.of("MISSING VIEW public.item_names"),
			List.of());

	private static final MigrationPlan UNDO = new MigrationPlan(List.of("DROP VIEW public.item_names"),
			List.of("UNDECLARED VIEW public.item_names"), List.of("public.item_names"));

	private static final MigrationPlan EMPTY = new MigrationPlan(List.of(), List.of(), List.of());

	private final TestDatabase database;

	@TempDir
	Path directory;

	MigrationGeneratorTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void writesThePlanAsTheNextVersionInTheDirectory(CapturedOutput output) throws IOException {
		Files.writeString(this.directory.resolve("V1__init.sql"), "CREATE TABLE items (id integer)");
		Optional<Path> written = generator(properties(), null, getClass()).generate(analysis(PLAN));
		assertThat(written).contains(this.directory.resolve("V2__pg_entities.sql"));
		assertThat(written.get()).content().contains("CREATE VIEW public.item_names AS SELECT name FROM items;");
		assertThat(output).contains("pg-entities: wrote migration " + written.get());
	}

	@Test
	void startsTheMigrationWithTheLockTimeoutForApplying() {
		Optional<Path> written = generator(properties(), null, getClass()).lockTimeout(Duration.ofSeconds(3))
			.generate(analysis(PLAN));
		assertThat(written.get()).content().contains("SET LOCAL lock_timeout = '3s';");
	}

	@Test
	void startsTheMigrationWithTheGuardOfTheObjectsItReplacesUnlessTurnedOff() throws IOException {
		this.database.execute("CREATE SCHEMA guarded; CREATE VIEW guarded.report AS SELECT 1 AS one");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas("guarded").build();
		Analysis analysis = engine.analyze(PgEntities.fromSql("CREATE VIEW guarded.report AS SELECT 1 AS one, 2 AS two"));
		PgEntitiesProperties.Generate unguarded = properties();
		unguarded.setGuard(false);
		unguarded.setDescription("unguarded");

		Path guardedFile = generator(properties(), null, getClass()).guardedBy(engine).generate(analysis).orElseThrow();
		Path unguardedFile = generator(unguarded, null, getClass()).guardedBy(engine).generate(analysis).orElseThrow();

		assertThat(Files.readString(guardedFile)).contains("DO $pg_entities_guard$",
				"unnest(ARRAY['VIEW']::text[], ARRAY['guarded.report']::text[])");
		assertThat(Files.readString(unguardedFile)).doesNotContain("pg_entities_guard");
	}

	@Test
	void writesTheTenantMigrationAsTheVersionAfterTheEntitiesOneWhileTenantSchemasDrift(CapturedOutput output)
			throws IOException {
		for (String tenant : List.of("gen_tenant_a", "gen_tenant_b")) {
			this.database.execute("CREATE SCHEMA " + tenant + "; CREATE TABLE " + tenant
					+ ".orders (id integer PRIMARY KEY, total numeric NOT NULL)");
		}
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		PgEntitiesTenantChecker tenants = new PgEntitiesTenantChecker(engine,
				TenantTemplate.fromSql("CREATE VIEW open_orders AS SELECT id FROM orders WHERE total > 0", "open.sql"),
				PgEntitiesTenants.matching(List.of("gen_tenant_*")), Duration.ZERO);
		Files.writeString(this.directory.resolve("V1__init.sql"), "CREATE TABLE items (id integer)");

		Optional<Path> written = generator(properties(), null, getClass()).tenants(tenants).generate(analysis(PLAN));

		assertThat(written).contains(this.directory.resolve("V2__pg_entities.sql"));
		Path tenantMigration = this.directory.resolve("V3__pg_entities_tenants.sql");
		assertThat(tenantMigration).content()
			.startsWith("-- Generated by pg-entities on ")
			.contains("--   TENANTS matching [gen_tenant_*], 2 now:\n--     MISSING VIEW open_orders: create\n")
			.contains("--    1. DO $pgentities$\n--      1.1. CREATE VIEW %1$I.open_orders AS\n")
			.contains("SET LOCAL lock_timeout = '5s';")
			.contains("LIKE ANY (ARRAY['gen\\_tenant\\_%']::text[])");
		assertThat(output).contains("pg-entities: wrote tenant migration " + tenantMigration + " with 1 loop");
		this.database.execute(Files.readString(tenantMigration));
		assertThat(tenants.check().inSync()).isTrue();

		assertThat(generator(properties(), null, getClass()).tenants(tenants).generate(analysis(EMPTY))).isEmpty();
		try (var files = Files.list(this.directory)) {
			assertThat(files).hasSize(3);
		}
		assertThat(output).contains("pg-entities: the tenant schemas match the tenant template, no tenant migration written");
	}

	@Test
	void namesTheFileAfterTheDescription() {
		PgEntitiesProperties.Generate properties = properties();
		properties.setDescription("item views");
		assertThat(generator(properties, null, getClass()).generate(analysis(PLAN)))
			.contains(this.directory.resolve("V1__item_views.sql"));
	}

	@Test
	void followsTheVersionsOfTheFlywayHistory() {
		this.database.execute("CREATE SCHEMA history; CREATE TABLE history.migrations (version text);"
				+ "INSERT INTO history.migrations VALUES ('6'), ('7'), (NULL)");
		assertThat(generator(properties(), "history.migrations", getClass()).generate(analysis(PLAN)))
			.contains(this.directory.resolve("V8__pg_entities.sql"));
	}

	@Test
	void writesNothingForAnEmptyPlan(CapturedOutput output) throws IOException {
		assertThat(generator(properties(), null, getClass()).generate(analysis(EMPTY))).isEmpty();
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
		assertThat(output).contains("pg-entities: the database matches the declarations, no migration written");
	}

	@Test
	void writesNothingWhenTheApplicationRunsFromAJar(CapturedOutput output) throws IOException {
		assertThat(generator(properties(), null, SpringApplication.class).generate(analysis(PLAN))).isEmpty();
		try (var files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
		assertThat(output).contains("pg-entities: not writing a migration because the application runs from ")
			.contains("spring-boot-" + SpringBootVersion.getVersion() + ".jar")
			.contains("pg-entities.generate.force=true");
	}

	@Test
	void writesFromAJarWhenForced() {
		PgEntitiesProperties.Generate properties = properties();
		properties.setForce(true);
		assertThat(generator(properties, null, SpringApplication.class).generate(analysis(PLAN))).isPresent();
	}

	@Test
	void writesTheUndoScriptWhenUndoIsSet() throws IOException {
		PgEntitiesProperties.Generate properties = properties();
		properties.setUndo(true);
		assertThat(generator(properties, null, getClass()).generate(analysis(PLAN))).isPresent();
		try (var files = Files.list(this.directory)) {
			assertThat(files).extracting((file) -> file.getFileName().toString())
				.containsExactlyInAnyOrder("V1__pg_entities.sql", "U1__pg_entities.sql");
		}
		assertThat(this.directory.resolve("U1__pg_entities.sql")).content().contains("DROP VIEW public.item_names;");
	}

	@Test
	void writesNoUndoScriptByDefault() throws IOException {
		assertThat(generator(properties(), null, getClass()).generate(analysis(PLAN))).isPresent();
		try (var files = Files.list(this.directory)) {
			assertThat(files).extracting((file) -> file.getFileName().toString()).containsExactly("V1__pg_entities.sql");
		}
	}

	@Test
	void directoryIsFlywaysDefaultWhenNeitherSetNorGivenByFlyway() {
		MigrationGenerator generator = new MigrationGenerator(new PgEntitiesProperties().getGenerate(),
				this.database.dataSource(), null, getClass());
		assertThat(generator.directory()).isEqualTo(Path.of("src/main/resources/db/migration"));
	}

	@Test
	void directoryIsTheFirstOfFlywaysLocationsWhenNotSet() {
		Flyway flyway = Flyway.configure()
			.dataSource(this.database.dataSource())
			.locations("classpath:db/flyway", "classpath:db/more")
			.load();
		MigrationGenerator generator = new MigrationGenerator(new PgEntitiesProperties().getGenerate(),
				this.database.dataSource(), null, new FlywayBeanMigrations(flyway), getClass());
		assertThat(generator.directory()).isEqualTo(Path.of("src/main/resources/db/flyway"));
	}

	@Test
	void directorySetWinsOverFlywaysLocations() {
		Flyway flyway = Flyway.configure()
			.dataSource(this.database.dataSource())
			.locations("filesystem:" + this.directory.resolve("flyway"))
			.load();
		MigrationGenerator generator = new MigrationGenerator(properties(), this.database.dataSource(), null,
				new FlywayBeanMigrations(flyway), getClass());
		assertThat(generator.directory()).isEqualTo(this.directory);
	}

	@Test
	void packagedJarIsTheArchiveOfAClassLoadedFromOne() {
		assertThat(MigrationGenerator.packagedJar(SpringApplication.class)).isFile()
			.hasName("spring-boot-" + SpringBootVersion.getVersion() + ".jar");
	}

	@Test
	void packagedJarIsNullForAClassLoadedFromADirectory() {
		assertThat(MigrationGenerator.packagedJar(getClass())).isNull();
	}

	@Test
	void archiveOfANestedJarUrlIsTheOutermostJar() {
		assertThat(MigrationGenerator.archive("jar:nested:/srv/my%20app.jar/!BOOT-INF/classes/!/"))
			.isEqualTo(new File("/srv/my app.jar"));
	}

	@Test
	void archiveOfAJarUrlIsTheJar() {
		assertThat(MigrationGenerator.archive("jar:file:/srv/lib/app.jar!/")).isEqualTo(new File("/srv/lib/app.jar"));
	}

	@Test
	void archiveOfAFileUrlIsTheFile() {
		assertThat(MigrationGenerator.archive("file:/srv/app/target/classes/"))
			.isEqualTo(new File("/srv/app/target/classes"));
	}

	@Test
	void archiveOfAnotherUrlIsNull() {
		assertThat(MigrationGenerator.archive("https://example.com/app.jar")).isNull();
	}

	private static Analysis analysis(MigrationPlan plan) {
		return new Analysis(new DriftReport(List.of(), Duration.ZERO), plan, UNDO);
	}

	private PgEntitiesProperties.Generate properties() {
		PgEntitiesProperties.Generate properties = new PgEntitiesProperties().getGenerate();
		properties.setDirectory(this.directory.toString());
		return properties;
	}

	private MigrationGenerator generator(PgEntitiesProperties.Generate properties, String historyTable,
			Class<?> mainClass) {
		return new MigrationGenerator(properties, this.database.dataSource(), historyTable, mainClass);
	}

}
