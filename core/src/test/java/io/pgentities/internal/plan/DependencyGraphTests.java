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

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DependencyGraph}.
 */
class DependencyGraphTests {

	private final DependencyGraph graph = DependencyGraph
		.of(Map.of("public.v", Set.of("public.f()", "public.t"), "public.w", Set.of("public.v")));

	@Test
	void needsAreTheEdgesGiven() {
		assertThat(this.graph.needs("public.v")).containsExactlyInAnyOrder("public.f()", "public.t");
		assertThat(this.graph.needs("public.f()")).isEmpty();
	}

	@Test
	void dependentsAreTheEdgesInverted() {
		assertThat(this.graph.dependents("public.v")).containsExactly("public.w");
		assertThat(this.graph.dependents("public.f()")).containsExactly("public.v");
		assertThat(this.graph.dependents("public.w")).isEmpty();
	}

	@Test
	void anObjectDoesNotNeedItself() {
		DependencyGraph selfish = DependencyGraph.of(Map.of("public.f()", Set.of("public.f()")));
		assertThat(selfish.needs("public.f()")).isEmpty();
		assertThat(selfish.dependents("public.f()")).isEmpty();
	}

	@Test
	void mergeHoldsTheEdgesOfBothAndChangesNeither() {
		DependencyGraph other = DependencyGraph.of(Map.of("public.v", Set.of("reports.g()"), "reports.x",
				Set.of("public.w")));
		DependencyGraph merged = this.graph.merge(other);
		assertThat(merged.needs("public.v")).containsExactlyInAnyOrder("public.f()", "public.t", "reports.g()");
		assertThat(merged.dependents("public.w")).containsExactly("reports.x");
		assertThat(this.graph.needs("public.v")).hasSize(2);
		assertThat(other.needs("public.v")).containsExactly("reports.g()");
	}

	@Test
	void edgesCannotBeChangedFromOutside() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.graph.needs("public.v").add("public.x"));
	}

	@Test
	void graphsWithTheSameEdgesAreEqual() {
		assertThat(this.graph.merge(DependencyGraph.EMPTY)).isEqualTo(this.graph);
		assertThat(DependencyGraph.EMPTY.merge(this.graph)).isEqualTo(this.graph);
	}

}
