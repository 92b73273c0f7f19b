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
package io.pgentities.internal.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.pgentities.LintFinding;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.internal.lint.LintCheck;
import io.pgentities.internal.lint.LintFacts;
import io.pgentities.internal.simulate.ServerError;
import io.pgentities.internal.simulate.Simulation;
import io.pgentities.internal.simulate.SimulationResult;

/**
 * The security lint: simulates the declarations as a check does, reads what PostgreSQL made
 * of them, and runs every {@link LintCheck}, in one transaction that is rolled back whatever
 * happens. Findings an entity allows are left out.
 */
public final class Linter {

	private final DataSource dataSource;

	private final EngineSettings settings;

	/**
	 * Creates a linter.
	 * @param dataSource the database
	 * @param settings the settings
	 */
	public Linter(DataSource dataSource, EngineSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/**
	 * Lints the declarations.
	 * @param declared the declared entities
	 * @return the findings, by rule, then in declaration order
	 * @throws io.pgentities.EntityRejectedException if PostgreSQL rejects a declaration
	 */
	public List<LintFinding> lint(List<PgEntity> declared) {
		LintFacts facts;
		try {
			facts = Transaction.rolledBack(this.dataSource, (connection) -> {
				try (Statement statement = connection.createStatement()) {
					for (String setting : this.settings.checkTransactionSettings()) {
						statement.execute(setting);
					}
				}
				SimulationResult simulated = Simulation.run(connection, declared, this.settings.defaultSchema(),
						this.settings.checkTransactionSettings());
				return LintFacts.read(connection, simulated);
			});
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Linting " + declared.size() + " declared entities failed: "
					+ ServerError.of(ex).message(), ex);
		}
		return findings(facts, declared);
	}

	/**
	 * Runs every {@link LintCheck} over facts read in a simulation of the declarations.
	 * @param facts the facts
	 * @param declared the declared entities that were simulated
	 * @return the findings the entities do not allow, by rule, then in declaration order
	 */
	static List<LintFinding> findings(LintFacts facts, List<PgEntity> declared) {
		List<LintFinding> findings = new ArrayList<>();
		for (LintCheck check : LintCheck.ALL) {
			for (LintFinding finding : check.check(facts)) {
				if (!allowed(finding, declared)) {
					findings.add(finding);
				}
			}
		}
		return findings;
	}

	private static boolean allowed(LintFinding finding, List<PgEntity> declared) {
		return declared.stream()
			.anyMatch((entity) -> entity.identity().equals(finding.identity()) && entity.kind() == finding.kind()
					&& entity.allowedLintRules().contains(finding.ruleId()));
	}

}
