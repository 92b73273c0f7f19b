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
import java.util.Optional;

import io.pgentities.Analysis;
import io.pgentities.DriftReport;
import io.pgentities.EntityRejectedException;
import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntitiesException;
import io.pgentities.autoconfigure.PgEntitiesProperties.CheckMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Checks the database once every singleton exists, so after Flyway has migrated: logs the
 * drift ({@link CheckMode#WARN}) or fails startup with a {@link PgEntitiesDriftException}
 * ({@link CheckMode#FAIL}). In dev mode it first writes the plan as a Flyway migration.
 */
public class PgEntitiesStartupCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(PgEntitiesStartupCheck.class);

	private final PgEntitiesChecker checker;

	private final CheckMode mode;

	private final @Nullable MigrationGenerator generator;

	private final DriftAdvice advice;

	private final boolean namesDataSource;

	PgEntitiesStartupCheck(PgEntitiesChecker checker, CheckMode mode, @Nullable MigrationGenerator generator) {
		this(checker, mode, generator, DriftAdvice.DEFAULTS);
	}

	PgEntitiesStartupCheck(PgEntitiesChecker checker, CheckMode mode, @Nullable MigrationGenerator generator,
			DriftAdvice advice) {
		this(checker, mode, generator, advice, false);
	}

	/**
	 * Create a startup check.
	 * @param namesDataSource whether its log lines name the checker's DataSource, as they
	 * must when several DataSources are checked
	 */
	PgEntitiesStartupCheck(PgEntitiesChecker checker, CheckMode mode, @Nullable MigrationGenerator generator,
			DriftAdvice advice, boolean namesDataSource) {
		Assert.notNull(checker, "'checker' must not be null");
		Assert.notNull(mode, "'mode' must not be null");
		Assert.notNull(advice, "'advice' must not be null");
		this.checker = checker;
		this.mode = mode;
		this.generator = generator;
		this.advice = advice;
		this.namesDataSource = namesDataSource;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.mode == CheckMode.OFF && this.generator == null) {
			return;
		}
		Analysis analysis = analyze();
		if (analysis == null) {
			return;
		}
		Optional<Path> written = (this.generator != null) ? this.generator.generate(analysis)
				: Optional.empty();
		if (this.mode == CheckMode.OFF) {
			return;
		}
		DriftReport report = analysis.report();
		if (report.inSync()) {
			logger.info(named("pg-entities: " + DriftMessages.count(report.entities().size(), "entity", "entities")
					+ " in sync (" + report.duration().toMillis() + " ms)"));
			return;
		}
		// A developer who generates a migration gets the file, not a failure
		if (this.mode == CheckMode.FAIL && written.isEmpty()) {
			throw new PgEntitiesDriftException(analysis, this.advice.action(report, analysis.plan(), null));
		}
		logger.warn(named(DriftMessages.warning(report, analysis.plan(),
				this.advice.action(report, analysis.plan(), written.orElse(null)))));
	}

	private String named(String message) {
		if (!this.namesDataSource || !message.startsWith("pg-entities:")) {
			return message;
		}
		return "pg-entities (DataSource '" + this.checker.getDataSourceName() + "'):"
				+ message.substring("pg-entities:".length());
	}

	private @Nullable Analysis analyze() {
		try {
			return this.checker.analyze();
		}
		catch (EntityRejectedException | InvalidDeclarationException ex) {
			throw ex;
		}
		catch (PgEntitiesException ex) {
			if (this.mode == CheckMode.FAIL || this.generator != null) {
				throw ex;
			}
			// A diagnostic that is on by default must not stop an application whose
			// database is busy
			logger.warn(named("pg-entities: could not check the database: " + ex.getMessage()), ex);
			return null;
		}
	}

}
