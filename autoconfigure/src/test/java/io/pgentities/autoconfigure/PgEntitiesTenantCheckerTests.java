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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.TenantDriftReport;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.DataSourcesDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.EntityDriftDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.PgEntitiesDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.TenantsDescriptor;
import io.pgentities.autoconfigure.actuate.health.PgEntitiesHealthIndicator;
import io.pgentities.autoconfigure.actuate.metrics.PgEntitiesMetrics;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesTenantChecker} as the auto-configuration makes it from
 * {@code pg-entities.tenants.*}, {@code pg-entities.datasources.<name>.tenants.*} or a
 * {@link PgEntitiesTenants} bean, with the health contributor, metrics and endpoint that
 * report it.
 */
@PostgresTest
class PgEntitiesTenantCheckerTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, PgEntitiesAutoConfiguration.class,
				PgEntitiesHealthContributorAutoConfiguration.class, PgEntitiesMetricsAutoConfiguration.class,
				PgEntitiesEndpointAutoConfiguration.class))
		.withPropertyValues("pg-entities.check-on-startup=off", "pg-entities.locations=classpath:entities/none/*.sql");

	PgEntitiesTenantCheckerTests(TestDatabase database) {
		this.database = database;
	}

	private static TestDatabase reporting;

	@BeforeAll
	static void createTenants(TestDatabase database) {
		for (String tenant : List.of("acme_a", "acme_b", "acme_c")) {
			createTenant(database, tenant);
		}
		database.execute("CREATE SCHEMA acmex");
		reporting = TestDatabase.create();
		createTenant(reporting, "shop_x");
		createTenant(reporting, "shop_y");
	}

	private static void createTenant(TestDatabase database, String schema) {
		database.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema
				+ ".orders (id integer PRIMARY KEY, total numeric NOT NULL)");
	}

	@AfterAll
	static void dropReportingDatabase() {
		reporting.close();
	}

	@Test
	void withoutTenantLocationsThereIsNoTenantChecker() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.tenants.schemas=acme_*")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PgEntitiesTenantChecker.class)
				.doesNotHaveBean(PgEntitiesTenants.class));
	}

	@Test
	void tenantPropertiesCheckAndReconcileTheMatchingSchemasAndHealthAndMetricsReportThem() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("pg-entities.tenants.schemas=acme_?", "pg-entities.tenants.locations=classpath:tenants/*.sql",
					"pg-entities.health.cache-time-to-live=0s")
			.run((context) -> {
				assertThat(context).hasSingleBean(PgEntitiesTenantChecker.class).hasSingleBean(PgEntitiesTenants.class);
				PgEntitiesTenantChecker checker = context.getBean(PgEntitiesTenantChecker.class);
				assertThat(checker.getTemplate().entitiesIn("t")).hasSize(2);
				assertThat(checker.getDataSourceName())
					.isEqualTo(context.getBean(PgEntitiesChecker.class).getDataSourceName());
				assertThat(context.getBean(PgEntitiesCheckers.class).getTenants(checker.getDataSourceName()))
					.isSameAs(checker);
				TenantDriftReport report = checker.check();
				assertThat(report.schemas()).containsExactly("acme_a", "acme_b", "acme_c");
				assertThat(report.driftedSchemas()).containsExactly("acme_a", "acme_b", "acme_c");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(PgEntitiesMetrics.TENANTS_METRIC_NAME).tag("status", "DRIFTED").gauge().value())
					.isEqualTo(3);
				assertThat(checker.reconcile().applied()).containsExactly("acme_a", "acme_b", "acme_c");
				Health health = context.getBean(PgEntitiesHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("tenants")).isEqualTo(
						Map.of("inSync", true, "schemas", 3, "drifted", 0, "driftedSchemas", List.of()));
				assertThat(registry.get(PgEntitiesMetrics.TENANTS_METRIC_NAME).tag("status", "IN_SYNC").gauge().value())
					.isEqualTo(3);
				assertThat(registry.find(PgEntitiesMetrics.TENANTS_METRIC_NAME).gauges()).hasSize(2);
			});
	}

	@Test
	void theEndpointReportsTheDriftedTenantsByName() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.tenants.schemas=acme_*", "pg-entities.tenants.locations=classpath:tenants/*.sql",
					"management.endpoints.web.exposure.include=pgentities")
			.run((context) -> {
				this.database.execute("DROP SCHEMA IF EXISTS acme_d CASCADE; CREATE SCHEMA acme_d; "
						+ "CREATE TABLE acme_d.orders (id integer PRIMARY KEY, total numeric NOT NULL)");
				try {
					context.getBean(PgEntitiesTenantChecker.class).provision("acme_a");
					PgEntitiesDescriptor descriptor = (PgEntitiesDescriptor) context.getBean(PgEntitiesEndpoint.class)
						.entities();
					TenantsDescriptor tenants = descriptor.getTenants();
					assertThat(tenants).isNotNull();
					assertThat(tenants.getSchemas()).isEqualTo(4);
					assertThat(tenants.getDriftedSchemas()).contains("acme_d").doesNotContain("acme_a");
					assertThat(tenants.getDrifted().get("acme_d")).extracting(EntityDriftDescriptor::getIdentity)
						.containsExactlyInAnyOrder("acme_d.open_orders", "acme_d.order_total()");
				}
				finally {
					this.database.execute("DROP SCHEMA acme_d CASCADE");
				}
			});
	}

	@Test
	void generatingOnStartupWritesTheMigrationOfTheDriftedTenantsListedByABean(@TempDir Path directory)
			throws IOException {
		this.database.execute("CREATE SCHEMA acmegen; CREATE TABLE acmegen.orders (id integer PRIMARY KEY, "
				+ "total numeric NOT NULL)");
		try {
			this.contextRunner.withBean(DataSource.class, this.database::dataSource)
				.withBean(PgEntitiesTenants.class, () -> PgEntitiesTenants.of(List.of("acmegen")))
				.withPropertyValues("pg-entities.tenants.locations=classpath:tenants/*.sql",
						"pg-entities.generate.on-startup=true", "pg-entities.generate.force=true",
						"pg-entities.generate.directory=" + directory)
				.run((context) -> assertThat(context).hasNotFailed());
			// listed by a bean, not matched by pattern: the loop names the tenant
			assertThat(directory.resolve("V1__pg_entities_tenants.sql")).content()
				.contains("--   TENANTS [acmegen]:", "WHERE nspname = ANY (ARRAY['acmegen']::text[])",
						"EXECUTE format('CREATE VIEW %1$I.open_orders AS");
			try (Stream<Path> files = Files.list(directory)) {
				assertThat(files).hasSize(1);
			}
		}
		finally {
			this.database.execute("DROP SCHEMA acmegen CASCADE");
		}
	}

	@Test
	void aPgEntitiesTenantsBeanSuppliesTheTenantSchemasInsteadOfTheProperty() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(PgEntitiesTenants.class, () -> PgEntitiesTenants.of(List.of("acme_b")))
			.withPropertyValues("pg-entities.tenants.schemas=acme_*", "pg-entities.tenants.locations=classpath:tenants/*.sql")
			.run((context) -> assertThat(context.getBean(PgEntitiesTenantChecker.class).check().schemas())
				.containsExactly("acme_b"));
	}

	@Test
	void tenantLocationsWithoutTenantSchemasFailStartup() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.tenants.locations=classpath:tenants/*.sql")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pg-entities.tenants.schemas names no tenant schemas"));
	}

	@Test
	void eachDataSourceOfPgEntitiesDatasourcesChecksObservesAndReportsItsOwnTenantSchemas() {
		reporting.execute("DROP VIEW IF EXISTS shop_y.open_orders; DROP FUNCTION IF EXISTS shop_y.order_total()");
		TestObservationRegistry observations = TestObservationRegistry.create();
		twoDataSources().withBean(SimpleMeterRegistry.class)
			.withBean(ObservationRegistry.class, () -> observations)
			.withPropertyValues("pg-entities.datasources.mainDataSource.tenants.schemas=acme_?",
					"pg-entities.datasources.mainDataSource.tenants.locations=classpath:tenants/*.sql",
					"pg-entities.datasources.reportingDataSource.tenants.schemas=shop_*",
					"pg-entities.datasources.reportingDataSource.tenants.locations=classpath:tenants/*.sql",
					"pg-entities.health.cache-time-to-live=0s", "management.endpoints.web.exposure.include=pgentities")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PgEntitiesTenants.class);
				PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
				assertThat(checkers.tenantsAsMap()).containsOnlyKeys("mainDataSource", "reportingDataSource");
				PgEntitiesTenantChecker shops = checkers.getTenants("reportingDataSource");
				assertThat(shops.getDataSourceName()).isEqualTo("reportingDataSource");
				shops.provision("shop_x");
				TenantDriftReport report = shops.check();
				assertThat(report.schemas()).containsExactly("shop_x", "shop_y");
				assertThat(report.driftedSchemas()).containsExactly("shop_y");
				assertThat(checkers.getTenants("mainDataSource").check().schemas()).containsExactly("acme_a", "acme_b",
						"acme_c");

				CompositeHealthContributor health = context.getBean(CompositeHealthContributor.class);
				assertThat(((HealthIndicator) health.getContributor("reportingDataSource")).health()
					.getDetails()
					.get("tenants"))
					.isEqualTo(Map.of("inSync", false, "schemas", 2, "drifted", 1, "driftedSchemas", List.of("shop_y")));
				assertThat(((HealthIndicator) health.getContributor("mainDataSource")).health().getDetails())
					.extractingByKey("tenants", InstanceOfAssertFactories.MAP)
					.containsEntry("schemas", 3);

				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find(PgEntitiesMetrics.TENANTS_METRIC_NAME).gauges()).hasSize(4);
				assertThat(tenantGauge(registry, "reportingDataSource", "DRIFTED")).isEqualTo(1);
				assertThat(tenantGauge(registry, "reportingDataSource", "IN_SYNC")).isEqualTo(1);
				assertThat(tenantGauge(registry, "mainDataSource", "DRIFTED")
						+ tenantGauge(registry, "mainDataSource", "IN_SYNC"))
					.isEqualTo(3);

				DataSourcesDescriptor descriptor = (DataSourcesDescriptor) context.getBean(PgEntitiesEndpoint.class)
					.entities();
				assertThat(descriptor.getDataSources().get("reportingDataSource").getTenants().getDriftedSchemas())
					.containsExactly("shop_y");
				assertThat(descriptor.getDataSources().get("mainDataSource").getTenants().getSchemas()).isEqualTo(3);

				TestObservationRegistryAssert.assertThat(observations)
					.hasAnObservation((observation) -> observation.hasNameEqualTo("pg.entities.check")
						.hasLowCardinalityKeyValue("datasource", "reportingDataSource")
						.hasLowCardinalityKeyValue("tenants", "2-10")
						.hasLowCardinalityKeyValue("in-sync", "false"))
					.hasAnObservation((observation) -> observation.hasNameEqualTo("pg.entities.apply")
						.hasLowCardinalityKeyValue("datasource", "reportingDataSource")
						.hasLowCardinalityKeyValue("tenants", "1")
						.hasHighCardinalityKeyValue("schema", "shop_x"));
			});
	}

	@Test
	void aPgEntitiesTenantsBeanQualifiedWithADataSourceSuppliesItsTenantSchemas() {
		twoDataSources().withUserConfiguration(QualifiedTenantsConfiguration.class)
			.withPropertyValues("pg-entities.datasources.reportingDataSource.tenants.locations=classpath:tenants/*.sql")
			.run((context) -> {
				PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
				assertThat(checkers.getTenants("mainDataSource")).isNull();
				assertThat(checkers.getTenants("reportingDataSource").check().schemas()).containsExactly("shop_y");
			});
	}

	@Test
	void tenantLocationsOfADataSourceWithoutItsTenantSchemasFailStartupNamingItsProperty() {
		twoDataSources()
			.withPropertyValues("pg-entities.datasources.reportingDataSource.tenants.locations=classpath:tenants/*.sql")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pg-entities.datasources.reportingDataSource.tenants.schemas names no tenant "
						+ "schemas and no PgEntitiesTenants bean qualified 'reportingDataSource' supplies them"));
	}

	@Test
	void topLevelTenantLocationsWithPgEntitiesDatasourcesFailStartup() {
		twoDataSources()
			.withPropertyValues("pg-entities.tenants.schemas=acme_*", "pg-entities.tenants.locations=classpath:tenants/*.sql")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pg-entities.tenants.locations applies when one DataSource is checked")
				.hasMessageContaining("pg-entities.datasources.<name>.tenants.locations"));
	}

	@Test
	void anUnqualifiedPgEntitiesTenantsBeanWithPgEntitiesDatasourcesFailsStartup() {
		twoDataSources().withBean("unqualifiedTenants", PgEntitiesTenants.class, () -> PgEntitiesTenants.of(List.of()))
			.withPropertyValues("pg-entities.datasources.reportingDataSource.tenants.schemas=shop_*",
					"pg-entities.datasources.reportingDataSource.tenants.locations=classpath:tenants/*.sql")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("PgEntitiesTenants bean 'unqualifiedTenants' has no @Qualifier")
				.hasMessageContaining("[reportingDataSource]"));
	}

	private ApplicationContextRunner twoDataSources() {
		return this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource)
			.withPropertyValues("pg-entities.datasources.mainDataSource.locations=classpath:entities/none/*.sql",
					"pg-entities.datasources.reportingDataSource.locations=classpath:entities/none/*.sql");
	}

	private static double tenantGauge(MeterRegistry registry, String dataSource, String status) {
		return registry.get(PgEntitiesMetrics.TENANTS_METRIC_NAME)
			.tag("datasource", dataSource)
			.tag("status", status)
			.gauge()
			.value();
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedTenantsConfiguration {

		@Bean
		@Qualifier("reportingDataSource")
		PgEntitiesTenants reportingTenants() {
			return PgEntitiesTenants.of(List.of("shop_y"));
		}

	}

}
