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
package io.pgentities.test;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import io.pgentities.DriftReport;
import io.pgentities.EntityDrift;
import io.pgentities.LintFinding;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions over the entities of a database, through a {@link PgEntitiesEngine}. Obtain
 * one from {@link PgEntitiesAssertions#assertThat(javax.sql.DataSource)}. A failure lists
 * every entity that drifted, with its status, where it was declared and the diff between
 * the database's and the declared definitions.
 */
public class PgEntitiesAssert extends AbstractAssert<PgEntitiesAssert, PgEntitiesEngine> {

	private static final String NEW_LINE = System.lineSeparator();

	PgEntitiesAssert(PgEntitiesEngine engine) {
		super(engine, PgEntitiesAssert.class);
	}

	/**
	 * Verifies that the database holds every declared entity as declared, and nothing
	 * undeclared in the managed schemas.
	 * @param declared the declared entities
	 * @return this assertion
	 * @throws AssertionError if an entity drifted, or the check could not run
	 */
	public PgEntitiesAssert hasEntitiesInSync(Collection<? extends PgEntity> declared) {
		isNotNull();
		DriftReport report = attempt("check", () -> this.actual.check(declared));
		if (!report.inSync()) {
			failWithMessage("%s", drifted("Expected the declared entities to be in sync with the database", report));
		}
		return this;
	}

	/**
	 * Verifies that the plan for the declared entities brings the database in sync:
	 * plans, applies the plan and checks again, all in one transaction that is rolled back,
	 * so the database is left as it was. An empty plan converges when the database is
	 * already in sync.
	 * @param declared the declared entities
	 * @return this assertion
	 * @throws AssertionError if a statement of the plan fails, or entities still drift
	 * after it
	 * @see PgEntitiesEngine#rehearse(MigrationPlan, Collection)
	 */
	public PgEntitiesAssert converges(Collection<? extends PgEntity> declared) {
		isNotNull();
		MigrationPlan plan = attempt("plan", () -> this.actual.plan(declared));
		DriftReport after = attempt("apply the plan of", () -> this.actual.rehearse(plan, declared));
		if (!after.inSync()) {
			failWithMessage("%s", drifted("Expected the plan to bring the declared entities in sync", after)
					+ NEW_LINE + "The plan:" + NEW_LINE + indent(plan.toSql().stripTrailing()));
		}
		return this;
	}

	/**
	 * Verifies that the security lint finds nothing in the declared entities: no
	 * {@code SECURITY DEFINER} function without a fixed {@code search_path}, no policy on a
	 * table without row-level security, and the other rules of {@link PgEntitiesEngine#lint}.
	 * A finding silenced in the declaration ({@code -- pg-entities:allow <rule>}, or
	 * {@code allowing(rule)} for a bean) does not count.
	 * @param declared the declared entities
	 * @return this assertion
	 * @throws AssertionError listing every finding, or if the lint could not run
	 */
	public PgEntitiesAssert hasNoLintFindings(Collection<? extends PgEntity> declared) {
		isNotNull();
		List<LintFinding> findings = attempt("lint", () -> this.actual.lint(declared));
		if (!findings.isEmpty()) {
			StringBuilder message = new StringBuilder("Expected no lint findings in the declared entities, but found ")
				.append(findings.size())
				.append(':')
				.append(NEW_LINE);
			findings.forEach((finding) -> message.append(NEW_LINE).append("  ").append(finding.message()));
			failWithMessage("%s", message.toString());
		}
		return this;
	}

	private <T> T attempt(String action, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (PgEntitiesException ex) {
			throw failure("Could not %s the declared entities: %s", action, ex.getMessage());
		}
	}

	private static String drifted(String expectation, DriftReport report) {
		List<EntityDrift> drifted = report.drifted();
		StringBuilder message = new StringBuilder(expectation).append(", but ")
			.append(drifted.size())
			.append(" of ")
			.append(report.entities().size())
			.append((report.entities().size() == 1) ? " entity" : " entities")
			.append(" drifted:")
			.append(NEW_LINE);
		for (EntityDrift drift : drifted) {
			message.append(NEW_LINE)
				.append("  ")
				.append(drift.kind().sqlName())
				.append(' ')
				.append(drift.identity())
				.append(": ")
				.append(drift.status())
				.append(" (")
				.append(drift.source())
				.append(')')
				.append(NEW_LINE);
			if (!drift.diff().isEmpty()) {
				message.append(indent(drift.diff().stripTrailing())).append(NEW_LINE);
			}
		}
		return message.toString();
	}

	private static String indent(String text) {
		return text.lines().map((line) -> "    " + line).reduce((a, b) -> a + NEW_LINE + b).orElse("");
	}

}
