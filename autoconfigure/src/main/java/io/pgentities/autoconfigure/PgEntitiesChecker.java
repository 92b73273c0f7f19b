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

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.pgentities.Analysis;
import io.pgentities.CompiledDeclarations;
import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.LintFinding;
import io.pgentities.LintedAnalysis;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks the {@link PgEntityDeclarations declared entities} against the database with a
 * {@link PgEntitiesEngine} and remembers the last result, so that frequent readers
 * (health probes, metrics) do not run a check each time. Thread-safe.
 */
public class PgEntitiesChecker {

	/**
	 * The DataSource name of a checker created without one.
	 */
	public static final String DEFAULT_DATA_SOURCE_NAME = "dataSource";

	private final String dataSourceName;

	private final PgEntitiesEngine engine;

	private final PgEntityDeclarations declarations;

	private final Observations observations;

	private final LastResult<Analysis> last;

	private volatile @Nullable CompiledDeclarations compiled;

	/**
	 * Create a new checker.
	 * @param engine the engine that checks
	 * @param declarations the declared entities
	 * @param timeToLive how long {@link #cachedAnalysis()} reuses the last result
	 */
	public PgEntitiesChecker(PgEntitiesEngine engine, PgEntityDeclarations declarations, Duration timeToLive) {
		this(DEFAULT_DATA_SOURCE_NAME, engine, declarations, timeToLive);
	}

	/**
	 * Create a new checker of a named DataSource.
	 * @param dataSourceName the name of the DataSource, as reports and metrics show it
	 * @param engine the engine that checks
	 * @param declarations the declared entities
	 * @param timeToLive how long {@link #cachedAnalysis()} reuses the last result
	 */
	public PgEntitiesChecker(String dataSourceName, PgEntitiesEngine engine, PgEntityDeclarations declarations,
			Duration timeToLive) {
		this(dataSourceName, engine, declarations, timeToLive, Clock.systemUTC(), Observations.NONE);
	}

	PgEntitiesChecker(PgEntitiesEngine engine, PgEntityDeclarations declarations, Duration timeToLive, Clock clock) {
		this(DEFAULT_DATA_SOURCE_NAME, engine, declarations, timeToLive, clock, Observations.NONE);
	}

	PgEntitiesChecker(String dataSourceName, PgEntitiesEngine engine, PgEntityDeclarations declarations,
			Duration timeToLive, Clock clock, Observations observations) {
		Assert.hasText(dataSourceName, "'dataSourceName' must not be empty");
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(declarations, "'declarations' must not be null");
		Assert.notNull(timeToLive, "'timeToLive' must not be null");
		Assert.notNull(observations, "'observations' must not be null");
		this.dataSourceName = dataSourceName;
		this.engine = engine;
		this.declarations = declarations;
		this.last = new LastResult<>(timeToLive, clock);
		this.observations = observations;
	}

	/**
	 * Return the name of the DataSource this checker checks: its bean name when
	 * auto-configuration created the checker.
	 * @return the name
	 */
	public String getDataSourceName() {
		return this.dataSourceName;
	}

	/**
	 * Return the engine this checker uses.
	 * @return the engine
	 */
	public PgEntitiesEngine getEngine() {
		return this.engine;
	}

	/**
	 * Return the declarations this checker compares.
	 * @return the declarations
	 */
	public PgEntityDeclarations getDeclarations() {
		return this.declarations;
	}

	/**
	 * Check the database now, and remember the result. When no plan can resolve the drift
	 * (something pg-entities does not manage blocks a drop), the plan is
	 * {@link io.pgentities.MigrationPlan#isRefused() refused}.
	 * @return the drift report and the plan that resolves it
	 * @throws io.pgentities.PgEntitiesException if the check fails
	 */
	public Analysis analyze() {
		Analysis analysis = check();
		record(analysis);
		return analysis;
	}

	/**
	 * Check the database now without remembering the result, under observation.
	 */
	Analysis check() {
		return this.observations.check(this.dataSourceName, this::analyzeNow);
	}

