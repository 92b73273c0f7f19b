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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.pgentities.PgEntitiesException;

/**
 * Orders nodes so that each comes after the nodes it needs (Kahn's algorithm), ties broken by
 * a given order. A cycle is an error naming its members.
 */
final class TopologicalOrder {

	private TopologicalOrder() {
	}

	/**
	 * Sorts.
	 * @param nodes the nodes to order
	 * @param needs the nodes a node needs; nodes outside {@code nodes} are ignored
	 * @param tieBreak the order among nodes free at the same time
	 * @return the nodes, each after what it needs
	 * @throws PgEntitiesException on a cycle
	 */
	static List<String> sort(Collection<String> nodes, Function<String, Set<String>> needs,
			Comparator<String> tieBreak) {
		Map<String, Integer> missing = new HashMap<>();
		Map<String, List<String>> neededBy = new HashMap<>();
		for (String node : nodes) {
			int count = 0;
			for (String needed : needs.apply(node)) {
				if (!needed.equals(node) && nodes.contains(needed)) {
					count++;
					neededBy.computeIfAbsent(needed, (n) -> new ArrayList<>()).add(node);
				}
			}
			missing.put(node, count);
		}
		PriorityQueue<String> ready = new PriorityQueue<>(tieBreak);
		missing.forEach((node, count) -> {
			if (count == 0) {
				ready.add(node);
			}
		});
		List<String> sorted = new ArrayList<>(nodes.size());
		while (!ready.isEmpty()) {
			String node = ready.poll();
			sorted.add(node);
			for (String dependent : neededBy.getOrDefault(node, List.of())) {
				if (missing.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		if (sorted.size() < nodes.size()) {
			Set<String> cycle = new TreeSet<>(nodes);
			sorted.forEach(cycle::remove);
			throw new PgEntitiesException("Dependency cycle among " + String.join(", ", cycle)
					+ ": no order creates each after what it needs");
		}
		return sorted;
	}

}
