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

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The ordered SQL that brings a database to the declared state, with the summary of what it
 * changes. Every statement can run inside one transaction. When no SQL pg-entities may run can
 * do it, the plan is {@link #isRefused() refused}: it has no statements, and its
 * {@link #refusal()} says why and what to do by hand.
 *
 * @param steps the statements, in order, each with the object it belongs to, the lock it takes
 * and its hazards
 * @param summary one line per change, e.g. {@code CHANGED VIEW public.order_line_items (drop and
 * recreate: columns removed)}; used as the header of generated migration files
 * @param drops the identities of the objects the plan drops without recreating them
 * @param refusal why no plan can be made, or {@code null} when the plan was made
 */
public record MigrationPlan(List<PlannedStatement> steps, List<String> summary, List<String> drops,
		@Nullable PlanRefusal refusal) {

	public MigrationPlan {
		steps = List.copyOf(steps);
		summary = List.copyOf(summary);
		drops = List.copyOf(drops);
		if (refusal != null && !steps.isEmpty()) {
			throw new IllegalArgumentException("A refused plan has no statements");
		}
	}

	/**
	 * A plan that was made from SQL text: its statements carry no object, lock or hazard
	 * ({@link PlannedStatement#of(String)}).
	 * @param statements the statements, in order, without trailing semicolons
	 * @param summary one line per change
	 * @param drops the identities of the objects the plan drops without recreating them
	 */
	public MigrationPlan(List<String> statements, List<String> summary, List<String> drops) {
		this(statements.stream().map(PlannedStatement::of).toList(), summary, drops, null);
	}

	/**
	 * The plan that could not be made.
	 * @param refusal why
	 * @return a refused plan, without statements
	 */
	public static MigrationPlan refused(PlanRefusal refusal) {
		Objects.requireNonNull(refusal, "refusal must not be null");
		return new MigrationPlan(List.<PlannedStatement>of(), List.of(), List.of(), refusal);
	}

	/**
	 * The statements, in order, without trailing semicolons.
	 * @return the SQL of each of the {@link #steps()}
	 */
	public List<String> statements() {
		return this.steps.stream().map(PlannedStatement::sql).toList();
	}

	/**
	 * The hazards of all statements.
	 * @return the hazards, in the order {@link Hazard} declares them; empty when none
	 */
	public Set<Hazard> hazards() {
		Set<Hazard> hazards = EnumSet.noneOf(Hazard.class);
		this.steps.forEach((step) -> hazards.addAll(step.hazards()));
		return hazards;
	}

	/**
	 * The statements with a hazard outside the allowed ones; of a step that runs others
	 * ({@link PlannedStatement#body()}), those of the statements it runs.
	 * @param allowed the hazards allowed
	 * @return those statements, in order; empty when the plan may be applied
	 */
	public List<PlannedStatement> stepsWithHazardsOutside(Set<Hazard> allowed) {
		return this.steps.stream()
			.flatMap((step) -> step.body().isEmpty() ? Stream.of(step) : step.body().stream())
			.filter((step) -> step.hazards().stream().anyMatch((hazard) -> !allowed.contains(hazard)))
			.toList();
	}

	/**
	 * Checks that the plan may be applied, as every way of applying a plan does before it
	 * runs anything: it is not refused, and none of its statements has a hazard outside the
	 * allowed ones.
	 * @param allowed the hazards allowed
	 * @param report the comparison the plan was made from, for the exception, or {@code null}
	 * when not known
	 * @throws PlanRefusedException if the plan is refused
	 * @throws PlanHazardException if statements have hazards that are not allowed
	 */
	public void requireApplicable(Set<Hazard> allowed, @Nullable DriftReport report) {
		if (this.refusal != null) {
			throw new PlanRefusedException(this.refusal, report);
		}
		List<PlannedStatement> hazardous = stepsWithHazardsOutside(allowed);
		if (!hazardous.isEmpty()) {
			throw new PlanHazardException(hazardous, allowed);
		}
	}

	/**
	 * Whether no plan could be made; {@link #refusal()} says why.
	 * @return whether the plan is refused
	 */
	public boolean isRefused() {
		return this.refusal != null;
	}

	/**
	 * Whether there is nothing to do: no statements, and not refused (a refused plan leaves
	 * work to be done by hand).
	 * @return whether the plan has nothing to do
	 */
	public boolean isEmpty() {
		return this.steps.isEmpty() && this.refusal == null;
	}

	/**
	 * The plan as one SQL script: each statement followed by a semicolon and a blank line.
	 * @return the script
	 */
	public String toSql() {
		StringBuilder sql = new StringBuilder();
		for (PlannedStatement step : this.steps) {
			sql.append(step.sql()).append(";\n\n");
		}
		return sql.toString();
	}

}
