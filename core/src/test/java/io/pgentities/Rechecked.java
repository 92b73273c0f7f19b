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

import java.util.Collection;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.pgentities.testsupport.RecordingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the checks of the drift and convergence suites through every path: each check is made
 * by a fresh engine (a full check, which simulates) and then again by the same engine, with
 * nothing changed in between; the second check must come from the cached path, sending
 * nothing but queries and settings, and must give exactly the answer of the first. A check
 * (not an analysis) is also made of the declarations compiled beforehand, which must send
 * nothing but queries too and give the same answer.
 * <p>
 * With the system property {@value #FAST_PATHS} set to {@code false}, each check is made once,
 * in full: CI runs the suites that way on every PostgreSQL version but one, where the fast
 * paths' own tests ({@code RecheckTests}, {@code CompiledDeclarationsTests},
 * {@code StandbyCheckTests}) still run, so that the version matrix stays within its time.
 */
public final class Rechecked {

	/** The system property that turns the cached and precompiled repetitions off. */
	public static final String FAST_PATHS = "pgentities.test.fastPaths";

	private static final boolean fastPaths = !"false".equals(System.getProperty(FAST_PATHS));

	private Rechecked() {
	}

	/**
	 * Checks twice, as described above.
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
		DriftReport full = twice(dataSource, configure, (engine) -> engine.check(declared), (report) -> report);
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
	 * Analyzes twice, as described above; the plans must be the same too.
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
		return twice(dataSource, configure, (engine) -> engine.analyze(declared), Analysis::report);
	}

	private static <T> T twice(DataSource dataSource, UnaryOperator<PgEntitiesEngine.Builder> configure,
			Function<PgEntitiesEngine, T> check, Function<T, DriftReport> report) {
		RecordingDataSource recording = new RecordingDataSource(dataSource);
		PgEntitiesEngine engine = configure.apply(PgEntitiesEngine.builder(recording)).build();
		T first = check.apply(engine);
		recording.clear();
		T second = check.apply(engine);
		assertThat(recording.changing()).as("statements of a check with nothing changed since the last one")
			.isEmpty();
		assertThat(report.apply(second).entities()).as("the answer of a check with nothing changed")
			.isEqualTo(report.apply(first).entities());
		if (first instanceof Analysis analysis) {
			assertThat(((Analysis) second).plan()).isEqualTo(analysis.plan());
			assertThat(((Analysis) second).undoPlan()).isEqualTo(analysis.undoPlan());
		}
		return first;
	}

}
