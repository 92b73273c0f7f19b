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
import java.util.Map;

import io.pgentities.PgEntity;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogRows;
import io.pgentities.internal.catalog.CatalogSnapshot;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.catalog.References;

/**
 * What PostgreSQL made of the declarations.
 *
 * @param canonical each declared entity (by identity of the instance) and its canonical form,
 * named as the declaration names it
 * @param snapshot everything the simulation created, with its dependencies (OIDs are the
 * scratch copies')
 * @param mapping how the scratch schema names map back to the declared ones
 * @param creationOrder the declarations in the order PostgreSQL accepted them
 * @param references the schemas and roles outside the simulation that its objects reference,
 * and the schemas whose names it searched or whose tables it copied
 * @param rows the catalog rows of what the simulation created, unmapped, to be read again
 * under another mapping
 */
public record SimulationResult(Map<PgEntity, CatalogEntity> canonical, CatalogSnapshot snapshot,
		NameMapping mapping, List<PgEntity> creationOrder, References references, CatalogRows rows) {

}
