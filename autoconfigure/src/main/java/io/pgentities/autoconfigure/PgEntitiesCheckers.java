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
package io.pgentities.autoconfigure;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link PgEntitiesChecker checkers} of an application, one per checked DataSource,
 * by DataSource name, with the {@link PgEntitiesTenantChecker tenant checker} of each
 * DataSource that has tenant schemas. The actuator endpoint, the health contributor and the
 * metrics report on each. An application with one checked DataSource has one checker; one
 * that sets {@code pg-entities.datasources} has one per entry.
 */
public final class PgEntitiesCheckers {

	private final Map<String, PgEntitiesChecker> checkers;

	private final Map<String, PgEntitiesTenantChecker> tenants;

	private PgEntitiesCheckers(Map<String, PgEntitiesChecker> checkers, Map<String, PgEntitiesTenantChecker> tenants) {
		this.checkers = Collections.unmodifiableMap(checkers);
		this.tenants = Collections.unmodifiableMap(tenants);
	}

	/**
	 * Return the checkers, each under its {@link PgEntitiesChecker#getDataSourceName()
	 * DataSource name}.
	 * @param checkers the checkers, in the order reports list them
	 * @return the checkers
	 * @throws IllegalArgumentException if there are none, or two check DataSources of the
	 * same name
	 */
	public static PgEntitiesCheckers of(Collection<PgEntitiesChecker> checkers) {
		Assert.notEmpty(checkers, "'checkers' must not be empty");
		Map<String, PgEntitiesChecker> byName = new LinkedHashMap<>();
		for (PgEntitiesChecker checker : checkers) {
			PgEntitiesChecker previous = byName.putIfAbsent(checker.getDataSourceName(), checker);
			Assert.isTrue(previous == null, () -> "Two checkers of DataSource '" + checker.getDataSourceName() + "'");
		}
		return new PgEntitiesCheckers(byName, Map.of());
	}

	/**
	 * Return the checkers of one DataSource.
	 * @param checker the checker
	 * @return the checkers
	 */
	public static PgEntitiesCheckers of(PgEntitiesChecker checker) {
		return of(List.of(checker));
	}

	/**
	 * Return these checkers with the tenant checker of one of their DataSources.
	 * @param dataSourceName the name of the DataSource the tenant schemas are in
	 * @param tenants the tenant checker, or {@code null} for none
	 * @return the checkers
	 * @throws IllegalArgumentException if that DataSource is not checked
	 */
	public PgEntitiesCheckers withTenants(String dataSourceName, @Nullable PgEntitiesTenantChecker tenants) {
		Assert.isTrue(this.checkers.containsKey(dataSourceName), () -> "DataSource '" + dataSourceName
				+ "' has tenant schemas but is not checked; checked are " + this.checkers.keySet());
		Map<String, PgEntitiesTenantChecker> withTenants = new LinkedHashMap<>(this.tenants);
		if (tenants != null) {
			withTenants.put(dataSourceName, tenants);
		}
		else {
			withTenants.remove(dataSourceName);
		}
		return new PgEntitiesCheckers(this.checkers, withTenants);
	}

	/**
	 * Return the tenant checker of a DataSource.
	 * @param dataSourceName the DataSource's name
	 * @return the tenant checker, or {@code null} if that DataSource has no tenant schemas
	 */
	public @Nullable PgEntitiesTenantChecker getTenants(String dataSourceName) {
		return this.tenants.get(dataSourceName);
	}

	/**
	 * Return the tenant checkers by DataSource name.
	 * @return the tenant checkers of the DataSources that have tenant schemas, in the order
	 * they were added
	 */
	public Map<String, PgEntitiesTenantChecker> tenantsAsMap() {
		return this.tenants;
	}

	/**
	 * Return the names of the checked DataSources.
	 * @return the names, in order
	 */
	public Set<String> getDataSourceNames() {
		return this.checkers.keySet();
	}

	/**
	 * Return the checker of a DataSource.
	 * @param dataSourceName the DataSource's name
	 * @return the checker, or {@code null} if that DataSource is not checked
	 */
	public @Nullable PgEntitiesChecker get(String dataSourceName) {
		return this.checkers.get(dataSourceName);
	}

	/**
	 * Return the checkers by DataSource name.
	 * @return the checkers, in order
	 */
	public Map<String, PgEntitiesChecker> asMap() {
		return this.checkers;
	}

	/**
	 * Return whether a single DataSource is checked.
	 * @return whether there is one checker
	 */
	public boolean isSingle() {
		return this.checkers.size() == 1;
	}

}
