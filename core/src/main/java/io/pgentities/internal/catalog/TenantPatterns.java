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

import java.util.List;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesTenants;

/**
 * The tenant schemas whose names match patterns, found at each call.
 *
 * @param patterns the patterns, as {@link TenantSchemaReader#read} reads them
 */
public record TenantPatterns(List<String> patterns) implements PgEntitiesTenants {

	public TenantPatterns {
		patterns = List.copyOf(patterns);
	}

	@Override
	public List<String> schemas(DataSource dataSource) {
		return TenantSchemaReader.read(dataSource, this.patterns);
	}

}
