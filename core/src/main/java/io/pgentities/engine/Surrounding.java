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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgentities.EntityKind;
import io.pgentities.catalog.CatalogEntity;
import io.pgentities.catalog.CatalogReader;
import io.pgentities.catalog.CatalogSnapshot;
import io.pgentities.catalog.Dependency.ObjectId;
import io.pgentities.catalog.ExternalDependent;
import io.pgentities.catalog.ExternalDependentReader;
import io.pgentities.catalog.NameMapping;
import io.pgentities.catalog.PartitionReader;
import io.pgentities.plan.Surroundings;

/**
 * Reads what lies around the schemas pg-entities reads: the dependents of their routines and
 * views in other schemas (read in full, to be recreated if need be) and dependents that are no
 * entities at all, and which tables are partitions of which. Two queries, plus one catalog read
 * when such other schemas exist.
 *
 * @param surroundings the bystanders and blockers
 * @param bystanderNeeds for each bystander, the identities it needs
 */
record Surrounding(Surroundings surroundings, Map<String, Set<String>> bystanderNeeds) {

	static Surrounding read(Connection connection, Collection<String> schemas, CatalogSnapshot live)
			throws SQLException {
		List<ExternalDependent> dependents = ExternalDependentReader.read(connection, schemas);
		Set<String> otherSchemas = new LinkedHashSet<>();
		for (ExternalDependent dependent : dependents) {
			if (dependent.dependentSchema() != null && !schemas.contains(dependent.dependentSchema())
					&& isEntityCatalog(dependent.dependent().catalog())) {
				otherSchemas.add(dependent.dependentSchema());
			}
		}
		CatalogSnapshot others = CatalogReader.read(connection, otherSchemas, NameMapping.identity());
		Map<ObjectId, CatalogEntity> known = new HashMap<>(live.byObjectId());
		known.putAll(others.byObjectId());
		Map<String, List<String>> blockers = new HashMap<>();
		for (ExternalDependent dependent : dependents) {
			CatalogEntity referenced = known.get(dependent.referenced());
			if (referenced != null && !known.containsKey(dependent.dependent())) {
				blockers.computeIfAbsent(referenced.identity(), (k) -> new ArrayList<>()).add(dependent.description());
			}
		}
		Map<String, CatalogEntity> bystanders = new HashMap<>();
		others.entities().forEach((entity) -> bystanders.put(entity.identity(), entity));
		return new Surrounding(
				new Surroundings(bystanders, blockers, PartitionReader.ancestors(connection, schemas)),
				IdentityGraph.needs(others, live));
	}

	private static boolean isEntityCatalog(String catalog) {
		return Arrays.stream(EntityKind.values()).anyMatch((kind) -> kind.catalog().equals(catalog));
	}

	/**
	 * A dependency graph with the bystanders' needs added.
	 * @param needs the graph
	 * @return a new graph holding both
	 */
	Map<String, Set<String>> addTo(Map<String, Set<String>> needs) {
		Map<String, Set<String>> all = new HashMap<>(needs);
		this.bystanderNeeds.forEach((identity, referenced) -> all.merge(identity, referenced, (a, b) -> {
			Set<String> merged = new LinkedHashSet<>(a);
			merged.addAll(b);
			return merged;
		}));
		return all;
	}

}
