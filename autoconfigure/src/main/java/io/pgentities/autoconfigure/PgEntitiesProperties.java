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

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgentities.Hazard;
import io.pgentities.PgEntitiesEngine;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for pg-entities.
 */
@ConfigurationProperties("pg-entities")
public class PgEntitiesProperties {

	/**
	 * Whether to enable pg-entities.
	 */
	private boolean enabled = true;

	/**
	 * Locations of SQL files whose CREATE statements declare entities, as Spring resource
	 * patterns ('classpath*:' and 'file:' included).
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath*:db/entities/**/*.sql"));

	/**
	 * Managed schemas, where undeclared objects are reported (and dropped if enabled).
	 * Empty means the schemas of the declared entities.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * What to do when the database differs from the declarations at startup.
	 */
	private CheckMode checkOnStartup = CheckMode.WARN;

	/**
	 * Whether plans drop objects in the managed schemas that nothing declares.
	 */
	private boolean dropUndeclared;

	/**
	 * Hazards the statements of a plan may have for apply-on-migrate to apply it; a plan with
	 * others fails the migrate. DROPS_UNDECLARED is allowed whenever drop-undeclared is set.
	 */
	private Set<Hazard> allowedHazards = EnumSet.copyOf(PgEntitiesEngine.DEFAULT_ALLOWED_HAZARDS);

	/**
	 * Identity patterns of undeclared objects to leave alone: neither reported nor dropped.
	 * '*' matches any run of characters, as in 'public.legacy_*' or 'reporting.*'.
	 */
	private List<String> ignore = new ArrayList<>();

	/**
	 * Whether to bring the database to the declared state in a Flyway afterMigrate
	 * callback.
	 */
	private boolean applyOnMigrate;

	/**
	 * How long a check waits for a lock before failing (lock_timeout).
	 */
	private Duration lockTimeout = PgEntitiesEngine.DEFAULT_LOCK_TIMEOUT;

	/**
	 * How long one statement of a check may run (statement_timeout).
	 */
	private Duration statementTimeout = PgEntitiesEngine.DEFAULT_STATEMENT_TIMEOUT;

	/**
	 * Schema of the unqualified names in SQL files.
	 */
	private String defaultSchema = PgEntitiesEngine.DEFAULT_SCHEMA;

	/**
	 * Whether checks take the declared side from compiled declarations on the classpath
	 * (META-INF/pg-entities/compiled.json) when they hold the same declarations, instead
	 * of simulating them.
	 */
	private boolean precompiled = true;

	/**
	 * Entity sets checked on other DataSources, keyed by DataSource bean name. When set,
	 * each entry gets its own engine, declarations and check, and the top-level locations
	 * and schemas are not used. An entry's 'tenants.locations' and 'tenants.schemas' declare
	 * the tenant template and tenant schemas of that DataSource; the top-level 'tenants'
	 * properties must not be set.
	 */
	private Map<String, DataSourceEntities> datasources = new LinkedHashMap<>();

	/**
	 * What the security lint of the declarations does at startup: off, warn (log the
	 * findings) or fail (startup fails, listing every finding).
	 */
	private CheckMode lint = CheckMode.WARN;

	private final Apply apply = new Apply();

	private final Generate generate = new Generate();

	private final Health health = new Health();

	private final Tenants tenants = new Tenants();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public CheckMode getCheckOnStartup() {
		return this.checkOnStartup;
	}

	public void setCheckOnStartup(CheckMode checkOnStartup) {
		this.checkOnStartup = checkOnStartup;
	}

	public boolean isDropUndeclared() {
		return this.dropUndeclared;
	}

	public void setDropUndeclared(boolean dropUndeclared) {
		this.dropUndeclared = dropUndeclared;
	}

	public Set<Hazard> getAllowedHazards() {
		return this.allowedHazards;
	}

	public void setAllowedHazards(Set<Hazard> allowedHazards) {
		this.allowedHazards = allowedHazards;
	}

	public List<String> getIgnore() {
		return this.ignore;
	}

	public void setIgnore(List<String> ignore) {
		this.ignore = ignore;
	}

	public boolean isApplyOnMigrate() {
		return this.applyOnMigrate;
	}

