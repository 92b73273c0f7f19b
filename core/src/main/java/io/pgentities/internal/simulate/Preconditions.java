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

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.pgentities.EntityKind;
import io.pgentities.EntityRejectedException;
import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntity;
import io.pgentities.internal.sql.Identifiers;
import io.pgentities.internal.sql.QualifiedName;

/**
 * What must hold before declarations are simulated, checked up front so that the error names
 * the declaration instead of surfacing later as a confusing catalog mismatch or a plan that
 * cannot apply.
 */
final class Preconditions {

	private static final int MAX_NAME_BYTES = 63;

	private static final Map<String, String> RELATION_KINDS = Map.of("r", "table", "p", "partitioned table", "S",
			"sequence", "i", "index", "I", "partitioned index", "c", "composite type", "f", "foreign table", "t",
			"TOAST table", "v", "view", "m", "materialized view");

	private Preconditions() {
	}

	/**
	 * PostgreSQL silently truncates longer names, so the object created would not be the
	 * one declared.
	 */
	static void requireNamesFit(List<PgEntity> declared) {
		for (PgEntity entity : declared) {
			String table = OwningTable.of(entity);
			List<String> names = (table != null) ? List.of(entity.schema(), table, entity.name())
					: List.of(entity.schema(), entity.name());
			for (String name : names) {
				int bytes = name.getBytes(StandardCharsets.UTF_8).length;
				if (bytes > MAX_NAME_BYTES) {
					throw InvalidDeclarationException.of(entity, "the name " + Identifiers.quote(name) + " is " + bytes
							+ " bytes long; PostgreSQL names hold at most " + MAX_NAME_BYTES + " bytes");
				}
			}
		}
	}

	/**
	 * Triggers and policies need their table, and a declared view must not take the name of a
	 * table, sequence or index.
	 */
	static void requireRelations(List<PgEntity> declared, LiveRelations live, Collection<QualifiedName> declaredRelations) {
		for (PgEntity entity : declared) {
			String table = OwningTable.of(entity);
			if (table != null && live.kind(entity.schema(), table) == null
					&& !declaredRelations.contains(new QualifiedName(entity.schema(), table))) {
				throw new EntityRejectedException(entity,
						"relation \"" + entity.schema() + "." + table + "\" does not exist", "42P01", 0,
						entity.createStatement(), null);
			}
			if (entity.kind() == EntityKind.VIEW || entity.kind() == EntityKind.MATERIALIZED_VIEW) {
				String existing = live.kind(entity.schema(), entity.name());
				if (existing != null && !existing.equals("v") && !existing.equals("m")) {
					throw new EntityRejectedException(entity, "relation \"" + entity.schema() + "." + entity.name()
							+ "\" already exists as a " + RELATION_KINDS.getOrDefault(existing, "relation")
							+ ", which pg-entities does not manage", "42P07", 0, entity.createStatement(), null);
				}
			}
		}
	}

}
