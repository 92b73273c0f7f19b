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

import javax.sql.DataSource;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.Hazard;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesAutoConfiguration}.
 */
@PostgresTest
class PgEntitiesAutoConfigurationTests {

	private static TestDatabase reporting;

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner;

	PgEntitiesAutoConfigurationTests(TestDatabase database) {
		this.database = database;
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PgEntitiesAutoConfiguration.class))
			.withPropertyValues("pg-entities.locations=classpath:entities/none/*.sql");
	}

	@BeforeAll
	static void createTable(TestDatabase database) {
		database.execute("CREATE TABLE items (id integer PRIMARY KEY, name text)");
		reporting = TestDatabase.create();
		reporting.execute("CREATE TABLE reports (id integer PRIMARY KEY, title text)");
	}

	@AfterAll
	static void dropReportingDatabase() {
		reporting.close();
	}

	@Test
	void backsOffWithNoDataSourceBean() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(PgEntitiesEngine.class)
			.doesNotHaveBean(PgEntityDeclarations.class)
			.doesNotHaveBean(PgEntitiesChecker.class)
			.doesNotHaveBean(PgEntitiesStartupCheck.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PgEntitiesEngine.class)
				.doesNotHaveBean(PgEntitiesChecker.class)
				.doesNotHaveBean(PgEntitiesProperties.class));
	}

	@Test
	void createsTheBeansWithADataSource() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource).run((context) -> {
			assertThat(context).hasSingleBean(PgEntitiesProperties.class)
				.hasSingleBean(PgEntityDeclarations.class)
				.hasSingleBean(PgEntitiesEngine.class)
				.hasSingleBean(PgEntitiesChecker.class)
				.hasSingleBean(PgEntitiesStartupCheck.class)
				.doesNotHaveBean(PgEntitiesFlywayCallback.class);
			assertThat(context.getBean(PgEntitiesChecker.class).getEngine())
				.isSameAs(context.getBean(PgEntitiesEngine.class));
		});
	}

	@Test
	void withDevToolsRestartingEntitySourcesJoinTheRestartTriggers() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(FileSystemWatcherFactory.class, () -> FileSystemWatcher::new)
			.withPropertyValues("pg-entities.locations=classpath*:entities/declarations/**/*.sql")
			.run((context) -> {
				assertThat(context).hasSingleBean(PgEntitiesRestartTrigger.class);
				assertThat(context.getBean(PgEntitiesRestartTrigger.class).getDirectories())
					.containsExactly(Path.of("src/test/resources/entities/declarations").toAbsolutePath());
				assertThat(context.getBean(PgEntityDeclarations.class).entities()).hasSize(3);
			});
	}

	@Test
	void withoutDevToolsRestartingThereIsNoRestartTrigger() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.run((context) -> assertThat(context).hasSingleBean(PgEntityDeclarations.class)
				.doesNotHaveBean(PgEntitiesRestartTrigger.class));
	}

	@Test
	void withoutDevToolsOnTheClassPathThereIsNoRestartTrigger() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.devtools"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PgEntityDeclarations.class)
				.doesNotHaveBean(PgEntitiesRestartTrigger.class));
	}

	@Test
	void configuresTheEngineFromProperties() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.schemas=public,app", "pg-entities.drop-undeclared=true",
					"pg-entities.check-on-startup=off", "pg-entities.ignore[0]=public.legacy_*",
					"pg-entities.ignore[1]=public.f(integer, text)", "pg-entities.apply.lock-timeout=2s")
			.run((context) -> {
				PgEntitiesEngine engine = context.getBean(PgEntitiesEngine.class);
				assertThat(engine.applyLockTimeout()).hasSeconds(2);
				assertThat(engine.schemas()).containsExactly("public", "app");
				assertThat(engine.dropUndeclared()).isTrue();
				assertThat(engine.ignored()).containsExactly("public.legacy_*", "public.f(integer, text)");
			});
	}

	@Test
	void configuresTheAllowedHazardsOfTheEngine() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> assertThat(context.getBean(PgEntitiesEngine.class).allowedHazards())
				.containsExactly(Hazard.DROPS_DEPENDENT, Hazard.RUNS_QUERY, Hazard.CHANGES_ACCESS));
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.allowed-hazards=runs-query",
					"pg-entities.drop-undeclared=true")
			.run((context) -> assertThat(context.getBean(PgEntitiesEngine.class).allowedHazards())
				.containsExactly(Hazard.RUNS_QUERY, Hazard.DROPS_UNDECLARED));
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.allowed-hazards=")
			.run((context) -> assertThat(context.getBean(PgEntitiesEngine.class).allowedHazards()).isEmpty());
	}

	@Test
	void checksOnStartupWithTheDeclaredEntities() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("itemNames", PgView.class, () -> PgView.of("public", "item_names", "SELECT name FROM items"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
				assertThat(checker.lastAnalysis()).isNotNull();
				assertThat(checker.lastAnalysis().report().entities()).singleElement()
					.satisfies((entity) -> assertThat(entity.source()).isEqualTo("bean 'itemNames'"));
			});
	}

	@Test
	void doesNotCheckWhenCheckOnStartupIsOff() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis()).isNull());
	}

	@Test
	void failsOnStartupWithDriftWhenCheckOnStartupIsFail() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("itemNames", PgView.class, () -> PgView.of("public", "item_names", "SELECT name FROM items"))
			.withPropertyValues("pg-entities.check-on-startup=fail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(PgEntitiesDriftException.class)
				.hasMessageContaining("MISSING VIEW public.item_names (declared in bean 'itemNames')"));
	}

	@Test
	void failsOnStartupWithLintFindingsWhenLintIsFailAndAnEntityCanAllowARule() {
		String definition = "RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT 1 $$";
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("definer", PgFunction.class, () -> PgFunction.of("public", "definer()", definition))
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.lint=fail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(PgEntitiesLintException.class)
				.hasMessageContaining("[security-definer-public-execute] FUNCTION public.definer() (bean 'definer')"));
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("definer", PgEntity.class,
					() -> PgFunction.of("public", "definer()", definition).allowing("security-definer-public-execute"))
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.lint=fail")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void doesNotLintWhenLintIsOff() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("definer", PgFunction.class,
					() -> PgFunction.of("public", "definer()", "RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$"))
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.lint=off")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PgEntitiesStartupLint.class));
	}

	@Test
	void failsOnStartupWhenTwoSourcesDeclareOneEntity() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("first", PgView.class, () -> PgView.of("public", "item_names", "SELECT name FROM items"))
			.withBean("second", PgView.class, () -> PgView.of("public", "item_names", "SELECT id FROM items"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("VIEW public.item_names is declared twice: in bean 'first' and in bean 'second'"));
	}

	@Test
	void userDefinedDeclarationsReplaceTheDiscoveredOnes() {
		PgEntity view = PgView.of("public", "item_ids", "SELECT id FROM items").withSource("mine");
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("ignored", PgView.class, () -> PgView.of("public", "item_names", "SELECT name FROM items"))
			.withBean(PgEntityDeclarations.class, () -> () -> List.of(view))
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> {
				assertThat(context).hasSingleBean(PgEntityDeclarations.class)
					.doesNotHaveBean(ApplicationPgEntityDeclarations.class);
				assertThat(context.getBean(PgEntitiesChecker.class).getDeclarations().entities())
					.containsExactly(view);
			});
	}

	@Test
	void userDefinedBeansReplaceTheAutoConfiguredOnes() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withUserConfiguration(CustomBeansConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PgEntitiesEngine.class)
					.hasSingleBean(PgEntitiesChecker.class)
					.hasSingleBean(PgEntitiesStartupCheck.class);
				assertThat(context.getBean(PgEntitiesEngine.class)).isSameAs(context.getBean("customEngine"));
				assertThat(context.getBean(PgEntitiesChecker.class)).isSameAs(context.getBean("customChecker"));
				assertThat(context.getBean(PgEntitiesStartupCheck.class))
					.isSameAs(context.getBean("customStartupCheck"));
			});
	}

	@Test
	void doesNotCreateTheFlywayCallbackWhenGeneratingOnStartup() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withBean(FlywayMigrationStrategy.class, () -> (flyway) -> {
			})
			.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.apply-on-migrate=true",
					"pg-entities.generate.on-startup=true", "pg-entities.generate.force=true",
					"pg-entities.generate.directory=target/never-written")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesFlywayCallback.class));
	}

	@Test
	void doesNotCreateTheFlywayCallbackByDefault() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withBean(FlywayMigrationStrategy.class, () -> (flyway) -> {
			})
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> {
				assertThat(context).hasSingleBean(Flyway.class).doesNotHaveBean(PgEntitiesFlywayCallback.class);
				assertThat(context.getBean(Flyway.class).getConfiguration().getCallbacks()).isEmpty();
			});
	}

	@Test
	void createsTheFlywayCallbackWhenApplyOnMigrateIsSet() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withBean(FlywayMigrationStrategy.class, () -> (flyway) -> {
			})
			.withPropertyValues("pg-entities.apply-on-migrate=true", "pg-entities.check-on-startup=off")
			.run((context) -> {
				assertThat(context).hasSingleBean(PgEntitiesFlywayCallback.class);
				Callback callback = context.getBean(PgEntitiesFlywayCallback.class);
				assertThat(context.getBean(Flyway.class).getConfiguration().getCallbacks()).contains(callback);
			});
	}

	@Test
	void doesNotCreateTheFlywayCallbackWithoutFlyway() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader("org.flywaydb"))
			.withPropertyValues("pg-entities.apply-on-migrate=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PgEntitiesChecker.class)
				.hasSingleBean(PgEntitiesStartupCheck.class)
				.doesNotHaveBean("pgEntitiesFlywayCallback"));
	}

	@Test
	void userDefinedFlywayCallbackReplacesTheAutoConfiguredOne() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.apply-on-migrate=true", "pg-entities.check-on-startup=off")
			.withBean("customCallback", PgEntitiesFlywayCallback.class,
					() -> new PgEntitiesFlywayCallback(() -> null))
			.run((context) -> assertThat(context).hasSingleBean(PgEntitiesFlywayCallback.class)
				.hasBean("customCallback"));
	}

	@Test
	void checksTheOnlyDataSourceUnderItsBeanName() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("itemIds", PgView.class, () -> PgView.of("public", "item_ids", "SELECT id FROM items"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
				assertThat(checkers.getDataSourceNames()).containsExactly("mainDataSource");
				assertThat(checkers.get("mainDataSource")).isSameAs(context.getBean(PgEntitiesChecker.class));
				assertThat(statuses(context.getBean(PgEntitiesChecker.class))).containsExactly("public.item_ids MISSING");
			});
	}

	@Test
	void checksThePrimaryOfTwoDataSources() {
		this.contextRunner
			.withBean("mainDataSource", DataSource.class, this.database::dataSource,
					(definition) -> definition.setPrimary(true))
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withBean("itemIds", PgView.class, () -> PgView.of("public", "item_ids", "SELECT id FROM items"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
				assertThat(checker.getDataSourceName()).isEqualTo("mainDataSource");
				assertThat(statuses(checker)).containsExactly("public.item_ids MISSING");
			});
	}

	@Test
	void checksTheDataSourceAnnotatedPgEntitiesDataSource() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withUserConfiguration(AnnotatedDataSourceConfiguration.class)
			.withBean("reportIds", PgView.class, () -> PgView.of("public", "report_ids", "SELECT id FROM reports"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
				assertThat(checker.getDataSourceName()).isEqualTo("reportingDataSource");
				assertThat(statuses(checker)).containsExactly("public.report_ids MISSING");
			});
	}

	@Test
	void checksTheAnnotatedDataSourceRatherThanThePrimary() {
		this.contextRunner.withUserConfiguration(AnnotatedDataSourceConfiguration.class)
			.withBean("otherDataSource", DataSource.class, this.database::dataSource,
					(definition) -> definition.setPrimary(true))
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> assertThat(context.getBean(PgEntitiesChecker.class).getDataSourceName())
				.isEqualTo("reportingDataSource"));
	}

	@Test
	void checksEachDataSourceOfPgEntitiesDatasourcesAgainstItsOwnDeclarations() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withUserConfiguration(QualifiedEntitiesConfiguration.class)
			.withPropertyValues("pg-entities.datasources.mainDataSource.schemas=public",
					"pg-entities.datasources.reportingDataSource.locations=classpath:entities/none/*.sql",
					"pg-entities.datasources.reportingDataSource.drop-undeclared=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(PgEntitiesChecker.class)
					.doesNotHaveBean(PgEntitiesEngine.class)
					.doesNotHaveBean(PgEntitiesStartupCheck.class)
					.hasSingleBean(DataSourcesStartupCheck.class);
				PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
				assertThat(checkers.getDataSourceNames()).containsExactly("mainDataSource", "reportingDataSource");
				PgEntitiesChecker main = checkers.get("mainDataSource");
				PgEntitiesChecker reports = checkers.get("reportingDataSource");
				assertThat(main.getEngine().schemas()).containsExactly("public");
				assertThat(main.getEngine().dropUndeclared()).isFalse();
				assertThat(reports.getEngine().dropUndeclared()).isTrue();
				// the startup check has run on each DataSource with its own declarations
				assertThat(statuses(main.lastAnalysis().report().entities()))
					.containsExactly("public.item_ids MISSING");
				assertThat(statuses(reports.lastAnalysis().report().entities()))
					.containsExactly("public.report_ids MISSING");
				assertThat(main.getDeclarations().entities()).singleElement()
					.satisfies((entity) -> assertThat(entity.source()).isEqualTo("bean 'itemIds'"));
			});
	}

	@Test
	void readsTheEntityFilesOfEachDataSourceOfPgEntitiesDatasources() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withPropertyValues("pg-entities.check-on-startup=off",
					"pg-entities.datasources.mainDataSource.locations=classpath:entities/declarations/*.sql",
					"pg-entities.datasources.reportingDataSource.schemas=public")
			.run((context) -> {
				PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
				assertThat(checkers.get("mainDataSource").getDeclarations().entities()).hasSize(3);
				// the default location, db/entities/reportingDataSource, does not exist
				assertThat(checkers.get("reportingDataSource").getDeclarations().entities()).isEmpty();
			});
	}

	@Test
	void failsOnStartupWhenOneDataSourceOfPgEntitiesDatasourcesDriftsWithCheckOnStartupFail() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withUserConfiguration(QualifiedEntitiesConfiguration.class)
			.withPropertyValues("pg-entities.datasources.mainDataSource.check-on-startup=warn",
					"pg-entities.datasources.reportingDataSource.check-on-startup=fail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(PgEntitiesDriftException.class)
				.hasMessageContaining("MISSING VIEW public.report_ids (declared in bean 'reportIds')")
				.hasMessageNotContaining("item_ids"));
	}

	@Test
	void failsWhenAnEntityBeanNamesNoDataSourceOfPgEntitiesDatasources() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withBean("unqualified", PgView.class, () -> PgView.of("public", "item_ids", "SELECT id FROM items"))
			.withPropertyValues("pg-entities.datasources.mainDataSource.schemas=public")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Entity bean 'unqualified' has no @Qualifier that names a DataSource of "
						+ "pg-entities.datasources [mainDataSource]"));
	}

	@Test
	void failsWhenPgEntitiesDatasourcesNamesNoDataSource() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.datasources.missing.schemas=public")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("No bean named 'missing'"));
	}

	@Test
	void backsOffWithTwoDataSourcesAndNoWayToChoose() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(PgEntitiesCheckers.class)
					.doesNotHaveBean(PgEntitiesChecker.class);
				StringBuilder message = new StringBuilder();
				ConditionEvaluationReport.get(context.getBeanFactory())
					.getConditionAndOutcomesBySource()
					.get(PgEntitiesAutoConfiguration.class.getName())
					.forEach((outcome) -> message.append(outcome.getOutcome().getMessage()).append('\n'));
				assertThat(message).contains("AnyNestedCondition 0 matched 3 did not")
					.contains("@ConditionalOnSingleCandidate (types: javax.sql.DataSource; SearchStrategy: all) "
							+ "found multiple beans")
					.contains("did not find any beans annotated with io.pgentities.autoconfigure.PgEntitiesDataSource")
					.contains("pg-entities.datasources has no entry");
			});
	}

	@Test
	void observesChecksWhenThereIsAnObservationRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(TestObservationRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context).hasSingleBean(MicrometerObservations.class);
				assertThat(registry).hasObservationWithNameEqualTo("pg.entities.check")
					.that()
					.hasLowCardinalityKeyValue("in-sync", "true")
					.hasBeenStopped();
			});
	}

	@Test
	void checksWithoutMicrometerOnTheClassPath() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerObservations.class);
				assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis()).isNotNull();
			});
	}

	@Test
	void doesNotObserveWithoutAnObservationRegistry() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerObservations.class));
	}

	private static List<String> statuses(PgEntitiesChecker checker) {
		return statuses(checker.analyze().report().entities());
	}

	private static List<String> statuses(List<EntityDrift> entities) {
		return entities.stream().map((entity) -> entity.identity() + " " + entity.status()).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedDataSourceConfiguration {

		@Bean
		@PgEntitiesDataSource
		DataSource reportingDataSource() {
			return reporting.dataSource();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedEntitiesConfiguration {

		@Bean
		@Qualifier("mainDataSource")
		PgView itemIds() {
			return PgView.of("public", "item_ids", "SELECT id FROM items");
		}

		@Bean
		@Qualifier("reportingDataSource")
		PgView reportIds() {
			return PgView.of("public", "report_ids", "SELECT id FROM reports");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomBeansConfiguration {

		@Bean
		PgEntitiesEngine customEngine(DataSource dataSource) {
			return PgEntitiesEngine.create(dataSource);
		}

		@Bean
		PgEntitiesChecker customChecker(PgEntitiesEngine customEngine) {
			return new PgEntitiesChecker(customEngine, List::of, java.time.Duration.ZERO);
		}

		@Bean
		PgEntitiesStartupCheck customStartupCheck(PgEntitiesChecker customChecker) {
			return new PgEntitiesStartupCheck(customChecker, PgEntitiesProperties.CheckMode.OFF, null);
		}

	}

}
