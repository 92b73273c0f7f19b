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
package io.pgentities.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.pgentities.cli.DriftGate;
import io.pgentities.cli.GateException;
import io.pgentities.cli.GateSettings;
import io.pgentities.PgEntitiesException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: the database (a URL, or the project's Flyway migrations on an
 * embedded PostgreSQL), the entity files, and the way a gate error fails the build.
 */
abstract class AbstractGateMojo extends AbstractMojo {

	static final String DEFAULT_ENTITIES = "src/main/resources/db/entities";

	static final String DEFAULT_MIGRATIONS = "src/main/resources/db/migration";

	/** The project's directory: relative paths and the sources in reports are relative to it. */
	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	@Nullable File basedir;

	/** The JDBC URL of the database; without it, the migrations run on an embedded PostgreSQL. */
	@Parameter(property = "pg-entities.url")
	@Nullable String url;

	/** The database user (default: the URL's). */
	@Parameter(property = "pg-entities.user")
	@Nullable String user;

	/** The database password (default: the URL's). */
	@Parameter(property = "pg-entities.password")
	@Nullable String password;

	/**
	 * Entity SQL files, directories (searched recursively for {@code *.sql}) and globs.
	 * Default: {@code src/main/resources/db/entities}, when it exists.
	 */
	@Parameter(property = "pg-entities.entities")
	@Nullable List<String> entities;

	/**
	 * Flyway migration locations, run on the embedded PostgreSQL when there is no URL.
	 * Default: {@code src/main/resources/db/migration}.
	 */
	@Parameter(property = "pg-entities.migrations")
	@Nullable List<String> migrations;

	/**
	 * The embedded PostgreSQL's version: 13 to 18, or a full version (default: the launcher's).
	 * Its binaries and data go under {@code PG_ENTITIES_EMBEDDED_DIRECTORY}, else
	 * {@code target/embedded-postgres} of the directory Maven runs in.
	 */
	@Parameter(property = "pg-entities.postgres-version")
	@Nullable String postgresVersion;

	/** The managed schemas (default: the schemas of the declared entities). */
	@Parameter(property = "pg-entities.schemas")
	@Nullable List<String> schemas;

	/**
	 * Identity patterns ({@code *} wildcard, such as {@code public.legacy_*}) of undeclared
	 * objects that are neither reported, planned nor imported.
	 */
	@Parameter(property = "pg-entities.ignore")
	@Nullable List<String> ignore;

	/** Whether plans drop undeclared objects in the managed schemas. */
	@Parameter(property = "pg-entities.drop-undeclared", defaultValue = "false")
	boolean dropUndeclared;

	/** Whether to skip the goal. */
	@Parameter(property = "pg-entities.skip", defaultValue = "false")
	boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping pg-entities (pg-entities.skip=true)");
			return;
		}
		try {
			run(new DriftGate(settings()));
		}
		catch (GateException | PgEntitiesException ex) {
			throw new MojoExecutionException("pg-entities: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Does the goal's work.
	 * @param gate the gate on the configured database and entities
	 */
	abstract void run(DriftGate gate) throws MojoExecutionException, MojoFailureException;

	GateSettings settings() {
		return new GateSettings(this.url, this.user, this.password, entityLocations(), migrationLocations(),
				this.postgresVersion, orEmpty(this.schemas), orEmpty(this.ignore),
				this.dropUndeclared, basedir());
	}

	List<String> entityLocations() {
		if (this.entities != null && !this.entities.isEmpty()) {
			return this.entities;
		}
		return Files.isDirectory(basedir().resolve(DEFAULT_ENTITIES)) ? List.of(DEFAULT_ENTITIES) : List.of();
	}

	List<String> migrationLocations() {
		return (this.migrations != null && !this.migrations.isEmpty()) ? this.migrations : List.of(DEFAULT_MIGRATIONS);
	}

	Path basedir() {
		return ((this.basedir != null) ? this.basedir : new File(".")).toPath().toAbsolutePath();
	}

	void logLines(String text) {
		text.lines().forEach((line) -> getLog().info(line));
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}
