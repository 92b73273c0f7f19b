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
package io.pgentities;

import java.time.Duration;
import java.util.List;

/**
 * The result of {@link PgEntitiesEngine#check}: every declared entity and every undeclared
 * one in the managed schemas, with its status, ordered by kind and identity.
 *
 * @param entities the compared entities
 * @param duration how long the check took
 */
public record DriftReport(List<EntityDrift> entities, Duration duration) {

	public DriftReport {
		entities = List.copyOf(entities);
	}

	/**
	 * Whether nothing drifted: every entity is {@link DriftStatus#IN_SYNC}.
	 * @return whether the database matches the declarations
	 */
	public boolean inSync() {
		return this.entities.stream().allMatch((entity) -> entity.status() == DriftStatus.IN_SYNC);
	}

	/**
	 * The entities that are not in sync.
	 * @return the drifted entities
	 */
	public List<EntityDrift> drifted() {
		return this.entities.stream().filter((entity) -> entity.status() != DriftStatus.IN_SYNC).toList();
	}

}
