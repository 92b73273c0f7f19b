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

import io.pgentities.DriftReport;
import io.pgentities.EntityDrift;
import io.pgentities.MigrationPlan;

/**
 * The text of log messages and failure analyses about drift.
 */
final class DriftMessages {

	private static final String NEW_LINE = System.lineSeparator();

	private DriftMessages() {
	}

	/**
	 * The headline of a report with drift: how many entities differ.
	 * @param report the report
	 * @return the headline, without final punctuation
	 */
	static String differ(DriftReport report) {
		int drifted = report.drifted().size();
		return "pg-entities: " + drifted + " of " + report.entities().size()
				+ ((report.entities().size() == 1) ? " entity differs" : " entities differ")
				+ " from the database";
	}

	/**
	 * A count of things, in the singular or the plural.
	 * @param count the count
	 * @param singular the thing in the singular
	 * @param plural the thing in the plural
	 * @return the count and the thing
	 */
	static String count(int count, String singular, String plural) {
		return count + " " + ((count == 1) ? singular : plural);
	}

	/**
	 * One line about a drifted entity: status, kind, identity and source.
	 * @param entity the entity
	 * @return the line
	 */
	static String line(EntityDrift entity) {
		return entity.status() + " " + entity.kind().sqlName() + " " + entity.identity() + " ("
				+ ((entity.source().equals("database")) ? "in the database, declared nowhere"
						: "declared in " + entity.source())
				+ ")";
	}

	/**
	 * The WARN block of the startup check.
	 * @param report the report
	 * @param plan the plan
	 * @param action what to do about it, as {@link DriftAdvice} says
	 * @return the block
	 */
	static String warning(DriftReport report, MigrationPlan plan, String action) {
		StringBuilder message = new StringBuilder();
		message.append(differ(report)).append(" (").append(report.duration().toMillis()).append(" ms):");
		for (EntityDrift entity : report.drifted()) {
			message.append(NEW_LINE).append("    ").append(line(entity));
		}
		appendPlan(message, plan);
		if (!action.isEmpty()) {
			message.append(NEW_LINE).append(action);
		}
		return message.toString();
	}

	/**
	 * The description of a failure analysis: every drifted entity with its diff, and the
	 * plan.
	 * @param report the report
	 * @param plan the plan
	 * @return the description
	 */
	static String description(DriftReport report, MigrationPlan plan) {
		StringBuilder message = new StringBuilder();
		message.append("The database differs from the declared entities and pg-entities.check-on-startup is 'fail'. ")
			.append(report.drifted().size())
			.append(" of ")
			.append(report.entities().size())
			.append(" entities are not in sync:")
			.append(NEW_LINE);
		for (EntityDrift entity : report.drifted()) {
			message.append(NEW_LINE).append("    ").append(line(entity));
			if (!entity.diff().isBlank()) {
				message.append(':');
				entity.diff().strip().lines().forEach((line) -> message.append(NEW_LINE).append("        ").append(line));
			}
			message.append(NEW_LINE);
		}
		appendPlan(message, plan);
		return message.toString();
	}

	private static void appendPlan(StringBuilder message, MigrationPlan plan) {
		if (plan.isEmpty()) {
			message.append(NEW_LINE).append("The plan is empty: nothing would be applied.");
			return;
		}
		message.append(NEW_LINE).append("The plan that resolves it:");
		for (String statement : plan.statements()) {
			message.append(NEW_LINE);
			statement.lines().forEach((line) -> message.append(NEW_LINE).append("    ").append(line));
			message.append(';');
		}
	}

}
