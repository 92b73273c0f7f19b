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
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a {@link MigrationPlan}, with the object it belongs to, the lock it takes on
 * an existing relation and what it risks. The planner knows why each statement is there and
 * says so; statements of a plan made from SQL text elsewhere ({@link #of(String)}) say nothing.
 *
 * @param sql the statement, without trailing semicolon
 * @param kind the kind of the object the statement creates, changes or drops, or {@code null}
 * when not known
 * @param identity that object's identity, or {@code null} when not known
 * @param lock the lock the statement takes on the existing relation it changes (a view, or the
 * table of a trigger or policy), or {@code null} when it changes no relation other sessions can
 * see (a routine, a relation created earlier in the same plan, a privilege) or when not known
 * @param hazards what the statement risks, in the order {@link Hazard} declares them; empty when nothing
 * @param body the statements this one runs, each with its object, lock and hazards (the loop of
 * a tenant migration runs them in every tenant schema, see {@link #running}); empty for a
 * statement that runs no others
 */
public record PlannedStatement(String sql, @Nullable EntityKind kind, @Nullable String identity, @Nullable Lock lock,
		Set<Hazard> hazards, List<PlannedStatement> body) {

	public PlannedStatement {
		Objects.requireNonNull(sql, "sql must not be null");
		// an EnumSet iterates in declaration order, so renderings list hazards alike
		hazards = hazards.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(hazards));
		body = List.copyOf(body);
	}

	/**
	 * A statement that runs no others.
	 * @param sql the statement, without trailing semicolon
	 * @param kind the kind of the object it creates, changes or drops, or {@code null} when not known
	 * @param identity that object's identity, or {@code null} when not known
	 * @param lock the lock it takes on an existing relation, or {@code null}
	 * @param hazards what it risks
	 */
	public PlannedStatement(String sql, @Nullable EntityKind kind, @Nullable String identity, @Nullable Lock lock,
			Set<Hazard> hazards) {
		this(sql, kind, identity, lock, hazards, List.of());
	}

	/**
	 * A statement of which nothing but its text is known: written elsewhere, not planned.
	 * @param sql the statement
	 * @return the statement, without object, lock or hazards
	 */
	public static PlannedStatement of(String sql) {
		return new PlannedStatement(sql, null, null, null, Set.of());
	}

	/**
	 * A statement that runs others, such as a {@code DO} block that loops over the tenant
	 * schemas and runs a plan in each: it has no object or lock of its own, and the hazards of
	 * all the statements it runs.
	 * @param sql the statement
	 * @param body the statements it runs, as they are run (a tenant migration's with the
	 * tenant schema as {@code %1$I})
	 * @return the statement
	 */
	public static PlannedStatement running(String sql, List<PlannedStatement> body) {
		Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
		body.forEach((statement) -> hazards.addAll(statement.hazards()));
		return new PlannedStatement(sql, null, null, null, hazards, body);
	}

	/**
	 * The statement's first line of SQL, for lists of statements: comments before it are left
	 * out, and a line longer than 100 characters is cut short with {@code ...}.
	 * @return the line
	 */
	public String firstLine() {
		String line = this.sql.lines().map(String::strip).filter((text) -> !text.isEmpty() && !text.startsWith("--"))
			.findFirst().orElse(this.sql.strip());
		return (line.length() > 100) ? line.substring(0, 97) + "..." : line;
	}

	/**
	 * A lock a statement takes on a relation until the plan's transaction ends.
	 *
	 * @param relation the relation's schema-qualified name, quoted where needed
	 * @param mode the lock mode
	 */
	public record Lock(String relation, LockMode mode) {

		public Lock {
			Objects.requireNonNull(relation, "relation must not be null");
			Objects.requireNonNull(mode, "mode must not be null");
		}

		/**
		 * The lock as reviews read it, e.g. {@code ACCESS EXCLUSIVE on public.v}.
		 * @return the mode's SQL name and the relation
		 */
		@Override
		public String toString() {
			return this.mode.sqlName() + " on " + this.relation;
		}

	}

}
