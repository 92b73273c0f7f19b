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
 * by DataSource name. The actuator endpoint, the health contributor and the metrics report
 * on each. An application with one checked DataSource has one checker; one that sets
 * {@code pg-entities.datasources} has one per entry.
 */
public final class PgEntitiesCheckers {

	private final Map<String, PgEntitiesChecker> checkers;

	private PgEntitiesCheckers(Map<String, PgEntitiesChecker> checkers) {
		this.checkers = Collections.unmodifiableMap(checkers);
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
		return new PgEntitiesCheckers(byName);
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
