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

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.pgentities.testsupport.RecordingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the checks of the drift and convergence suites through every path: each check is made
 * by a fresh engine (a full check, which simulates) and then twice again by the same engine.
 * Nothing is changed before the second check, which the catalog's stamp kept by the full
 * check proves. Before the third, a change the declarations cannot see (a comment on a schema
 * nothing reads) changes the stamp, so that the third compares the definitions with those
 * the full check saw. Both must come from the cached path, sending nothing but queries and
 * settings, and must give exactly the answer of the first. A check (not an analysis) is also
 * made of the declarations compiled beforehand, which must send nothing but queries too and
 * give the same answer.
 * <p>
 * With the system property {@value #FAST_PATHS} set to {@code false}, each check is made once,
 * in full: CI runs the suites that way on every PostgreSQL version but one, where the fast
 * paths' own tests ({@code RecheckTests}, {@code CompiledDeclarationsTests},
 * {@code StandbyCheckTests}, {@code CatalogStampTests}) still run, so that the version matrix
 * stays within its time.
 */
public final class Rechecked {

	/** The system property that turns the cached and precompiled repetitions off. */
	public static final String FAST_PATHS = "pgentities.test.fastPaths";

	private static final boolean fastPaths = !"false".equals(System.getProperty(FAST_PATHS));

	private Rechecked() {
	}

	/**
	 * Checks three times, as described above.
	 * @param dataSource the database
	 * @param configure how the engine is configured
	 * @param declared the declarations
	 * @return the report of the full check
	 */
	public static DriftReport check(DataSource dataSource, UnaryOperator<PgEntitiesEngine.Builder> configure,
			Collection<? extends PgEntity> declared) {
		if (!fastPaths) {
			return configure.apply(PgEntitiesEngine.builder(dataSource)).build().check(declared);
		}
		DriftReport full = thrice(dataSource, configure, (engine) -> engine.check(declared), (report) -> report);
		RecordingDataSource recording = new RecordingDataSource(dataSource);
		CompiledDeclarations compiled = CompiledDeclarations
			.fromJson(configure.apply(PgEntitiesEngine.builder(recording)).build().compile(declared).toJson());
		recording.clear();
		DriftReport precompiled = configure.apply(PgEntitiesEngine.builder(recording)).build().check(compiled);
		assertThat(recording.changing()).as("statements of a check of declarations compiled beforehand").isEmpty();
		assertThat(precompiled.entities()).as("the answer of a check of declarations compiled beforehand")
			.isEqualTo(full.entities());
		return full;
	}

	/**
	 * Analyzes three times, as described above; the plans must be the same too.
	 * @param dataSource the database
	 * @param configure how the engine is configured
	 * @param declared the declarations
	 * @return the analysis of the full check
	 */
	public static Analysis analyze(DataSource dataSource, UnaryOperator<PgEntitiesEngine.Builder> configure,
			Collection<? extends PgEntity> declared) {
		if (!fastPaths) {
			return configure.apply(PgEntitiesEngine.builder(dataSource)).build().analyze(declared);
		}
		return thrice(dataSource, configure, (engine) -> engine.analyze(declared), Analysis::report);
	}

	/**
	 * Checks again until a check reads nothing but the catalog's stamp, and returns its report.
	 * The server is shared with other test classes, whose roles are part of the stamp: a role
	 * created meanwhile makes a check compare the definitions again, and keep the new stamp.
	 * @param recording the data source the engine checks through
	 * @param check one check by the engine
	 * @return the report of the check the stamp proved
	 */
	public static DriftReport provenByStamp(RecordingDataSource recording, Supplier<DriftReport> check) {
		for (int attempt = 0; attempt < 5; attempt++) {
			recording.clear();
			DriftReport report = check.get();
			assertThat(recording.changing()).isEmpty();
			if (recording.statements().stream().noneMatch(Rechecked::readsDefinitions)) {
				assertThat(recording.statements()).filteredOn(Rechecked::readsStamp).hasSize(1);
				return report;
			}
		}
		throw new AssertionError("No check was proven by the catalog's stamp alone: " + recording.statements());
	}

	/**
	 * Whether a statement reads the live definitions (the views' query, which every look at
	 * them sends).
	 * @param sql the statement
	 * @return whether it does
	 */
	public static boolean readsDefinitions(String sql) {
		return sql.startsWith("-- Views and materialized views");
	}

	/**
	 * Whether a statement reads the catalog's stamp.
	 * @param sql the statement
	 * @return whether it does
	 */
	public static boolean readsStamp(String sql) {
		return sql.startsWith("-- A stamp of the whole catalog");
	}

	private static <T> T thrice(DataSource dataSource, UnaryOperator<PgEntitiesEngine.Builder> configure,
			Function<PgEntitiesEngine, T> check, Function<T, DriftReport> report) {
		RecordingDataSource recording = new RecordingDataSource(dataSource);
		PgEntitiesEngine engine = configure.apply(PgEntitiesEngine.builder(recording)).build();
		T first = check.apply(engine);
		for (String again : List.of("second", "third")) {
			if (again.equals("third")) {
				changeUnseen(dataSource);
			}
			recording.clear();
			T later = check.apply(engine);
			assertThat(recording.changing()).as("statements of the %s check", again).isEmpty();
			assertThat(report.apply(later).entities()).as("the answer of the %s check", again)
				.isEqualTo(report.apply(first).entities());
			if (first instanceof Analysis analysis) {
				assertThat(((Analysis) later).plan()).isEqualTo(analysis.plan());
				assertThat(((Analysis) later).undoPlan()).isEqualTo(analysis.undoPlan());
			}
		}
		return first;
	}

	/**
	 * Commits a change of a catalog row that no check reads: a new comment on a schema of its
	 * own, which no declaration names or searches.
	 */
	private static void changeUnseen(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS pgentities_unseen; COMMENT ON SCHEMA pgentities_unseen IS '"
					+ UUID.randomUUID() + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