	public void setApplyOnMigrate(boolean applyOnMigrate) {
		this.applyOnMigrate = applyOnMigrate;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public String getDefaultSchema() {
		return this.defaultSchema;
	}

	public void setDefaultSchema(String defaultSchema) {
		this.defaultSchema = defaultSchema;
	}

	public boolean isPrecompiled() {
		return this.precompiled;
	}

	public void setPrecompiled(boolean precompiled) {
		this.precompiled = precompiled;
	}

	public CheckMode getLint() {
		return this.lint;
	}

	public void setLint(CheckMode lint) {
		this.lint = lint;
	}

	public Apply getApply() {
		return this.apply;
	}

	public Generate getGenerate() {
		return this.generate;
	}

	public Map<String, DataSourceEntities> getDatasources() {
		return this.datasources;
	}

	public void setDatasources(Map<String, DataSourceEntities> datasources) {
		this.datasources = datasources;
	}

	public Health getHealth() {
		return this.health;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	/**
	 * What the startup check does with drift.
	 */
	public enum CheckMode {

		/**
		 * Do not check at startup.
		 */
		OFF,

		/**
		 * Log the drifted entities and the plan at WARN level.
		 */
		WARN,

		/**
		 * Fail startup, listing every drifted entity.
		 */
		FAIL

	}

	/**
	 * Applying plans: in the Flyway callback and in generated migrations.
	 */
	public static class Apply {

		/**
		 * How long a statement of a plan, applied or in a generated migration, waits for a
		 * lock before it fails and the plan is rolled back (lock_timeout).
		 */
		private Duration lockTimeout = PgEntitiesEngine.DEFAULT_LOCK_TIMEOUT;

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

	}

	/**
	 * Dev-mode generation of Flyway migrations.
	 */
	public static class Generate {

		/**
		 * Whether to write a Flyway migration for the drift at startup.
		 */
		private boolean onStartup;

		/**
		 * Directory the migration is written into, relative to the working directory.
		 * Defaults to the first filesystem location Flyway uses, else its first classpath
		 * location under 'src/main/resources', else 'src/main/resources/db/migration'.
		 */
		private @Nullable String directory;

		/**
		 * Description of generated migrations, part of their file names.
		 */
		private String description = "pg_entities";

		/**
		 * Whether to generate even when the application runs from a packaged jar.
		 */
		private boolean force;

		/**
		 * Whether to also write an undo script (U file, run by Flyway Teams' undo) for
		 * each generated migration.
		 */
		private boolean undo;

		/**
		 * Whether each generated migration starts with a guard that fails it, naming the
		 * objects, when an object it drops, replaces or alters changed in the database since
		 * it was generated.
		 */
		private boolean guard = true;

		public boolean isGuard() {
			return this.guard;
		}

		public void setGuard(boolean guard) {
			this.guard = guard;
		}

		public boolean isOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(boolean onStartup) {
			this.onStartup = onStartup;
		}

		public @Nullable String getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable String directory) {
			this.directory = directory;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public boolean isForce() {
			return this.force;
		}

		public void setForce(boolean force) {
			this.force = force;
		}

		public boolean isUndo() {
			return this.undo;
		}

		public void setUndo(boolean undo) {
			this.undo = undo;
		}

	}

	/**
	 * The pg-entities health contributor.
	 */
	public static class Health {

		/**
		 * Whether drift makes the health contributor report DOWN instead of UP.
		 */
		private boolean downOnDrift;

		/**
		 * How long the health contributor reuses the result of a check before running a
		 * new one.
		 */
		private Duration cacheTimeToLive = Duration.ofSeconds(30);

		public boolean isDownOnDrift() {
			return this.downOnDrift;
		}

		public void setDownOnDrift(boolean downOnDrift) {
			this.downOnDrift = downOnDrift;
		}

		public Duration getCacheTimeToLive() {
			return this.cacheTimeToLive;
		}

		public void setCacheTimeToLive(Duration cacheTimeToLive) {
			this.cacheTimeToLive = cacheTimeToLive;
		}

	}

	/**
	 * Schema per tenant: entities every tenant schema has.
	 */
	public static class Tenants {

		/**
		 * Patterns of the tenant schemas, matched against the database's schemas at each
		 * check; '*' stands for any run of characters and '?' for one, as in 'tenant_*'. A
		 * PgEntitiesTenants bean supplies the tenant schemas instead; with
		 * 'pg-entities.datasources', one qualified with the DataSource's name.
		 */
		private List<String> schemas = new ArrayList<>();

		/**
		 * Locations of SQL files whose CREATE statements declare unqualified entities, each
		 * standing for the same entity in every tenant schema (Spring resource patterns).
		 */
		private List<String> locations = new ArrayList<>();

		public List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(List<String> schemas) {
			this.schemas = schemas;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

	/**
	 * The entities of one DataSource, when pg-entities checks several.
	 */
	public static class DataSourceEntities {

		/**
		 * Locations of SQL files whose CREATE statements declare this DataSource's
		 * entities. Defaults to the SQL files under 'db/entities/<name>/' on the class
		 * path.
		 */
		private @Nullable List<String> locations;

		/**
		 * Managed schemas of this DataSource. Empty means the schemas of its declared
		 * entities.
		 */
		private List<String> schemas = new ArrayList<>();

		/**
		 * What to do when this DataSource differs from its declarations at startup.
		 * Defaults to 'pg-entities.check-on-startup'.
		 */
		private @Nullable CheckMode checkOnStartup;

		/**
		 * Whether plans drop objects in this DataSource's managed schemas that nothing
		 * declares. Defaults to 'pg-entities.drop-undeclared'.
		 */
		private @Nullable Boolean dropUndeclared;

		/**
		 * Schema per tenant in this DataSource.
		 */
		private final Tenants tenants = new Tenants();

		public @Nullable List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(@Nullable List<String> locations) {
			this.locations = locations;
		}

		public List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(List<String> schemas) {
			this.schemas = schemas;
		}

		public @Nullable CheckMode getCheckOnStartup() {
			return this.checkOnStartup;
		}

		public void setCheckOnStartup(@Nullable CheckMode checkOnStartup) {
			this.checkOnStartup = checkOnStartup;
		}

		public @Nullable Boolean getDropUndeclared() {
			return this.dropUndeclared;
		}

		public void setDropUndeclared(@Nullable Boolean dropUndeclared) {
			this.dropUndeclared = dropUndeclared;
		}

		public Tenants getTenants() {
			return this.tenants;
		}

		/**
		 * Return the locations of a DataSource's entity files: the configured ones, else
		 * {@code classpath*:db/entities/<name>/**}{@code /*.sql}.
		 * @param name the DataSource bean name
		 * @return the locations
		 */
		public List<String> locationsOf(String name) {
			return (this.locations != null) ? this.locations : List.of("classpath*:db/entities/" + name + "/**/*.sql");
		}

	}

}
