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

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgentities.Hazard;
import io.pgentities.PlanHazardException;
import io.pgentities.PlannedStatement;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * An {@link AbstractFailureAnalyzer} for {@link PlanHazardException}, which fails a Flyway
 * migration when {@code pg-entities.apply-on-migrate} finds a plan with hazards that
 * {@code pg-entities.allowed-hazards} does not allow: lists each such statement with its
 * hazards and says how to review and apply the plan instead.
 */
class PgEntitiesPlanHazardFailureAnalyzer extends AbstractFailureAnalyzer<PlanHazardException> {

	private static final String NEW_LINE = System.lineSeparator();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PlanHazardException cause) {
		Set<Hazard> refused = EnumSet.noneOf(Hazard.class);
		cause.getStatements().forEach((statement) -> refused.addAll(statement.hazards()));
		refused.removeAll(cause.getAllowed());
		StringBuilder description = new StringBuilder("pg-entities did not apply the plan for the declared entities: ")
			.append(DriftMessages.count(cause.getStatements().size(), "statement has", "statements have"))
			.append(" hazards that pg-entities.allowed-hazards does not allow (")
			.append(names(refused, ", "))
			.append("):");
		for (PlannedStatement statement : cause.getStatements()) {
			description.append(NEW_LINE).append("    ").append(PlanHazardException.describe(statement));
		}
		Set<Hazard> allowing = EnumSet.copyOf(refused);
		allowing.addAll(cause.getAllowed());
		String action = "Review these statements in a generated migration (pg-entities.generate.on-startup) and apply "
				+ "it with Flyway, or allow the hazards for apply-on-migrate with pg-entities.allowed-hazards="
				+ names(allowing, ",") + ((refused.contains(Hazard.DROPS_UNDECLARED))
						? " (objects nothing declares are only dropped with pg-entities.drop-undeclared=true)" : "")
				+ ".";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private static String names(Set<Hazard> hazards, String separator) {
		return hazards.stream()
			.map((hazard) -> hazard.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.collect(Collectors.joining(separator));
	}

}
