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
package io.pgentities.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pgentities.catalog.CatalogEntity;

/**
 * What lies around the managed objects and matters when one of them is dropped.
 *
 * @param bystanders views, routines, triggers and policies that are neither declared nor
 * reported (outside the schemas pg-entities reads, or ignored) and may depend on managed
 * objects; recreated along with what they depend on
 * @param blockers for a managed identity, the objects that are no entities at all (a column
 * default, a constraint) and depend on it; such an object cannot be dropped without CASCADE
 */
public record Surroundings(Map<String, CatalogEntity> bystanders, Map<String, List<String>> blockers) {

	/** Nothing around. */
	public static final Surroundings NONE = new Surroundings(Map.of(), Map.of());

	public Surroundings {
		bystanders = Map.copyOf(bystanders);
		blockers = Map.copyOf(blockers);
	}

	/**
	 * The same bystanders, without blockers.
	 * @return the surroundings without blockers
	 */
	public Surroundings withoutBlockers() {
		return new Surroundings(this.bystanders, Map.of());
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
		return new Surroundings(all, this.blockers);
	}

}
