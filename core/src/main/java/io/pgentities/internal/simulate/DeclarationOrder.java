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
package io.pgentities.internal.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.pgentities.PgEntity;
import io.pgentities.internal.sql.SqlLexer;
import io.pgentities.internal.sql.SqlSyntaxException;
import io.pgentities.internal.sql.Token;
import io.pgentities.internal.sql.TokenType;

/**
 * Orders declarations so that each is created after the declared objects it names. The
 * references are found lexically (every identifier, also inside routine bodies), which
 * over-approximates; where that makes a cycle, routines go first, then views, then triggers
 * and policies, since PL/pgSQL bodies are not resolved when a routine is created; event triggers
 * come last of all. Linear in
 * the size of the declarations, unlike creating by trial and error.
 */
final class DeclarationOrder {

	private DeclarationOrder() {
	}

	static List<PgEntity> sort(List<PgEntity> declared) {
		List<PgEntity> firing = declared.stream().filter((entity) -> entity.kind().firesOnDdl()).toList();
		if (!firing.isEmpty()) {
			// nothing may be created after an event trigger, which would fire on it; and
			// nothing can need one
			List<PgEntity> sorted = new ArrayList<>(
					sortByNeeds(declared.stream().filter((entity) -> !entity.kind().firesOnDdl()).toList()));
			sorted.addAll(firing);
			return sorted;
		}
		return sortByNeeds(declared);
	}

	private static List<PgEntity> sortByNeeds(List<PgEntity> declared) {
		List<Set<Integer>> needs = needs(declared);
		List<List<Integer>> neededBy = new ArrayList<>();
		for (int i = 0; i < declared.size(); i++) {
			neededBy.add(new ArrayList<>());
		}
		for (int i = 0; i < declared.size(); i++) {
			for (int other : needs.get(i)) {
				neededBy.get(other).add(i);
			}
		}
		Comparator<Integer> priority = Comparator.<Integer>comparingInt((i) -> declared.get(i).kind().creationRank())
			.thenComparingInt((i) -> i);
		PriorityQueue<Integer> ready = new PriorityQueue<>(priority);
		PriorityQueue<Integer> waiting = new PriorityQueue<>(priority);
		int[] missing = new int[declared.size()];
		for (int i = 0; i < declared.size(); i++) {
			missing[i] = needs.get(i).size();
			(missing[i] == 0 ? ready : waiting).add(i);
		}
		boolean[] done = new boolean[declared.size()];
		List<PgEntity> sorted = new ArrayList<>(declared.size());
		while (sorted.size() < declared.size()) {
			Integer next = ready.poll();
			if (next == null) {
				next = waiting.poll();
			}
			if (next == null || done[next]) {
				continue;
			}
			done[next] = true;
			sorted.add(declared.get(next));
			for (int dependent : neededBy.get(next)) {
				if (--missing[dependent] == 0 && !done[dependent]) {
					ready.add(dependent);
				}
			}
		}
		return sorted;
	}

	/**
	 * Splits sorted declarations into groups that name nothing of each other, each group at
	 * most {@code maxWeight} heavy unless one connected set of declarations is heavier, and
	 * each in the order given.
	 * @param sorted the declarations, sorted
	 * @param weight how heavy each declaration is (the statements it takes)
	 * @param maxWeight the weight a group should not exceed
	 * @return the groups, in the order of their first declaration
	 */
	static List<List<PgEntity>> groups(List<PgEntity> sorted, ToIntFunction<PgEntity> weight,
			int maxWeight) {
		int[] parent = new int[sorted.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		List<Set<Integer>> needs = needs(sorted);
		for (int i = 0; i < sorted.size(); i++) {
			for (int other : needs.get(i)) {
				parent[root(parent, i)] = root(parent, other);
			}
		}
		Map<Integer, List<PgEntity>> components = new LinkedHashMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			components.computeIfAbsent(root(parent, i), (r) -> new ArrayList<>()).add(sorted.get(i));
		}
		List<List<PgEntity>> groups = new ArrayList<>();
		List<PgEntity> current = new ArrayList<>();
		int currentWeight = 0;
		for (List<PgEntity> component : components.values()) {
			int componentWeight = component.stream().mapToInt(weight).sum();
			if (!current.isEmpty() && currentWeight + componentWeight > maxWeight) {
				groups.add(current);
				current = new ArrayList<>();
				currentWeight = 0;
			}
			current.addAll(component);
			currentWeight += componentWeight;
		}
		if (!current.isEmpty()) {
			groups.add(current);
		}
		// components were gathered in the order of their first member: restore the sorted order
		List<List<PgEntity>> ordered = new ArrayList<>();
		Map<PgEntity, Integer> position = new IdentityHashMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			position.put(sorted.get(i), i);
		}
		for (List<PgEntity> group : groups) {
			List<PgEntity> copy = new ArrayList<>(group);
			copy.sort(Comparator.comparingInt(position::get));
			ordered.add(copy);
		}
		return ordered;
	}

	private static int root(int[] parent, int node) {
		int root = node;
		while (parent[root] != root) {
			root = parent[root];
		}
		while (parent[node] != root) {
			int next = parent[node];
			parent[node] = root;
			node = next;
		}
		return root;
	}

	/**
	 * For each declaration, the other declarations whose names it mentions.
	 */
	private static List<Set<Integer>> needs(List<PgEntity> declared) {
		Map<String, List<Integer>> byName = new HashMap<>();
		for (int i = 0; i < declared.size(); i++) {
			byName.computeIfAbsent(declared.get(i).name(), (name) -> new ArrayList<>()).add(i);
		}
		List<Set<Integer>> needs = new ArrayList<>();
		for (int i = 0; i < declared.size(); i++) {
			Set<Integer> mine = new HashSet<>();
			for (String name : identifiers(declared.get(i).createStatement())) {
				for (int other : byName.getOrDefault(name, List.of())) {
					if (other != i) {
						mine.add(other);
					}
				}
			}
			needs.add(mine);
		}
		return needs;
	}

	private static Set<String> identifiers(String sql) {
		Set<String> names = new HashSet<>();
		collect(sql, names);
		return names;
	}

	private static void collect(String sql, Set<String> names) {
		for (Token token : SqlLexer.tokenize(sql)) {
			if (token.isIdentifier()) {
				names.add(token.identifier());
			}
			else if (token.type() == TokenType.DOLLAR_STRING) {
				String text = token.text();
				int open = text.indexOf('$', 1) + 1;
				try {
					collect(text.substring(open, text.length() - open), names);
				}
				catch (SqlSyntaxException ex) {
					// a body in another language: it names nothing we can see
				}
			}
		}
	}

}
