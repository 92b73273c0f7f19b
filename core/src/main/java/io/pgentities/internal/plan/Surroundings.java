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
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogReader;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.Dependency.ObjectId;
import io.pgentities.internal.catalog.ExternalDependent;
import io.pgentities.internal.catalog.ExternalDependentReader;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.catalog.PartitionReader;

/**
 * What lies around the managed objects and matters when one of them is dropped.
 *
 * @param bystanders views, routines, triggers and policies that are neither declared nor
 * reported (outside the schemas pg-entities reads, or ignored) and may depend on managed
 * objects; recreated along with what they depend on
 * @param bystanderNeeds what the bystanders outside the schemas read need
 * @param blockers for a managed identity, the objects that are no entities at all (a column
 * default, a constraint) and depend on it; such an object cannot be dropped without CASCADE
 * @param partitionAncestors for each partition (a table's schema-qualified name), the tables it
 * is a partition of, whose row triggers PostgreSQL clones onto it under their own names
 */
public record Surroundings(Map<String, CatalogEntity> bystanders, DependencyGraph bystanderNeeds,
		Map<String, List<String>> blockers, Map<String, Set<String>> partitionAncestors) {

	/** Nothing around. */
	public static final Surroundings NONE = new Surroundings(Map.of(), DependencyGraph.EMPTY, Map.of(), Map.of());

	public Surroundings {
		bystanders = Map.copyOf(bystanders);
		blockers = Map.copyOf(blockers);
		partitionAncestors = Map.copyOf(partitionAncestors);
	}

	/**
	 * Reads what lies around some schemas: the dependents of their objects in other schemas
	 * (read in full, to be recreated if need be), dependents that are no entities at all, and
	 * which tables are partitions of which. Two queries, plus one catalog read when such other
	 * schemas exist.
	 * @param connection the connection
	 * @param schemas the schemas read
	 * @param live what the catalog holds in them
	 * @return the surroundings
	 * @throws SQLException if reading fails
	 */
	public static Surroundings read(Connection connection, Collection<String> schemas, CatalogSnapshot live)
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
		return new Surroundings(bystanders, DependencyGraph.of(others, live), blockers,
				PartitionReader.ancestors(connection, schemas));
	}

	private static boolean isEntityCatalog(String catalog) {
		return Arrays.stream(EntityKind.values()).anyMatch((kind) -> kind.catalog().equals(catalog));
	}

	/**
	 * The same bystanders, without what makes a plan refuse: for the way back to a state the
	 * database was in.
	 * @return the surroundings without blockers and partitions
	 */
	public Surroundings withoutBlockers() {
		return new Surroundings(this.bystanders, this.bystanderNeeds, Map.of(), Map.of());
	}

	/**
	 * The same surroundings with further bystanders: objects that are read but neither
	 * declared nor reported, kept as they are unless something they depend on is dropped.
	 * @param others the further bystanders; those already present are kept as they are
	 * @return the surroundings with them
	 */
	public Surroundings withBystanders(Collection<CatalogEntity> others) {
		Map<String, CatalogEntity> all = new HashMap<>();
		others.forEach((entity) -> all.put(entity.identity(), entity));
		all.putAll(this.bystanders);
		return new Surroundings(all, this.bystanderNeeds, this.blockers, this.partitionAncestors);
	}

}
