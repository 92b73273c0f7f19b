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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link FlywayMigrations} of the application's {@link Flyway} bean, read from its
 * configuration and its {@code info()} rather than from {@code spring.flyway.*}, so that
 * customizers and Flyway's own defaults count.
 */
final class FlywayBeanMigrations implements FlywayMigrations {

	private static final String SOURCES = "src/main/resources";

	private final Flyway flyway;

	FlywayBeanMigrations(Flyway flyway) {
		Assert.notNull(flyway, "'flyway' must not be null");
		this.flyway = flyway;
	}

	/**
	 * The first {@code filesystem:} location, else the first {@code classpath:} one, in the
	 * order Flyway keeps them (it sorts them, so it need not be the order they were given in).
	 * A filesystem location wins because it names the very directory Flyway reads, while a
	 * classpath one only maps to the project's sources by convention.
	 */
	@Override
	public @Nullable Path firstDirectory() {
		Location[] locations = this.flyway.getConfiguration().getLocations();
		for (Location location : locations) {
			if (location.isFileSystem()) {
				return directory(location);
			}
		}
		for (Location location : locations) {
			if (location.isClassPath()) {
				return directory(location);
			}
		}
		return null;
	}

	static @Nullable Path directory(Location location) {
		if (location.isFileSystem()) {
			return Path.of(location.getRootPath());
		}
		if (location.isClassPath()) {
			return Path.of(SOURCES, location.getRootPath());
		}
		return null;
	}

	@Override
	public List<String> versions() {
		return Arrays.stream(this.flyway.info().all())
			.map(MigrationInfo::getVersion)
			.filter(Objects::nonNull)
			.map(MigrationVersion::getVersion)
			.filter(Objects::nonNull)
			.toList();
	}

}
