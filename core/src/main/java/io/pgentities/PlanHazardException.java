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

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Thrown instead of applying a plan that has statements with hazards the engine does not
 * allow ({@link PgEntitiesEngine.Builder#allowedHazards(java.util.Collection)}). Nothing of the
 * plan was run.
 */
public class PlanHazardException extends PgEntitiesException {

	private final List<PlannedStatement> statements;

	private final Set<Hazard> allowed;

	/**
	 * Creates an exception.
	 * @param statements the statements with hazards outside the allowed ones, in plan order
	 * @param allowed the hazards allowed
	 */
	public PlanHazardException(List<PlannedStatement> statements, Set<Hazard> allowed) {
		super(message(statements, allowed));
		this.statements = List.copyOf(statements);
		this.allowed = allowed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
	}

	private static String message(List<PlannedStatement> statements, Set<Hazard> allowed) {
		Set<Hazard> refused = EnumSet.noneOf(Hazard.class);
		statements.forEach((statement) -> refused.addAll(statement.hazards()));
		refused.removeAll(allowed);
		StringBuilder message = new StringBuilder("The plan was not applied: ")
			.append(statements.size())
			.append((statements.size() == 1) ? " statement has " : " statements have ")
			.append((refused.size() == 1) ? "a hazard" : "hazards")
			.append(" that ")
			.append((refused.size() == 1) ? "is" : "are")
			.append(" not allowed (")
			.append(refused.stream().map(Hazard::name).collect(Collectors.joining(", ")))
			.append("; allowed: ")
			.append(allowed.isEmpty() ? "none" : allowed.stream().map(Hazard::name).collect(Collectors.joining(", ")))
			.append("):");
		for (PlannedStatement statement : statements) {
			message.append(System.lineSeparator()).append("  ").append(describe(statement));
		}
		return message.toString();
	}

	/**
	 * One statement as a line: its object, its hazards and its first line of SQL.
	 * @param statement the statement
	 * @return the line
	 */
	public static String describe(PlannedStatement statement) {
		String object = (statement.kind() != null) ? statement.kind().sqlName() + " " + statement.identity() + ": " : "";
		String hazards = statement.hazards().stream().map(Hazard::name).collect(Collectors.joining(", "));
		return object + hazards + " in " + statement.firstLine();
	}

	/**
	 * The statements with hazards outside the allowed ones.
	 * @return the statements, in plan order
	 */
	public List<PlannedStatement> getStatements() {
		return this.statements;
	}

	/**
	 * The hazards that were allowed.
	 * @return the allowed hazards
	 */
	public Set<Hazard> getAllowed() {
		return this.allowed;
	}

}