	/**
	 * Compiled declarations that hold the same declarations answer first: an in-sync answer
	 * needs no plan. Anything else is analyzed in full, for its plan.
	 */
	private Analysis analyzeNow() {
		List<PgEntity> entities = this.declarations.entities();
		CompiledDeclarations compiled = this.compiled;
		if (compiled != null && compiled.declarations().equals(entities)) {
			DriftReport report = this.engine.check(compiled);
			if (report.inSync()) {
				return new Analysis(report, new MigrationPlan(List.of(), List.of(), List.of()));
			}
		}
		return this.engine.analyze(entities);
	}

	/**
	 * Set compiled declarations: checks of the same declarations take the declared side from
	 * them where they still apply ({@link PgEntitiesEngine#check(CompiledDeclarations)}).
	 * @param compiled the compiled declarations, or {@code null} for none
	 */
	public void setCompiledDeclarations(@Nullable CompiledDeclarations compiled) {
		this.compiled = compiled;
	}

	/**
	 * Apply a plan through a connection, under observation.
	 */
	void apply(MigrationPlan plan, Connection connection) {
		this.observations.apply(this.dataSourceName, plan, () -> this.engine.apply(plan, connection));
	}

	/**
	 * Lint the declarations now ({@link PgEntitiesEngine#lint}); the result is not
	 * remembered.
	 * @return the findings, empty when there are none
	 * @throws io.pgentities.PgEntitiesException if the lint fails
	 */
	public List<LintFinding> lint() {
		return this.engine.lint(this.declarations.entities());
	}

	/**
	 * Check the database and lint the declarations now, with one simulation of them
	 * ({@link PgEntitiesEngine#analyzeAndLint}), and remember the check's result. Unlike
	 * {@link #analyze()}, it never answers from compiled declarations or an earlier check.
	 * @return the drift report, the plan that resolves it and the lint's findings
	 * @throws io.pgentities.PgEntitiesException if the check fails
	 */
	public LintedAnalysis analyzeAndLint() {
		List<PgEntity> entities = this.declarations.entities();
		// the observation sees the analysis; the findings travel beside it
		AtomicReference<List<LintFinding>> lint = new AtomicReference<>(List.of());
		Analysis analysis = this.observations.check(this.dataSourceName, () -> {
			LintedAnalysis linted = this.engine.analyzeAndLint(entities);
			lint.set(linted.lint());
			return linted.analysis();
		});
		record(analysis);
		return new LintedAnalysis(analysis, lint.get());
	}

	/**
	 * Return the last result if it is younger than the time to live, else check the
	 * database now. Concurrent callers share one check.
	 * @return the drift report and the plan that resolves it
	 * @throws io.pgentities.PgEntitiesException if the check fails
	 */
	public Analysis cachedAnalysis() {
		return this.last.cached(this::check);
	}

	/**
	 * Remember the result of a check made elsewhere (a Flyway callback, for instance).
	 * @param analysis the result
	 */
	public void record(Analysis analysis) {
		Assert.notNull(analysis, "'analysis' must not be null");
		this.last.record(analysis);
	}

	/**
	 * Forget the last result, after the database was changed.
	 */
	void forget() {
		this.last.forget();
	}

	/**
	 * Return the result of the last check, however old.
	 * @return the last result, or {@code null} before the first check
	 */
	public @Nullable Analysis lastAnalysis() {
		return this.last.get();
	}

	/**
	 * Return how many entities of each status the last check found.
	 * @return the counts, with every status present, or {@code null} before the first
	 * check
	 */
	public @Nullable Map<DriftStatus, Integer> lastCounts() {
		Analysis analysis = lastAnalysis();
		return (analysis != null) ? counts(analysis) : null;
	}

	/**
	 * Count the entities of an analysis by status.
	 * @param analysis the analysis
	 * @return the counts, with every status present
	 */
	public static Map<DriftStatus, Integer> counts(Analysis analysis) {
		Map<DriftStatus, Integer> counts = new EnumMap<>(DriftStatus.class);
		for (DriftStatus status : DriftStatus.values()) {
			counts.put(status, 0);
		}
		for (EntityDrift entity : analysis.report().entities()) {
			counts.merge(entity.status(), 1, Integer::sum);
		}
		return counts;
	}

}
