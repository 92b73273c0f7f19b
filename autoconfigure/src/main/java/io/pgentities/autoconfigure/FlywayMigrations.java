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
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the application's Flyway knows about its migrations: where a generated migration goes
 * so that Flyway finds it, and which versions it must follow. Kept apart from Flyway's types
 * so that generation works without Flyway on the class path.
 */
interface FlywayMigrations {

	/**
	 * The directory of the first location Flyway reads migrations from that is a directory
	 * of the project: the first {@code filesystem:} location as it is, else the first
	 * {@code classpath:} one under {@code src/main/resources}.
	 * @return the directory, relative to the working directory unless the location is
	 * absolute, or {@code null} when no location is one (cloud storage only)
	 */
	@Nullable Path firstDirectory();

	/**
	 * The versions of every versioned migration Flyway knows: applied ones, and pending ones
	 * in every location.
	 * @return the versions, dotted
	 */
	List<String> versions();

}
