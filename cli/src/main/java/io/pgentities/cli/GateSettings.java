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
package io.pgentities.cli;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a run of the drift gate works on: the database, or migrations to build one from, and
 * the declared entities.
 *
 * @param url the JDBC URL of the database, or {@code null} to start an embedded PostgreSQL
 * and run {@code migrations} on it
 * @param user the database user, or {@code null} for the URL's
 * @param password the password, or {@code null} for the URL's
 * @param entities entity files, directories (searched recursively for {@code *.sql}) and globs
 * @param migrations Flyway locations ({@code filesystem:} is assumed for a plain path), run on
 * the embedded PostgreSQL when there is no URL
 * @param postgresVersion the embedded PostgreSQL's version (a major version such as {@code 16} or a
 * full one such as {@code 16.10.0}), or {@code null} for the launcher's default
 * @param schemas the managed schemas; empty means the schemas of the declared entities
 * @param ignore identity patterns ({@code *} wildcard) of undeclared objects that are neither
 * reported, planned nor imported
 * @param dropUndeclared whether plans drop undeclared objects
 * @param workingDirectory what relative paths and the sources in reports are relative to
 */
public record GateSettings(@Nullable String url, @Nullable String user, @Nullable String password,
		List<String> entities, List<String> migrations, @Nullable String postgresVersion,
		List<String> schemas, List<String> ignore, boolean dropUndeclared, Path workingDirectory) {

	public GateSettings {
		entities = List.copyOf(entities);
		migrations = List.copyOf(migrations);
		schemas = List.copyOf(schemas);
		ignore = List.copyOf(ignore);
		workingDirectory = workingDirectory.toAbsolutePath().normalize();
	}

}
