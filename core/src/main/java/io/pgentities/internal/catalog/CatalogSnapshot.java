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
package io.pgentities.internal.catalog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgentities.internal.catalog.Dependency.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * What the catalog holds in some schemas: the entities, by identity, and the dependencies
 * among them and on other objects.
 *
 * @param entities the entities, in catalog order
 * @param dependencies the dependency edges whose dependent is in the schemas read
 */
public record CatalogSnapshot(List<CatalogEntity> entities, List<Dependency> dependencies) {

	public CatalogSnapshot {
		entities = List.copyOf(entities);
		dependencies = List.copyOf(dependencies);
	}

	/**
	 * The entities by identity, in catalog order.
	 * @return the entities by identity
	 */
	public Map<String, CatalogEntity> byIdentity() {
		Map<String, CatalogEntity> byIdentity = new LinkedHashMap<>();
		for (CatalogEntity entity : this.entities) {
			byIdentity.put(entity.identity(), entity);
		}
		return byIdentity;
	}

	/**
	 * The entities by catalog address.
	 * @return the entities by {@link ObjectId}
	 */
	public Map<ObjectId, CatalogEntity> byObjectId() {
		Map<ObjectId, CatalogEntity> byId = new HashMap<>();
		for (CatalogEntity entity : this.entities) {
			byId.put(entity.objectId(), entity);
		}
		return byId;
	}

	/**
	 * Finds an entity by identity.
	 * @param identity the identity
	 * @return the entity, or {@code null}
	 */
	public @Nullable CatalogEntity find(String identity) {
		for (CatalogEntity entity : this.entities) {
			if (entity.identity().equals(identity)) {
				return entity;
			}
		}
		return null;
	}

}
