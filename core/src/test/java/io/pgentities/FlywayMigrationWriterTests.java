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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link FlywayMigrationWriter}.
 */
@PostgresTest
class FlywayMigrationWriterTests {

	private static final MigrationPlan PLAN = new MigrationPlan(
			List.of("DROP VIEW public.old_report", "CREATE OR REPLACE VIEW public.report AS\nSELECT 1 AS one"),
			List.of("CHANGED VIEW public.report: CREATE OR REPLACE VIEW",
					"UNDECLARED VIEW public.old_report: drop (declared by nothing)"),
			List.of("public.old_report"));

	private static final MigrationPlan PLAN_WITHOUT_DROPS = new MigrationPlan(
			List.of("CREATE VIEW public.report AS\nSELECT 1 AS one"), List.of("MISSING VIEW public.report: create"),
			List.of());

	private final TestDatabase database;

	FlywayMigrationWriterTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void firstMigrationOfAnEmptyDirectoryIsVersionOne(@TempDir Path directory) {
		Path file = new FlywayMigrationWriter(directory).write(PLAN, "first").orElseThrow();
		assertThat(file).isEqualTo(directory.resolve("V1__first.sql"));
	}

	@Test
	void refusedPlanIsNeverWritten(@TempDir Path directory) throws IOException {
		MigrationPlan refused = MigrationPlan.refused(PlanRefusal.blockedDrop(EntityKind.FUNCTION, "public.code()",
				"drop and create (return type changed)", true, List.of("default value for column code of table public.orders")));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(PlanRefusedException.class)
			.isThrownBy(() -> new FlywayMigrationWriter(directory).write(refused, "refused"))
			.withMessageContaining("public.code()");
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void directoryThatDoesNotExistYetIsCreated(@TempDir Path directory) {
		Path migrations = directory.resolve("db").resolve("migration");
		Path file = new FlywayMigrationWriter(migrations).write(PLAN, "first").orElseThrow();
		assertThat(file).isEqualTo(migrations.resolve("V1__first.sql")).exists();
	}

	@Test
	void nextVersionFollowsTheHighestIntegerVersionInTheDirectory(@TempDir Path directory) throws IOException {
		touch(directory, "V1__init.sql", "V7__x.sql", "V3__later_written.sql", "R__repeatable.sql", "README.md",
				"V99_not_a_migration.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("8");
		Path file = new FlywayMigrationWriter(directory).write(PLAN, "add views").orElseThrow();
		assertThat(file.getFileName()).hasToString("V8__add_views.sql");
	}

	@Test
	void integerVersionsAreComparedAsNumbers(@TempDir Path directory) throws IOException {
		touch(directory, "V9__a.sql", "V10__b.sql", "V0100__padded.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("101");
	}

	@Test
	void migrationsInSubdirectoriesCount(@TempDir Path directory) throws IOException {
		touch(directory, "V2__top.sql", "nested/V5__nested.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("6");
	}

	@Test
	void dottedVersionIsIncrementedInItsLastPart(@TempDir Path directory) throws IOException {
		touch(directory, "V1.1__a.sql", "V1.2__x.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("1.3");
		Path file = new FlywayMigrationWriter(directory).write(PLAN, "x").orElseThrow();
		assertThat(file.getFileName()).hasToString("V1.3__x.sql");
	}

	@Test
	void dottedVersionPartsAreComparedAsNumbers(@TempDir Path directory) throws IOException {
		touch(directory, "V1.9__a.sql", "V1.10__b.sql", "V1.2.5__c.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("1.11");
	}

	@Test
	void underscoresInVersionsSeparateItsParts(@TempDir Path directory) throws IOException {
		touch(directory, "V1_4__a.sql", "V1_5__x.sql", "V1.3__c.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("1.6");
	}

	@Test
	void higherIntegerVersionWinsOverDottedOnes(@TempDir Path directory) throws IOException {
		touch(directory, "V1.5__a.sql", "V2__b.sql", "V1_9__c.sql");
		assertThat(new FlywayMigrationWriter(directory).nextVersion()).isEqualTo("3");
	}

	@Test
	void nextVersionFollowsTheHighestOfTheVersionsGivenAndTheDirectory(@TempDir Path directory) throws IOException {
		touch(directory, "V3__local.sql");
		assertThat(new FlywayMigrationWriter(directory).withVersions(List.of("1", "7", "2.5")).nextVersion())
			.isEqualTo("8");
		assertThat(new FlywayMigrationWriter(directory).withVersions(List.of("1", "2")).nextVersion()).isEqualTo("4");
	}

	@Test
	void versionsGivenThatAreNoNumbersAreLeftOut(@TempDir Path directory) {
		assertThat(new FlywayMigrationWriter(directory).withVersions(List.of("<< Flyway Baseline >>", "2", ""))
			.nextVersion()).isEqualTo("3");
	}

	@Test
	void nextVersionFollowsTheHistoryTableWhenItHoldsAHigherVersion(@TempDir Path applied, @TempDir Path directory)
			throws IOException {
		Files.writeString(applied.resolve("V12__create.sql"), "CREATE TABLE writer_history.marker (id integer);");
		migrate(applied, "writer_history");
		touch(directory, "V3__a.sql");
		FlywayMigrationWriter writer = new FlywayMigrationWriter(directory).withHistory(this.database.dataSource())
			.withHistoryTable("writer_history.flyway_schema_history");
		assertThat(writer.nextVersion()).isEqualTo("13");
		Path file = writer.write(PLAN, "after history").orElseThrow();
		assertThat(file.getFileName()).hasToString("V13__after_history.sql");
	}

	@Test
	void nextVersionFollowsTheDirectoryWhenItIsAheadOfTheHistoryTable(@TempDir Path applied,
			@TempDir Path directory) throws IOException {
		Files.writeString(applied.resolve("V2__create.sql"), "CREATE TABLE writer_behind.marker (id integer);");
		migrate(applied, "writer_behind");
		touch(directory, "V2__create.sql", "V5__pending.sql");
		FlywayMigrationWriter writer = new FlywayMigrationWriter(directory).withHistory(this.database.dataSource())
			.withHistoryTable("writer_behind.flyway_schema_history");
		assertThat(writer.nextVersion()).isEqualTo("6");
	}

	@Test
	void historyTableOnTheSearchPathIsReadByDefault(@TempDir Path applied, @TempDir Path directory)
			throws IOException {
		Files.writeString(applied.resolve("V4.2__create.sql"), "CREATE TABLE public.marker (id integer);");
		migrate(applied, "public");
		FlywayMigrationWriter writer = new FlywayMigrationWriter(directory).withHistory(this.database.dataSource());
		assertThat(writer.nextVersion()).isEqualTo("4.3");
	}

	@Test
	void missingHistoryTableIsIgnored(@TempDir Path directory) throws IOException {
		touch(directory, "V3__a.sql");
		FlywayMigrationWriter writer = new FlywayMigrationWriter(directory).withHistory(this.database.dataSource())
			.withHistoryTable("no_such_schema.flyway_schema_history");
		assertThat(writer.nextVersion()).isEqualTo("4");
	}

	@Test
	void emptyPlanWritesNothing(@TempDir Path directory) throws IOException {
		Path migrations = directory.resolve("migration");
		Optional<Path> written = new FlywayMigrationWriter(migrations)
			.write(new MigrationPlan(List.of(), List.of(), List.of()), "nothing");
		assertThat(written).isEmpty();
		try (Stream<Path> files = Files.walk(directory)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void headerListsChangesAndDropsBeforeTheStatements(@TempDir Path directory) throws IOException {
		Path file = new FlywayMigrationWriter(directory).write(PLAN, "Reconcile reports").orElseThrow();
		String sql = Files.readString(file, StandardCharsets.UTF_8);
		String header = sql.substring(0, sql.indexOf("\n\n") + 1);
		List<String> lines = header.lines().toList();
		assertThat(lines.get(0)).matches(
				"-- Generated by pg-entities on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)"
						+ " from the declared entities: Reconcile reports");
		assertThat(lines.subList(1, lines.size())).containsExactly("--", "-- Changes:",
				"--   CHANGED VIEW public.report: CREATE OR REPLACE VIEW",
				"--   UNDECLARED VIEW public.old_report: drop (declared by nothing)", "--",
				"-- Drops (objects removed and not recreated):", "--   public.old_report");
		assertThat(sql.substring(header.length() + 1)).endsWith(PLAN.toSql())
			.endsWith("SET LOCAL lock_timeout = '5s';\n\nDROP VIEW public.old_report;\n\nCREATE OR REPLACE VIEW public.report AS\nSELECT 1 AS one;\n\n");
	}

	@Test
	void headerListsEachPlannedStatementWithItsLockAndHazards(@TempDir Path directory) throws IOException {
		MigrationPlan plan = new MigrationPlan(List.of(
				new PlannedStatement("DROP VIEW public.old_report", EntityKind.VIEW, "public.old_report",
						new PlannedStatement.Lock("public.old_report", LockMode.ACCESS_EXCLUSIVE),
						Set.of(Hazard.DROPS_UNDECLARED)),
				new PlannedStatement("-- public.totals is created WITH DATA: its query runs now\n"
						+ "CREATE MATERIALIZED VIEW public.totals AS\nSELECT 1 AS one\nWITH DATA", EntityKind.MATERIALIZED_VIEW,
						"public.totals", null, Set.of(Hazard.RUNS_QUERY)),
				new PlannedStatement("CREATE POLICY own ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (true)",
						EntityKind.POLICY, "public.notes.own",
						new PlannedStatement.Lock("public.notes", LockMode.ACCESS_EXCLUSIVE),
						Set.of(Hazard.DROPS_DEPENDENT, Hazard.CHANGES_ACCESS))),
				List.of("UNDECLARED VIEW public.old_report: drop (declared by nothing)"), List.of("public.old_report"),
				null);
		Path file = new FlywayMigrationWriter(directory).write(plan, "hazards").orElseThrow();
		String sql = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(sql).contains("""
				--   public.old_report
				--
				-- Statements (lock held until the migration commits; hazards):
				--    1. DROP VIEW public.old_report
				--       ACCESS EXCLUSIVE on public.old_report; DROPS_UNDECLARED
				--    2. CREATE MATERIALIZED VIEW public.totals AS
				--       no lock on an existing relation; RUNS_QUERY
				--    3. CREATE POLICY own ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING (true)
				--       ACCESS EXCLUSIVE on public.notes; DROPS_DEPENDENT, CHANGES_ACCESS

				""");
	}

	@Test
	void headerOfAPlanMadeFromSqlTextListsNoStatements(@TempDir Path directory) throws IOException {
		Path file = new FlywayMigrationWriter(directory).write(PLAN, "text").orElseThrow();
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("-- Statements");
	}

	@Test
	void headerOfAPlanWithoutDropsHasNoDropsSection(@TempDir Path directory) throws IOException {
		Path file = new FlywayMigrationWriter(directory).write(PLAN_WITHOUT_DROPS, "create").orElseThrow();
		String sql = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(sql).contains("-- Changes:\n--   MISSING VIEW public.report: create\n\n-- A statement")
			.doesNotContain("Drops");
	}

	@Test
	void writtenFileIsAppliedByFlyway(@TempDir Path directory) {
		this.database.execute("CREATE SCHEMA writer_applied");
		MigrationPlan plan = new MigrationPlan(List.of("CREATE VIEW writer_applied.answer AS SELECT 42 AS value"),
				List.of("MISSING VIEW writer_applied.answer: create"), List.of());
		new FlywayMigrationWriter(directory).write(plan, "answer");
		migrate(directory, "writer_applied");
		assertThat(queryString("SELECT value::text FROM writer_applied.answer")).isEqualTo("42");
	}

	@Test
	void placeholderLikeTextTurnsFlywayPlaceholderReplacementOff(@TempDir Path directory) throws IOException {
		MigrationPlan plan = new MigrationPlan(List.of("CREATE VIEW public.template AS SELECT '${name}'::text AS t"),
				List.of("MISSING VIEW public.template: create"), List.of());
		Path file = new FlywayMigrationWriter(directory).write(plan, "template").orElseThrow();
		Path configuration = directory.resolve("V1__template.sql.conf");
		assertThat(file).exists();
		assertThat(Files.readString(configuration, StandardCharsets.UTF_8).lines())
			.contains("placeholderReplacement=false");
	}

	@Test
	void planWithoutPlaceholderLikeTextGetsNoFlywayConfiguration(@TempDir Path directory) throws IOException {
		new FlywayMigrationWriter(directory).write(PLAN, "plain").orElseThrow();
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("V1__plain.sql");
		}
	}

	@Test
	void descriptionIsCleanedForTheFileName(@TempDir Path directory) {
		Path file = new FlywayMigrationWriter(directory).write(PLAN, "  Add Views & Functions! ").orElseThrow();
		assertThat(file.getFileName()).hasToString("V1__add_views_functions.sql");
		Path next = new FlywayMigrationWriter(directory).write(PLAN, "!!!").orElseThrow();
		assertThat(next.getFileName()).hasToString("V2__pg_entities.sql");
	}

	@Test
	void undoScriptIsWrittenBesideTheMigrationWhenEnabled(@TempDir Path directory) throws IOException {
		MigrationPlan undo = new MigrationPlan(List.of("DROP VIEW public.report"),
				List.of("UNDECLARED VIEW public.report: drop"), List.of("public.report"));
		new FlywayMigrationWriter(directory).withUndo(true).write(PLAN_WITHOUT_DROPS, undo, "report");
		assertThat(directory.resolve("V1__report.sql")).exists();
		assertThat(Files.readString(directory.resolve("U1__report.sql"), StandardCharsets.UTF_8))
			.startsWith("-- Generated by pg-entities on ")
			.contains(" to undo V1__report.sql\n--\n-- Changes:\n--   UNDECLARED VIEW public.report: drop\n")
			.endsWith("DROP VIEW public.report;\n\n");
	}

	@Test
	void migrationStartsWithTheLockTimeoutOfItsTransaction(@TempDir Path directory) throws IOException {
		Path file = new FlywayMigrationWriter(directory).write(PLAN_WITHOUT_DROPS, "report").orElseThrow();
		assertThat(Files.readString(file, StandardCharsets.UTF_8))
			.contains("SET LOCAL lock_timeout = '5s';\n\nCREATE VIEW public.report AS");
		Path other = new FlywayMigrationWriter(directory.resolve("other")).withLockTimeout(Duration.ofMillis(1500))
			.write(PLAN_WITHOUT_DROPS, "report")
			.orElseThrow();
		assertThat(Files.readString(other, StandardCharsets.UTF_8)).contains("SET LOCAL lock_timeout = '1500ms';");
		Path none = new FlywayMigrationWriter(directory.resolve("none")).withLockTimeout(Duration.ZERO)
			.write(PLAN_WITHOUT_DROPS, "report")
			.orElseThrow();
		assertThat(Files.readString(none, StandardCharsets.UTF_8)).doesNotContain("lock_timeout");
	}

	@Test
	void migrationBlockedByAnotherSessionsLockFailsFastUnderFlywayAndChangesNothing(@TempDir Path directory)
			throws Exception {
		this.database.execute("""
				CREATE SCHEMA blocked;
				CREATE TABLE blocked.items (id integer);
				CREATE VIEW blocked.report AS SELECT id FROM blocked.items;
				""");
		MigrationPlan plan = new MigrationPlan(
				List.of("CREATE VIEW blocked.first AS SELECT 1 AS one", "DROP VIEW blocked.report",
						"CREATE VIEW blocked.report AS SELECT id, id + 1 AS next FROM blocked.items"),
				List.of("CHANGED VIEW blocked.report: drop and create"), List.of());
		new FlywayMigrationWriter(directory).withLockTimeout(Duration.ofSeconds(1)).write(plan, "blocked report");
		try (Connection reader = this.database.connect()) {
			reader.setAutoCommit(false);
			try (Statement statement = reader.createStatement()) {
				// a reader holds ACCESS SHARE on the view until it ends; DROP VIEW needs ACCESS EXCLUSIVE
				statement.execute("SELECT * FROM blocked.report");
			}
			long start = System.nanoTime();
			assertThatException().isThrownBy(() -> migrate(directory, "blocked_history"))
				.withStackTraceContaining("canceling statement due to lock timeout");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			reader.rollback();
		}
		assertThat(queryString("SELECT count(*) FROM pg_class WHERE relname = 'first'")).isEqualTo("0");
		assertThat(queryString("SELECT pg_get_viewdef('blocked.report'::regclass)")).doesNotContain("next");
		assertThat(queryString("SELECT count(*) FROM blocked_history.flyway_schema_history WHERE version = '1' AND success")).isEqualTo("0");
	}

	private void migrate(Path locations, String schema) {
		Flyway.configure()
			.dataSource(this.database.jdbcUrl(), this.database.user(), this.database.password())
			.locations("filesystem:" + locations.toAbsolutePath())
			.schemas(schema)
			.load()
			.migrate();
	}

	private String queryString(String sql) {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void touch(Path directory, String... names) throws IOException {
		for (String name : names) {
			Path file = directory.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "SELECT 1;\n");
		}
	}

}
