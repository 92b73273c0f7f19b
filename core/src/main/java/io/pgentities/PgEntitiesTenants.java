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

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.pgentities.internal.catalog.TenantPatterns;

/**
 * Where the tenant schemas are: the schemas a {@link TenantTemplate} is checked and reconciled
 * in. Asked again at each check, so that tenants created since the last one are included.
 */
@FunctionalInterface
public interface PgEntitiesTenants {

	/**
	 * The tenant schemas now.
	 * @param dataSource the database the tenants are in
	 * @return the schema names, as plain names, each once
	 * @throws PgEntitiesException if they cannot be found
	 */
	List<String> schemas(DataSource dataSource);

	/**
	 * The patterns the tenant schemas match, for the loops of a generated migration
	 * ({@link PgEntitiesEngine#planTenants(TenantTemplate, PgEntitiesTenants)}) to match again
	 * when the migration runs, so that tenants created meanwhile are included.
	 * @return the patterns; empty when the schemas are not found by pattern, and a migration
	 * names them instead
	 */
	default List<String> patterns() {
		return List.of();
	}

	/**
	 * A fixed list of tenant schemas.
	 * @param schemas the schema names
	 * @return the tenants
	 */
	static PgEntitiesTenants of(Collection<String> schemas) {
		List<String> copy = List.copyOf(schemas);
		return (dataSource) -> copy;
	}

	/**
	 * The schemas of the database whose names match patterns, found at each call with one
	 * query of {@code pg_namespace}. In a pattern, {@code *} stands for any run of characters
	 * and {@code ?} for one character ({@code tenant_*}); every other character stands for
	 * itself. PostgreSQL's own schemas and pg-entities' scratch schemas never match.
	 * @param patterns the patterns
	 * @return the tenants, ordered by schema name
	 */
	static PgEntitiesTenants matching(Collection<String> patterns) {
		patterns.forEach((pattern) -> Objects.requireNonNull(pattern, "patterns must not contain null"));
		return new TenantPatterns(List.copyOf(patterns));
	}

}
