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

import io.pgentities.internal.catalog.Dependency.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Something that depends on a routine or view of the schemas read, wherever it lives and
 * whatever it is ({@code dependents.sql}).
 *
 * @param referenced the routine or view depended on
 * @param dependent the dependent's address (a view for a rewrite rule)
 * @param dependentSchema the dependent's schema, when it is a view, routine, trigger or policy
 * @param description PostgreSQL's name for the dependent, e.g. {@code default value for column
 * code of table shop.orders}
 */
public record ExternalDependent(ObjectId referenced, ObjectId dependent, @Nullable String dependentSchema,
		String description) {

}
