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

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.FlywayMigrationWriter;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PlanRefusal;
import io.pgentities.PlanRefusedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.system.ApplicationHome;
import org.springframework.util.Assert;
import org.springframework.util.ResourceUtils;

/**
 * Writes the plan of the startup check as the next Flyway migration, and the tenant
 * migration after it when tenant schemas drifted, in dev mode only: nothing is written when
 * the application runs from a packaged jar, unless forced.
 */
final class MigrationGenerator {

	/**
	 * Where migrations go when neither the directory is set nor a Flyway bean tells:
	 * Flyway's default location in a Maven or Gradle project.
	 */
	static final String DEFAULT_DIRECTORY = "src/main/resources/db/migration";

	private static final Log logger = LogFactory.getLog(MigrationGenerator.class);

	private final PgEntitiesProperties.Generate properties;

	private final DataSource historyDataSource;

	private final @Nullable String historyTable;

	private final @Nullable Class<?> mainClass;

	private final @Nullable FlywayMigrations flyway;

	private Duration lockTimeout = PgEntitiesEngine.DEFAULT_LOCK_TIMEOUT;

	private @Nullable PgEntitiesEngine guardEngine;

	private @Nullable PgEntitiesTenantChecker tenants;

	/**
	 * Create a new generator for an application without a Flyway bean.
	 * @param properties the generation properties
	 * @param historyDataSource the database whose Flyway history counts for the next
	 * version
	 * @param historyTable the history table, optionally schema-qualified, or {@code null}
	 * for Flyway's default
	 * @param mainClass the application's main class, or {@code null} to deduce it
	 */
	MigrationGenerator(PgEntitiesProperties.Generate properties, DataSource historyDataSource,
			@Nullable String historyTable, @Nullable Class<?> mainClass) {
		this(properties, historyDataSource, historyTable, null, mainClass);
	}

