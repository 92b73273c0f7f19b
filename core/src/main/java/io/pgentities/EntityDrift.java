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

/**
 * The comparison of one entity.
 *
 * @param kind the entity's kind
 * @param schema its schema
 * @param name its name
 * @param identity its identity, as PostgreSQL reports it (see {@link PgEntity#identity()})
 * @param status how it compares
 * @param source where it was declared, or {@code database} for an undeclared one
 * @param diff a unified diff from the database's canonical definition to the declared one;
 * empty when in sync
 */
public record EntityDrift(EntityKind kind, String schema, String name, String identity, DriftStatus status,
		String source, String diff) {

}
