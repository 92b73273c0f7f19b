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
import java.util.Map;
import java.util.Set;

import io.pgentities.DriftStatus;
import io.pgentities.internal.catalog.CatalogRoutine;
import io.pgentities.internal.diff.EntityComparison;
import org.junit.jupiter.api.Test;

import static io.pgentities.internal.plan.CatalogObjects.function;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlanningProblem}.
 */
class PlanningProblemTests {

	private static final CatalogRoutine LIVE = function("f", "integer", "select 1");

	private static final CatalogRoutine DECLARED = function("f", "integer", "select 2");

	private static final CatalogRoutine UNDECLARED = function("g", "integer", "select 1");

	private final DependencyGraph current = DependencyGraph.of(Map.of("public.v", Set.of("public.f()")));

	private final DependencyGraph desired = DependencyGraph.of(Map.of("public.w", Set.of("public.f()")));

	private final PlanningProblem problem = new PlanningProblem(
			List.of(new EntityComparison("public.f()", null, DECLARED, LIVE, DriftStatus.CHANGED, "diff"),
					new EntityComparison("public.g()", null, null, UNDECLARED, DriftStatus.UNDECLARED, "")),
			this.current, this.desired, List.of("public.f()"),
			new Surroundings(Map.of(), DependencyGraph.EMPTY, Map.of("public.f()", List.of("a column default")),
					Map.of("public.p1", Set.of("public.p"))),
			new Planner.Options(true, "app", false));

	@Test
	void reversedSwapsTheCurrentAndDesiredStates() {
		PlanningProblem reversed = this.problem.reversed();
		assertThat(reversed.current()).isEqualTo(this.desired);
		assertThat(reversed.desired()).isEqualTo(this.current);
		EntityComparison changed = reversed.comparisons().get(0);
		assertThat(changed.current()).isEqualTo(DECLARED);
		assertThat(changed.desired()).isEqualTo(LIVE);
	}

	@Test
	void reversedCreatesAgainWhatTheForwardPlanDropped() {
		EntityComparison undeclared = this.problem.reversed().comparisons().get(1);
		assertThat(undeclared.status()).isEqualTo(DriftStatus.MISSING);
		assertThat(undeclared.desired()).isEqualTo(UNDECLARED);
	}

	@Test
	void reversedIsNeverBlockedAndRestoresOwnersAndPrivileges() {
		PlanningProblem reversed = this.problem.reversed();
		assertThat(reversed.surroundings().blockers()).isEmpty();
		assertThat(reversed.surroundings().partitionAncestors()).isEmpty();
		assertThat(reversed.creationOrder()).isEmpty();
		assertThat(reversed.options()).isEqualTo(new Planner.Options(true, "app", true));
	}

}
