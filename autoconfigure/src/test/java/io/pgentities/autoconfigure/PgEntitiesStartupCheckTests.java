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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.pgentities.EntityRejectedException;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.PgEntitiesProperties.CheckMode;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PgEntitiesStartupCheck}.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class PgEntitiesStartupCheckTests {

	private static final PgView IN_SYNC = PgView.of("startup", "in_sync", "SELECT 1 AS one");

	private static final PgView MISSING = PgView.of("startup", "missing", "SELECT 2 AS two");

	private final TestDatabase database;

	PgEntitiesStartupCheckTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute("CREATE SCHEMA startup; CREATE VIEW startup.in_sync AS SELECT 1 AS one");
	}

	@Test
	void offDoesNotCheck() {
		PgEntitiesChecker checker = checker(IN_SYNC, MISSING);
		new PgEntitiesStartupCheck(checker, CheckMode.OFF, null).afterSingletonsInstantiated();
		assertThat(checker.lastAnalysis()).isNull();
	}

	@Test
	void warnLogsOneLineWhenInSync(CapturedOutput output) {
		PgEntitiesChecker checker = checker(IN_SYNC);
		new PgEntitiesStartupCheck(checker, CheckMode.WARN, null).afterSingletonsInstantiated();
		assertThat(checker.lastAnalysis()).isNotNull();
		assertThat(output).containsPattern("INFO .* pg-entities: 1 entity in sync \\(\\d+ ms\\)")
			.doesNotContain("WARN");
	}

	@Test
	void warnLogsTheDriftedEntitiesAndThePlan(CapturedOutput output) {
		new PgEntitiesStartupCheck(checker(IN_SYNC, MISSING), CheckMode.WARN, null).afterSingletonsInstantiated();
		assertThat(output).containsPattern("WARN .* pg-entities: 1 of 2 entities differ from the database")
			.contains("    MISSING VIEW startup.missing (declared in bean 'missing')")
			.contains("CREATE VIEW startup.missing")
			.contains("pg-entities.generate.on-startup=true")
			.doesNotContain("startup.in_sync (declared");
	}

	@Test
	void logLinesNameTheDataSourceWhenSeveralAreChecked(CapturedOutput output) {
		List<PgEntity> entities = List.of(MISSING.withSource("bean 'missing'"));
		PgEntitiesChecker checker = new PgEntitiesChecker("reportingDataSource",
				PgEntitiesEngine.create(this.database.dataSource()), () -> entities, Duration.ZERO);
		new PgEntitiesStartupCheck(checker, CheckMode.WARN, null, DriftAdvice.DEFAULTS, true)
			.afterSingletonsInstantiated();
		assertThat(output).containsPattern(
				"WARN .* pg-entities \\(DataSource 'reportingDataSource'\\): \\d+ of \\d+ entities differ from the database")
			.contains("    MISSING VIEW startup.missing (declared in bean 'missing')");
	}

	@Test
	void failThrowsWhenTheDatabaseDiffers() {
		assertThatExceptionOfType(PgEntitiesDriftException.class)
			.isThrownBy(() -> new PgEntitiesStartupCheck(checker(IN_SYNC, MISSING), CheckMode.FAIL, null)
				.afterSingletonsInstantiated())
			.satisfies((ex) -> assertThat(ex.getReport().drifted()).singleElement()
				.satisfies((entity) -> assertThat(entity.identity()).isEqualTo("startup.missing")))
			.satisfies((ex) -> assertThat(ex.getPlan().statements()).isNotEmpty());
	}

	@Test
	void failPassesWhenInSync(CapturedOutput output) {
		new PgEntitiesStartupCheck(checker(IN_SYNC), CheckMode.FAIL, null).afterSingletonsInstantiated();
		assertThat(output).contains("pg-entities: 1 entity in sync");
	}

	@Test
	void warnDoesNotStopTheApplicationWhenTheDatabaseCannotBeChecked(CapturedOutput output) {
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setURL(this.database.jdbcUrl());
		unreachable.setUser(this.database.user());
		unreachable.setPassword(this.database.password());
		unreachable.setDatabaseName("pge_does_not_exist");
		PgEntitiesChecker checker = new PgEntitiesChecker(PgEntitiesEngine.create(unreachable), () -> List.of(IN_SYNC),
				Duration.ZERO);
		new PgEntitiesStartupCheck(checker, CheckMode.WARN, null).afterSingletonsInstantiated();
		assertThat(output).contains("pg-entities: could not check the database: ");
		assertThatExceptionOfType(io.pgentities.PgEntitiesException.class)
			.isThrownBy(() -> new PgEntitiesStartupCheck(checker, CheckMode.FAIL, null).afterSingletonsInstantiated());
	}

	@Test
	void warnStopsTheApplicationWhenPostgresRejectsADeclaration() {
		PgView rejected = PgView.of("startup", "rejected", "SELECT no_such_column FROM startup.in_sync");
		assertThatExceptionOfType(EntityRejectedException.class)
			.isThrownBy(() -> new PgEntitiesStartupCheck(checker(rejected), CheckMode.WARN, null)
				.afterSingletonsInstantiated())
			.satisfies((ex) -> assertThat(ex.getEntitySource()).isEqualTo("bean 'rejected'"));
	}

	@Test
	void generateWritesTheMigrationAndWarnsInsteadOfFailing(@TempDir Path directory, CapturedOutput output) {
		PgEntitiesProperties.Generate properties = new PgEntitiesProperties().getGenerate();
		properties.setOnStartup(true);
		properties.setDirectory(directory.toString());
		MigrationGenerator generator = new MigrationGenerator(properties, this.database.dataSource(), null,
				getClass());
		new PgEntitiesStartupCheck(checker(IN_SYNC, MISSING), CheckMode.FAIL, generator).afterSingletonsInstantiated();
		assertThat(directory.resolve("V1__pg_entities.sql")).content().contains("CREATE VIEW startup.missing");
		assertThat(output).contains("pg-entities: wrote migration").contains("MISSING VIEW startup.missing");
	}

	@Test
	void generateWorksWithTheCheckOff(@TempDir Path directory) {
		PgEntitiesProperties.Generate properties = new PgEntitiesProperties().getGenerate();
		properties.setDirectory(directory.toString());
		MigrationGenerator generator = new MigrationGenerator(properties, this.database.dataSource(), null,
				getClass());
		new PgEntitiesStartupCheck(checker(IN_SYNC, MISSING), CheckMode.OFF, generator).afterSingletonsInstantiated();
		assertThat(directory.resolve("V1__pg_entities.sql")).exists();
	}

	private PgEntitiesChecker checker(PgView... views) {
		List<PgEntity> entities = java.util.Arrays.stream(views)
			.<PgEntity>map((view) -> view.withSource("bean '" + view.name() + "'"))
			.toList();
		return new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()), () -> entities,
				Duration.ZERO);
	}

}