	/**
	 * Create a new generator.
	 * @param properties the generation properties
	 * @param historyDataSource the database whose Flyway history counts for the next
	 * version, when there is no Flyway bean
	 * @param historyTable the history table, optionally schema-qualified, or {@code null}
	 * for Flyway's default
	 * @param flyway the migrations of the application's Flyway bean, or {@code null}
	 * without one: then they decide the directory (unless it is set) and the versions to follow
	 * @param mainClass the application's main class, or {@code null} to deduce it
	 */
	MigrationGenerator(PgEntitiesProperties.Generate properties, DataSource historyDataSource,
			@Nullable String historyTable, @Nullable FlywayMigrations flyway, @Nullable Class<?> mainClass) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(historyDataSource, "'historyDataSource' must not be null");
		this.properties = properties;
		this.historyDataSource = historyDataSource;
		this.historyTable = historyTable;
		this.flyway = flyway;
		this.mainClass = mainClass;
	}

	/**
	 * Sets the {@code lock_timeout} generated migrations start with.
	 * @param lockTimeout the timeout, zero for none
	 * @return this generator
	 */
	MigrationGenerator lockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		return this;
	}

	/**
	 * Start each migration with the fingerprint guard the engine reads from the database it
	 * analyzed, when {@code pg-entities.generate.guard} is set.
	 * @param engine the engine that analyzed the database
	 * @return this generator
	 */
	MigrationGenerator guardedBy(PgEntitiesEngine engine) {
		this.guardEngine = this.properties.isGuard() ? engine : null;
		return this;
	}

	/**
	 * Also write the migration of the tenant schemas, when they drifted from the tenant
	 * template.
	 * @param tenants the tenant checker, or {@code null} without tenants
	 * @return this generator
	 */
	MigrationGenerator tenants(@Nullable PgEntitiesTenantChecker tenants) {
		this.tenants = tenants;
		return this;
	}

	/**
	 * Write the plan of an analysis, and its undo plan if enabled, unless the plan is
	 * empty or refused; then, with tenants, the migration that loops over the drifted tenant
	 * schemas, as the next version. Nothing is written when the application is packaged and
	 * generation is not forced.
	 * @param analysis the analysis
	 * @return the migration of the analysis written
	 */
	Optional<Path> generate(Analysis analysis) {
		File jar = packagedJar(this.mainClass);
		if (jar != null && !this.properties.isForce()) {
			logger.warn("pg-entities: not writing a migration because the application runs from " + jar
					+ "; set pg-entities.generate.force=true to write one anyway");
			return Optional.empty();
		}
		Optional<Path> written = writeEntities(analysis);
		if (this.tenants != null) {
			writeTenants(this.tenants);
		}
		return written;
	}

	private Optional<Path> writeEntities(Analysis analysis) {
		MigrationPlan plan = analysis.plan();
		PlanRefusal refusal = plan.refusal();
		if (refusal != null) {
			logger.warn("pg-entities: no migration written, because no plan can resolve the drift: "
					+ refusal.reason() + ". " + refusal.action());
			return Optional.empty();
		}
		if (plan.isEmpty()) {
			logger.info("pg-entities: the database matches the declarations, no migration written");
			return Optional.empty();
		}
		FlywayMigrationWriter writer = writer();
		if (this.guardEngine != null) {
			writer = writer.withGuard(this.guardEngine.guard(analysis));
		}
		Optional<Path> written = writer.write(plan, analysis.undoPlan(), this.properties.getDescription());
		written.ifPresent((file) -> logger.warn("pg-entities: wrote migration " + file + " with "
				+ DriftMessages.count(plan.statements().size(), "statement", "statements")
				+ " for the drift; review it, then restart to apply it"));
		return written;
	}

	/**
	 * The tenants' migration follows the entities' one: the template may use what they declare.
	 */
	private void writeTenants(PgEntitiesTenantChecker tenants) {
		MigrationPlan plan;
		try {
			plan = tenants.plan();
		}
		catch (PlanRefusedException ex) {
			logger.warn("pg-entities: no tenant migration written, because no plan can bring every tenant schema "
					+ "to the tenant template: " + ex.getMessage());
			return;
		}
		if (plan.isEmpty()) {
			logger.info("pg-entities: the tenant schemas match the tenant template, no tenant migration written");
			return;
		}
		writer().write(plan, this.properties.getDescription() + " tenants")
			.ifPresent((file) -> logger.warn("pg-entities: wrote tenant migration " + file + " with "
					+ DriftMessages.count(plan.steps().size(), "loop", "loops")
					+ " over the drifted tenant schemas; review it, then restart to apply it"));
	}

	private FlywayMigrationWriter writer() {
		FlywayMigrationWriter writer = new FlywayMigrationWriter(directory().toAbsolutePath().normalize())
			.withUndo(this.properties.isUndo())
			.withLockTimeout(this.lockTimeout);
		if (this.flyway != null) {
			return writer.withVersions(this.flyway.versions());
		}
		writer = writer.withHistory(this.historyDataSource);
		return (this.historyTable != null) ? writer.withHistoryTable(this.historyTable) : writer;
	}

	/**
	 * Return the directory generated migrations go to: the one set, else the first
	 * location of the Flyway bean that is a directory of the project, else Flyway's default.
	 * @return the directory, relative to the working directory unless absolute
	 */
	Path directory() {
		String directory = this.properties.getDirectory();
		if (directory != null) {
			return Path.of(directory);
		}
		Path first = (this.flyway != null) ? this.flyway.firstDirectory() : null;
		return (first != null) ? first : Path.of(DEFAULT_DIRECTORY);
	}

	/**
	 * Return the jar or war the application runs from, if it runs from one.
	 * @param mainClass the application's main class, or {@code null} to deduce it
	 * @return the archive, or {@code null} when the application runs from directories
	 */
	static @Nullable File packagedJar(@Nullable Class<?> mainClass) {
		// ApplicationHome would do, but it ignores the code source within JUnit
		File source = (mainClass != null) ? codeSource(mainClass) : new ApplicationHome().getSource();
		return (source != null && source.isFile()) ? source : null;
	}

	private static @Nullable File codeSource(Class<?> type) {
		ProtectionDomain domain = type.getProtectionDomain();
		CodeSource codeSource = (domain != null) ? domain.getCodeSource() : null;
		URL location = (codeSource != null) ? codeSource.getLocation() : null;
		return (location != null) ? archive(location.toExternalForm()) : null;
	}

	/**
	 * Return the file a code source location names: the outermost archive of a
	 * {@code jar:} or {@code nested:} URL (such as
	 * {@code jar:nested:/app/app.jar/!BOOT-INF/classes/!/}), or the file or directory of a
	 * {@code file:} URL.
	 * @param location the location
	 * @return the file, or {@code null} for other URLs
	 */
	static @Nullable File archive(String location) {
		String url = location.startsWith("jar:") ? location.substring(4) : location;
		if (url.startsWith("nested:")) {
			String path = url.substring(7);
			int entry = path.indexOf("/!");
			return new File(URLDecoder.decode((entry >= 0) ? path.substring(0, entry) : path, StandardCharsets.UTF_8));
		}
		if (url.startsWith("file:")) {
			int entry = url.indexOf("!/");
			try {
				return ResourceUtils.getFile(new URL((entry >= 0) ? url.substring(0, entry) : url));
			}
			catch (IOException ex) {
				return null;
			}
		}
		return null;
	}

}
