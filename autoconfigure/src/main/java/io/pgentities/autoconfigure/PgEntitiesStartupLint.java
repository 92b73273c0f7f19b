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

import java.util.List;

import io.pgentities.LintFinding;
import io.pgentities.PgEntitiesException;
import io.pgentities.autoconfigure.PgEntitiesProperties.CheckMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Lints the declarations once every singleton exists: logs each finding
 * ({@link CheckMode#WARN}) or fails startup with a {@link PgEntitiesLintException}
 * ({@link CheckMode#FAIL}).
 */
public class PgEntitiesStartupLint implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(PgEntitiesStartupLint.class);

	private final PgEntitiesChecker checker;

	private final CheckMode mode;

	PgEntitiesStartupLint(PgEntitiesChecker checker, CheckMode mode) {
		Assert.notNull(checker, "'checker' must not be null");
		Assert.notNull(mode, "'mode' must not be null");
		this.checker = checker;
		this.mode = mode;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.mode == CheckMode.OFF) {
			return;
		}
		List<LintFinding> findings;
		try {
			findings = this.checker.lint();
		}
		catch (PgEntitiesException ex) {
			if (this.mode == CheckMode.FAIL) {
				throw ex;
			}
			// the startup check reports a declaration PostgreSQL rejects, when it is on; the
			// lint, a diagnostic on by default, must not stop an application that migrates
			// its tables later or whose database is busy
			logger.warn("pg-entities: could not lint the declarations: " + ex.getMessage());
			return;
		}
		if (findings.isEmpty()) {
			return;
		}
		if (this.mode == CheckMode.FAIL) {
			throw new PgEntitiesLintException(findings);
		}
		findings.forEach((finding) -> logger.warn("pg-entities lint: " + finding.message()));
	}

}
