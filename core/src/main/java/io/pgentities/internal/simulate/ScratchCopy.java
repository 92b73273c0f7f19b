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

import java.util.List;

import io.pgentities.PgEntity;
import io.pgentities.PgEventTrigger;

/**
 * What a declaration becomes in a simulation where its kind has rules of its own: the one
 * place that knows which kinds those are, as {@link OwningTable} knows which are on a table.
 */
final class ScratchCopy {

	private ScratchCopy() {
	}

	/**
	 * The entity as the simulation creates it: an event trigger under a scratch name, since its
	 * name is unique in the database and a live event trigger may hold it; others as they are.
	 * @param entity the declared entity
	 * @param scratch the simulation's scratch names
	 * @return the entity to create
	 */
	static PgEntity of(PgEntity entity, ScratchNames scratch) {
		if (entity instanceof PgEventTrigger trigger) {
			return trigger.withName(scratch.scratchName(trigger.schema(), trigger.name()));
		}
		return entity;
	}

	/**
	 * The statements that complete an entity's {@code CREATE}: when an event trigger fires.
	 * @param entity the entity, as {@link #of} made it
	 * @return the statements, empty for most entities
	 */
	static List<String> completion(PgEntity entity) {
		if (entity instanceof PgEventTrigger trigger && trigger.firingStatement() != null) {
			return List.of(trigger.firingStatement());
		}
		return List.of();
	}

}
