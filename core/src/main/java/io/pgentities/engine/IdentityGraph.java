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
package io.pgentities.engine;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.pgentities.catalog.CatalogEntity;
import io.pgentities.catalog.CatalogSnapshot;
import io.pgentities.catalog.Dependency;
import io.pgentities.catalog.Dependency.ObjectId;

/**
 * Lifts catalog dependency edges (by OID) to edges between identities, which is what the
 * planner compares across the live and the simulated side.
 */
final class IdentityGraph {

	private IdentityGraph() {
	}

	/**
	 * The needs of each entity of a snapshot.
	 * @param snapshot the snapshot whose edges to lift
	 * @param others further objects edges may point at (the live ones, for the simulated side)
	 * @return for each identity, the identities it needs
	 */
	static Map<String, Set<String>> needs(CatalogSnapshot snapshot, CatalogSnapshot... others) {
		Map<ObjectId, CatalogEntity> byId = new HashMap<>();
		for (CatalogSnapshot other : others) {
			byId.putAll(other.byObjectId());
		}
		byId.putAll(snapshot.byObjectId());
		Map<String, Set<String>> needs = new HashMap<>();
		for (Dependency dependency : snapshot.dependencies()) {
			CatalogEntity dependent = byId.get(dependency.dependent());
			CatalogEntity referenced = byId.get(dependency.referenced());
			if (dependent != null && referenced != null && !dependent.identity().equals(referenced.identity())) {
				needs.computeIfAbsent(dependent.identity(), (k) -> new LinkedHashSet<>()).add(referenced.identity());
			}
		}
		return needs;
	}

}
