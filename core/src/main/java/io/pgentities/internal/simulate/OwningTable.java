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

import io.pgentities.PgEntity;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import org.jspecify.annotations.Nullable;

/**
 * The table a declared trigger or policy belongs to: the one kind of declaration a simulation
 * must give a scratch copy of a live relation.
 */
final class OwningTable {

	private OwningTable() {
	}

	/**
	 * The table the entity is on, in the entity's schema.
	 * @param entity the entity
	 * @return the table's name, or {@code null} for entities that belong to no table
	 */
	static @Nullable String of(PgEntity entity) {
		if (entity instanceof PgTrigger trigger) {
			return trigger.table();
		}
		return (entity instanceof PgPolicy policy) ? policy.table() : null;
	}

}
