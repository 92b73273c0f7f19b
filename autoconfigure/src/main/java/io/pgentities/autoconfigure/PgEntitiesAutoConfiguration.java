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

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import io.pgentities.CompiledDeclarations;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.autoconfigure.PgEntitiesProperties.CheckMode;
import io.pgentities.autoconfigure.PgEntitiesProperties.DataSourceEntities;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration for pg-entities: the declared entities, the engine, the startup
 * check with dev-mode generation, and the Flyway callback that applies the declarations
 * after {@code migrate}. It checks the DataSource annotated
 * {@link PgEntitiesDataSource @PgEntitiesDataSource}, else the single candidate
 * DataSource; or, when {@code pg-entities.datasources} is set, each DataSource it names,
 * with its own engine, declarations and startup check.
 *
 * @see PgEntitiesEndpointAutoConfiguration
 * @see PgEntitiesHealthContributorAutoConfiguration
 * @see PgEntitiesMetricsAutoConfiguration
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(PgEntitiesEngine.class)
@ConditionalOnBooleanProperty(name = "pg-entities.enabled", matchIfMissing = true)
@Conditional(PgEntitiesAutoConfiguration.PgEntitiesDataSourceCondition.class)
@EnableConfigurationProperties(PgEntitiesProperties.class)
public final class PgEntitiesAutoConfiguration {

	private static final String FLYWAY_HISTORY_TABLE = "flyway_schema_history";

	@Bean
	@ConditionalOnMissingBean(PgEntityDeclarations.class)
	@Conditional(SingleDataSourceCondition.class)
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
	@Conditional(SingleDataSourceCondition.class)
	PgEntitiesEngine pgEntitiesEngine(@PgEntitiesDataSource ObjectProvider<DataSource> pgEntitiesDataSource,
			ObjectProvider<DataSource> dataSource, PgEntitiesProperties properties) {
		return engine(dataSource(pgEntitiesDataSource, dataSource), properties, properties.getSchemas(),
				properties.isDropUndeclared());
	}

	private static PgEntitiesEngine engine(DataSource dataSource, PgEntitiesProperties properties,
			List<String> schemas, boolean dropUndeclared) {
		return PgEntitiesEngine.builder(dataSource)
			.schemas(schemas)
			.dropUndeclared(dropUndeclared)
			.ignore(properties.getIgnore())
			.lockTimeout(properties.getLockTimeout())
			.applyLockTimeout(properties.getApply().getLockTimeout())
			.allowedHazards(properties.getAllowedHazards())
			.statementTimeout(properties.getStatementTimeout())
			.defaultSchema(properties.getDefaultSchema())
			.build();
	}

