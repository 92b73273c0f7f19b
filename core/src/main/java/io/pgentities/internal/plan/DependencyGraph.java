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

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.Dependency;
import io.pgentities.internal.catalog.Dependency.ObjectId;

/**
 * Which objects need which, by identity: the edges the planner orders drops and creations
 * by, and follows from a dropped object to what must be recreated with it. Immutable.
 */
public final class DependencyGraph {

	/** No edges. */
	public static final DependencyGraph EMPTY = new DependencyGraph(Map.of());

	private final Map<String, Set<String>> needs;

	private final Map<String, Set<String>> dependents;

	private DependencyGraph(Map<String, ? extends Set<String>> needs) {
		Map<String, Set<String>> copy = new LinkedHashMap<>();
		Map<String, Set<String>> inverted = new HashMap<>();
		needs.forEach((dependent, referenced) -> {
			Set<String> targets = new LinkedHashSet<>(referenced);
			targets.remove(dependent);
			if (!targets.isEmpty()) {
				copy.put(dependent, Collections.unmodifiableSet(targets));
				targets.forEach((target) -> inverted.computeIfAbsent(target, (t) -> new LinkedHashSet<>()).add(dependent));
			}
		});
		this.needs = Collections.unmodifiableMap(copy);
		inverted.replaceAll((target, sources) -> Collections.unmodifiableSet(sources));
		this.dependents = Collections.unmodifiableMap(inverted);
	}

	/**
	 * A graph of the given edges; an edge from an object to itself is left out.
	 * @param needs for each identity, the identities it needs
	 * @return the graph
	 */
	public static DependencyGraph of(Map<String, ? extends Set<String>> needs) {
		return new DependencyGraph(needs);
	}

	/**
	 * The dependency edges of a snapshot, lifted from catalog addresses to identities, which
	 * is what compares across the live and the simulated side.
	 * @param snapshot the snapshot whose edges to lift
	 * @param others further objects edges may point at (the live ones, for the simulated side)
	 * @return the graph
	 */
	public static DependencyGraph of(CatalogSnapshot snapshot, CatalogSnapshot... others) {
		Map<ObjectId, CatalogEntity> byId = new HashMap<>();
		for (CatalogSnapshot other : others) {
			byId.putAll(other.byObjectId());
		}
		byId.putAll(snapshot.byObjectId());
		Map<String, Set<String>> needs = new LinkedHashMap<>();
		for (Dependency dependency : snapshot.dependencies()) {
			CatalogEntity dependent = byId.get(dependency.dependent());
			CatalogEntity referenced = byId.get(dependency.referenced());
			if (dependent != null && referenced != null) {
				needs.computeIfAbsent(dependent.identity(), (k) -> new LinkedHashSet<>()).add(referenced.identity());
			}
		}
		return new DependencyGraph(needs);
	}

	/**
	 * What an object needs.
	 * @param identity the object's identity
	 * @return the identities it needs, empty if none
	 */
	public Set<String> needs(String identity) {
		return this.needs.getOrDefault(identity, Set.of());
	}

	/**
	 * What needs an object.
	 * @param identity the object's identity
	 * @return the identities that need it, empty if none
	 */
	public Set<String> dependents(String identity) {
		return this.dependents.getOrDefault(identity, Set.of());
	}

	/**
	 * This graph with another's edges added.
	 * @param other the other graph
	 * @return a graph holding the edges of both
	 */
	public DependencyGraph merge(DependencyGraph other) {
		if (other.needs.isEmpty()) {
			return this;
		}
		Map<String, Set<String>> all = new LinkedHashMap<>();
		this.needs.forEach((identity, referenced) -> all.put(identity, new LinkedHashSet<>(referenced)));
		other.needs.forEach((identity, referenced) -> all.computeIfAbsent(identity, (k) -> new LinkedHashSet<>())
			.addAll(referenced));
		return new DependencyGraph(all);
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof DependencyGraph graph) && this.needs.equals(graph.needs);
	}

	@Override
	public int hashCode() {
		return this.needs.hashCode();
	}

	@Override
	public String toString() {
		return "DependencyGraph" + this.needs;
	}

}
