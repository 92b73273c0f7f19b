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
import io.pgentities.PgEntitiesTenants;
import io.pgentities.TenantDriftReport;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.EntityDriftDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.PgEntitiesDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.TenantsDescriptor;
import io.pgentities.autoconfigure.actuate.health.PgEntitiesHealthIndicator;
import io.pgentities.autoconfigure.actuate.metrics.PgEntitiesMetrics;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesTenantChecker} as the auto-configuration makes it from
 * {@code pg-entities.tenants.*} or a {@link PgEntitiesTenants} bean, with the health
 * contributor and metrics that report it.
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

	@BeforeAll
	static void createTenants(TestDatabase database) {
		for (String tenant : List.of("acme_a", "acme_b", "acme_c")) {
			database.execute("CREATE SCHEMA " + tenant + "; CREATE TABLE " + tenant
					+ ".orders (id integer PRIMARY KEY, total numeric NOT NULL)");
		}
		database.execute("CREATE SCHEMA acmex");
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

}