	// like Flyway's: the annotated DataSource, else the only or primary one
	private static DataSource dataSource(ObjectProvider<DataSource> pgEntitiesDataSource,
			ObjectProvider<DataSource> dataSource) {
		return pgEntitiesDataSource.getIfAvailable(dataSource::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(SingleDataSourceCondition.class)
	PgEntitiesChecker pgEntitiesChecker(PgEntitiesEngine engine, PgEntityDeclarations declarations,
			PgEntitiesProperties properties, @PgEntitiesDataSource ObjectProvider<DataSource> pgEntitiesDataSource,
			ObjectProvider<DataSource> dataSource, ListableBeanFactory beanFactory,
			ObjectProvider<Observations> observations, ResourceLoader resourceLoader) {
		String name = dataSourceName(beanFactory, dataSource(pgEntitiesDataSource, dataSource));
		PgEntitiesChecker checker = new PgEntitiesChecker(name, engine, declarations,
				properties.getHealth().getCacheTimeToLive(), Clock.systemUTC(),
				observations.getIfAvailable(() -> Observations.NONE));
		checker.setCompiledDeclarations(CompiledDeclarationsResource.load(resourceLoader, properties));
		return checker;
	}

	private static String dataSourceName(ListableBeanFactory beanFactory, DataSource dataSource) {
		for (Map.Entry<String, DataSource> candidate : beanFactory.getBeansOfType(DataSource.class).entrySet()) {
			if (candidate.getValue() == dataSource) {
				return candidate.getKey();
			}
		}
		return PgEntitiesChecker.DEFAULT_DATA_SOURCE_NAME;
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(SingleDataSourceCondition.class)
	PgEntitiesCheckers pgEntitiesCheckers(PgEntitiesChecker checker, ObjectProvider<PgEntitiesTenantChecker> tenants) {
		return PgEntitiesCheckers.of(checker).withTenants(checker.getDataSourceName(), tenants.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	@Conditional(SingleDataSourceCondition.class)
	PgEntitiesStartupCheck pgEntitiesStartupCheck(PgEntitiesChecker checker, PgEntitiesProperties properties,
			@PgEntitiesDataSource ObjectProvider<DataSource> pgEntitiesDataSource,
			ObjectProvider<DataSource> candidates, Environment environment, ListableBeanFactory beanFactory,
			ObjectProvider<FlywayMigrations> flywayMigrations, ObjectProvider<PgEntitiesTenantChecker> tenants) {
		DataSource dataSource = dataSource(pgEntitiesDataSource, candidates);
		MigrationGenerator generator = properties.getGenerate().isOnStartup()
				? new MigrationGenerator(properties.getGenerate(), dataSource, flywayHistoryTable(environment),
						flywayMigrations.getIfAvailable(), mainClass(beanFactory))
					.lockTimeout(properties.getApply().getLockTimeout())
					.guardedBy(checker.getEngine())
					.tenants(tenants.getIfAvailable())
				: null;
		return new PgEntitiesStartupCheck(checker, properties.getCheckOnStartup(), generator,
				DriftAdvice.of(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	@Conditional(SingleDataSourceCondition.class)
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
		@Conditional(SingleDataSourceCondition.class)
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
	@Conditional(SingleDataSourceCondition.class)
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
	@Conditional(SingleDataSourceCondition.class)
	static class FlywayCallbackConfiguration {

		// dev-mode generation writes the drift as a migration; applying it first would leave nothing to write
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "pg-entities.generate.on-startup", havingValue = false,
				matchIfMissing = true)
		PgEntitiesFlywayCallback pgEntitiesFlywayCallback(ObjectProvider<PgEntitiesChecker> checker,
				ObjectProvider<PgEntitiesTenantChecker> tenants) {
			return new PgEntitiesFlywayCallback(checker::getObject, tenants::getIfAvailable);
		}

	}

	/**
	 * With {@code pg-entities.tenants.locations}: the tenant template, checked over the
	 * tenant schemas of the DataSource.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional({ SingleDataSourceCondition.class, OnTenantLocationsCondition.class })
	static class TenantsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PgEntitiesTenants pgEntitiesTenants(PgEntitiesProperties properties) {
			return TenantCheckers.matching("pg-entities.tenants", properties.getTenants().getSchemas(),
					"PgEntitiesTenants bean");
		}

		@Bean
		@ConditionalOnMissingBean
		PgEntitiesTenantChecker pgEntitiesTenantChecker(PgEntitiesEngine engine, PgEntitiesTenants tenants,
				PgEntitiesChecker checker, ResourceLoader resourceLoader, PgEntitiesProperties properties,
				ObjectProvider<Observations> observations) {
			return TenantCheckers.checker(checker.getDataSourceName(), engine, tenants,
					properties.getTenants().getLocations(), resourceLoader, properties,
					observations.getIfAvailable(() -> Observations.NONE));
		}

	}

	/**
	 * With {@code pg-entities.datasources}: a checker and a startup check per DataSource
	 * it names, and a tenant checker per DataSource with a tenant template.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDataSourcesPropertyCondition.class)
	static class DataSourcesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PgEntitiesCheckers pgEntitiesCheckers(ListableBeanFactory beanFactory, ResourceLoader resourceLoader,
				PgEntitiesProperties properties, ObjectProvider<Observations> observations) {
			Map<String, DataSourceEntities> entries = properties.getDatasources();
			checkQualified(beanFactory, entries.keySet().stream().toList());
			checkTenantsPerDataSource(beanFactory, properties);
			List<PgEntitiesChecker> checkers = new ArrayList<>();
			Map<String, PgEntitiesTenantChecker> tenantCheckers = new LinkedHashMap<>();
			Observations observed = observations.getIfAvailable(() -> Observations.NONE);
			CompiledDeclarations compiled = CompiledDeclarationsResource.load(resourceLoader, properties);
			entries.forEach((name, entry) -> {
				PgEntityDeclarations declarations = new ApplicationPgEntityDeclarations(beanFactory,
						(bean) -> ApplicationPgEntityDeclarations.isQualified(beanFactory, bean, name),
						ResourcePatternUtils.getResourcePatternResolver(resourceLoader), entry.locationsOf(name),
						properties.getDefaultSchema(), false);
				boolean dropUndeclared = (entry.getDropUndeclared() != null) ? entry.getDropUndeclared()
						: properties.isDropUndeclared();
				PgEntitiesEngine engine = engine(dataSourceNamed(beanFactory, name), properties, entry.getSchemas(),
						dropUndeclared);
				PgEntitiesChecker checker = new PgEntitiesChecker(name, engine, declarations,
						properties.getHealth().getCacheTimeToLive(), Clock.systemUTC(), observed);
				// used only by the checker whose declarations it holds
				checker.setCompiledDeclarations(compiled);
				checkers.add(checker);
				List<String> tenantLocations = entry.getTenants().getLocations();
				if (!tenantLocations.isEmpty()) {
					tenantCheckers.put(name, TenantCheckers.checker(name, engine, tenants(beanFactory, name, entry),
							tenantLocations, resourceLoader, properties, observed));
				}
			});
			PgEntitiesCheckers result = PgEntitiesCheckers.of(checkers);
			for (Map.Entry<String, PgEntitiesTenantChecker> tenants : tenantCheckers.entrySet()) {
				result = result.withTenants(tenants.getKey(), tenants.getValue());
			}
			return result;
		}

		private static PgEntitiesTenants tenants(ListableBeanFactory beanFactory, String name,
				DataSourceEntities entry) {
			PgEntitiesTenants bean = TenantCheckers.qualifiedBean(beanFactory, name);
			return (bean != null) ? bean
					: TenantCheckers.matching("pg-entities.datasources." + name + ".tenants",
							entry.getTenants().getSchemas(), "PgEntitiesTenants bean qualified '" + name + "'");
		}

		// the top-level tenant properties and an unqualified PgEntitiesTenants bean belong to one DataSource
		private static void checkTenantsPerDataSource(ListableBeanFactory beanFactory,
				PgEntitiesProperties properties) {
			if (!properties.getTenants().getLocations().isEmpty()) {
				throw new IllegalStateException("pg-entities.tenants.locations applies when one DataSource is "
						+ "checked; with pg-entities.datasources, set pg-entities.datasources.<name>.tenants.locations "
						+ "for each DataSource that has tenant schemas");
			}
			TenantCheckers.checkQualified(beanFactory, properties.getDatasources()
				.entrySet()
				.stream()
				.filter((entry) -> !entry.getValue().getTenants().getLocations().isEmpty())
				.map(Map.Entry::getKey)
				.toList());
		}

		private static DataSource dataSourceNamed(ListableBeanFactory beanFactory, String name) {
			try {
				return beanFactory.getBean(name, DataSource.class);
			}
			catch (NoSuchBeanDefinitionException ex) {
				throw new IllegalStateException("pg-entities.datasources." + name + " names no DataSource bean: "
						+ ex.getMessage(), ex);
			}
		}

		// an entity bean that names no checked DataSource would silently be checked nowhere
		private static void checkQualified(ListableBeanFactory beanFactory, List<String> dataSourceNames) {
			for (String bean : ApplicationPgEntityDeclarations.entityBeanNames(beanFactory)) {
				boolean qualified = dataSourceNames.stream()
					.anyMatch((name) -> ApplicationPgEntityDeclarations.isQualified(beanFactory, bean, name));
				if (!qualified) {
					throw new IllegalStateException("Entity bean '" + bean
							+ "' has no @Qualifier that names a DataSource of pg-entities.datasources "
							+ dataSourceNames + ", so no DataSource would check it");
				}
			}
		}

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		DataSourcesStartupCheck pgEntitiesStartupCheck(PgEntitiesCheckers checkers, PgEntitiesProperties properties) {
			List<SmartInitializingSingleton> checks = new ArrayList<>();
			checkers.asMap().forEach((name, checker) -> {
				DataSourceEntities entry = properties.getDatasources().get(name);
				CheckMode mode = (entry != null && entry.getCheckOnStartup() != null) ? entry.getCheckOnStartup()
						: properties.getCheckOnStartup();
				checks.add(new PgEntitiesStartupCheck(checker, mode, null, DriftAdvice.of(properties), true));
				checks.add(new PgEntitiesStartupLint(checker, properties.getLint()));
			});
			return new DataSourcesStartupCheck(checks);
		}

	}

	/**
	 * With Micrometer's {@link ObservationRegistry}: checks and applies are observed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	@ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MicrometerObservations pgEntitiesObservations(ObservationRegistry observationRegistry) {
			return new MicrometerObservations(observationRegistry);
		}

	}

	/**
	 * A DataSource to check: one annotated {@link PgEntitiesDataSource}, a single
	 * candidate, or the entries of {@code pg-entities.datasources}.
	 */
	static final class PgEntitiesDataSourceCondition extends AnyNestedCondition {

		PgEntitiesDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(annotation = PgEntitiesDataSource.class)
		static final class AnnotatedDataSource {

		}

		@ConditionalOnSingleCandidate(DataSource.class)
		static final class SingleCandidateDataSource {

		}

		@Conditional(OnDataSourcesPropertyCondition.class)
		static final class DataSourcesProperty {

		}

	}

	/**
	 * {@code pg-entities.datasources} is not set: one DataSource is checked.
	 */
	static final class SingleDataSourceCondition extends NoneNestedConditions {

		SingleDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(OnDataSourcesPropertyCondition.class)
		static final class DataSourcesProperty {

		}

	}

	/**
	 * {@code pg-entities.datasources} has at least one entry.
	 */
	static final class OnDataSourcesPropertyCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("pg-entities.datasources");
			Map<String, DataSourceEntities> entries = Binder.get(context.getEnvironment())
				.bind("pg-entities.datasources", Bindable.mapOf(String.class, DataSourceEntities.class))
				.orElse(Map.of());
			if (entries.isEmpty()) {
				return ConditionOutcome.noMatch(message.because("has no entry"));
			}
			return ConditionOutcome.match(message.found("entry", "entries").items(entries.keySet()));
		}

	}

	/**
	 * {@code pg-entities.tenants.locations} names at least one location.
	 */
	static final class OnTenantLocationsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("pg-entities.tenants.locations");
			List<String> locations = Binder.get(context.getEnvironment())
				.bind("pg-entities.tenants.locations", Bindable.listOf(String.class))
				.orElse(List.of());
			if (locations.isEmpty()) {
				return ConditionOutcome.noMatch(message.because("is empty"));
			}
			return ConditionOutcome.match(message.found("location", "locations").items(locations));
		}

	}

}
