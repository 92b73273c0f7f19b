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

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgentities.PgEntitiesException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TopologicalOrder}.
 */
class TopologicalOrderTests {

	@Test
	void placesEachNodeAfterWhatItNeeds() {
		DependencyGraph graph = DependencyGraph.of(Map.of("public.c", Set.of("public.b"), "public.b", Set.of("public.a")));
		assertThat(TopologicalOrder.sort(List.of("public.c", "public.b", "public.a"), graph::needs,
				Comparator.naturalOrder()))
			.containsExactly("public.a", "public.b", "public.c");
	}

	@Test
	void ignoresNeedsOutsideTheNodes() {
		DependencyGraph graph = DependencyGraph.of(Map.of("public.b", Set.of("public.a", "public.elsewhere")));
		assertThat(TopologicalOrder.sort(List.of("public.b", "public.a"), graph::needs, Comparator.naturalOrder()))
			.containsExactly("public.a", "public.b");
	}

	@Test
	void breaksTiesWithTheGivenOrder() {
		assertThat(TopologicalOrder.sort(List.of("a", "b", "c"), DependencyGraph.EMPTY::needs,
				Comparator.<String>reverseOrder()))
			.containsExactly("c", "b", "a");
	}

	@Test
	void cycleIsAnErrorNamingItsMembers() {
		DependencyGraph graph = DependencyGraph.of(Map.of("public.a", Set.of("public.b"), "public.b", Set.of("public.a"),
				"public.c", Set.of("public.a")));
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> TopologicalOrder.sort(List.of("public.a", "public.b", "public.c", "public.d"), graph::needs,
					Comparator.naturalOrder()))
			.withMessageContaining("public.a")
			.withMessageContaining("public.b")
			.withMessageNotContaining("public.d");
	}

}
