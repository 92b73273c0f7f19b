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

import java.util.List;

import javax.sql.DataSource;

import io.pgentities.PgEntitiesEngine;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration for pg-entities: the declared entities, the engine, the startup
 * check with dev-mode generation, and the Flyway callback that applies the declarations
 * after {@code migrate}.
 *
 * @see PgEntitiesEndpointAutoConfiguration
 * @see PgEntitiesHealthContributorAutoConfiguration
 * @see PgEntitiesMetricsAutoConfiguration
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration" })
@ConditionalOnClass(PgEntitiesEngine.class)
@ConditionalOnBooleanProperty(name = "pg-entities.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(PgEntitiesProperties.class)
public final class PgEntitiesAutoConfiguration {

	private static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

	@Bean
	@ConditionalOnMissingBean(PgEntityDeclarations.class)
	ApplicationPgEntityDeclarations pgEntityDeclarations(ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader, PgEntitiesProperties properties) {
		return declarations(beanFactory, resourceLoader, properties, false);
	}

	private static ApplicationPgEntityDeclarations declarations(ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader, PgEntitiesProperties properties, boolean development) {
		return new ApplicationPgEntityDeclarations(beanFactory,
				ResourcePatternUtils.getResourcePatternResolver(resourceLoader), properties.getLocations(),
				properties.getDefaultSchema(), development);
	}

	@Bean
	@ConditionalOnMissingBean
	PgEntitiesEngine pgEntitiesEngine(DataSource dataSource, PgEntitiesProperties properties) {
		return PgEntitiesEngine.builder(dataSource)
			.schemas(properties.getSchemas())
			.dropUndeclared(properties.isDropUndeclared())
			.ignore(properties.getIgnore())
			.lockTimeout(properties.getLockTimeout())
			.applyLockTimeout(properties.getApply().getLockTimeout())
			.statementTimeout(properties.getStatementTimeout())
			.defaultSchema(properties.getDefaultSchema())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	PgEntitiesChecker pgEntitiesChecker(PgEntitiesEngine engine, PgEntityDeclarations declarations,
			PgEntitiesProperties properties) {
		return new PgEntitiesChecker(engine, declarations, properties.getHealth().getCacheTimeToLive());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	PgEntitiesStartupCheck pgEntitiesStartupCheck(PgEntitiesChecker checker, PgEntitiesProperties properties,
			DataSource dataSource, Environment environment, ListableBeanFactory beanFactory,
			ObjectProvider<FlywayMigrations> flywayMigrations) {
		MigrationGenerator generator = properties.getGenerate().isOnStartup()
				? new MigrationGenerator(properties.getGenerate(), dataSource, flywayHistoryTable(environment),
						flywayMigrations.getIfAvailable(), mainClass(beanFactory))
					.lockTimeout(properties.getApply().getLockTimeout())
					.guardedBy(checker.getEngine())
				: null;
		return new PgEntitiesStartupCheck(checker, properties.getCheckOnStartup(), generator,
				DriftAdvice.of(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	PgEntitiesStartupLint pgEntitiesStartupLint(PgEntitiesChecker checker, PgEntitiesProperties properties) {
		return new PgEntitiesStartupLint(checker, properties.getLint());
	}

	// only read without a Flyway bean, whose info() knows its history table
	private static @Nullable String flywayHistoryTable(Environment environment) {
		Binder binder = Binder.get(environment);
		String table = binder.bind("spring.flyway.table", String.class).orElse(FLYWAY_HISTORY_TABLE);
		String schema = binder.bind("spring.flyway.default-schema", String.class)
			.orElseGet(() -> binder.bind("spring.flyway.schemas", Bindable.listOf(String.class))
				.orElse(List.of())
				.stream()
				.findFirst()
				.orElse(null));
		if (StringUtils.hasText(schema)) {
			return schema + "." + table;
		}
		return FLYWAY_HISTORY_TABLE.equals(table) ? null : table;
	}

	private static @Nullable Class<?> mainClass(ListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForAnnotation(SpringBootConfiguration.class)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				return ClassUtils.getUserClass(type);
			}
		}
		return null;
	}

	/**
	 * With DevTools restarting the application: entity files are read from the source
	 * tree, and a change to them restarts the application.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory")
	@ConditionalOnBean(type = "org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory")
	static class DevToolsConfiguration {

		@Bean
		@ConditionalOnMissingBean(PgEntityDeclarations.class)
		ApplicationPgEntityDeclarations pgEntityDeclarations(ListableBeanFactory beanFactory,
				ResourceLoader resourceLoader, PgEntitiesProperties properties) {
			return declarations(beanFactory, resourceLoader, properties, true);
		}

		@Bean
		@ConditionalOnMissingBean
		PgEntitiesRestartTrigger pgEntitiesRestartTrigger(FileSystemWatcherFactory watcherFactory,
				ResourceLoader resourceLoader, PgEntitiesProperties properties) {
			ClassLoader classLoader = (resourceLoader.getClassLoader() != null) ? resourceLoader.getClassLoader()
					: ClassUtils.getDefaultClassLoader();
			return new PgEntitiesRestartTrigger(watcherFactory,
					EntitySources.directories(properties.getLocations(), classLoader));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty("pg-entities.generate.on-startup")
	static class FlywayMigrationsConfiguration {

		// generated migrations go where this Flyway looks, and follow every version it knows
		@Bean
		@ConditionalOnSingleCandidate(Flyway.class)
		FlywayBeanMigrations pgEntitiesFlywayMigrations(Flyway flyway) {
			return new FlywayBeanMigrations(flyway);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.api.callback.Callback")
	@ConditionalOnBooleanProperty("pg-entities.apply-on-migrate")
	static class FlywayCallbackConfiguration {

		// dev-mode generation writes the drift as a migration; applying it first would leave nothing to write
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "pg-entities.generate.on-startup", havingValue = false,
				matchIfMissing = true)
		PgEntitiesFlywayCallback pgEntitiesFlywayCallback(ObjectProvider<PgEntitiesChecker> checker) {
			return new PgEntitiesFlywayCallback(checker::getObject);
		}

	}

}
