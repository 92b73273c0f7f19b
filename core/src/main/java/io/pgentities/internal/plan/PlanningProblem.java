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
package io.pgentities.internal.plan;

import java.util.List;

import io.pgentities.internal.diff.EntityComparison;

/**
 * Everything a plan is made from.
 *
 * @param comparisons every compared identity
 * @param current for each live object, what it needs now
 * @param desired for each declared object, what its declaration needs
 * @param creationOrder declared identities in an order PostgreSQL accepted them
 * @param surroundings the objects outside the managed ones that drops affect
 * @param options what the plan may do
 */
public record PlanningProblem(List<EntityComparison> comparisons, DependencyGraph current, DependencyGraph desired,
		List<String> creationOrder, Surroundings surroundings, Planner.Options options) {

	public PlanningProblem {
		comparisons = List.copyOf(comparisons);
		creationOrder = List.copyOf(creationOrder);
	}

	/**
	 * The problem of the way back: the database as this problem's plan leaves it is the
	 * current state, and the database as it is now the desired one, owners and privileges
	 * included. Whatever the plan creates is dropped again; nothing blocks the way back to a
	 * state the database was in.
	 * @return the mirrored problem
	 */
	public PlanningProblem reversed() {
		List<EntityComparison> reversed = this.comparisons.stream()
			.map((comparison) -> comparison.reversed(this.options.dropUndeclared()))
			.toList();
		return new PlanningProblem(reversed, this.desired, this.current, List.of(), this.surroundings.withoutBlockers(),
				new Planner.Options(true, this.options.currentUser(), true));
	}

}
