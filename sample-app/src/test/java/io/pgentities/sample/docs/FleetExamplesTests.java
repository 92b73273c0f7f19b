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
package io.pgentities.sample.docs;

import io.pgentities.TenantDriftReport;
import io.pgentities.autoconfigure.PgEntitiesAutoConfiguration;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesCheckers;
import io.pgentities.autoconfigure.PgEntitiesTenantChecker;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FleetExamples}: what {@code docs/fleet.md} shows works on two real
 * databases.
 */
class FleetExamplesTests {

	private static TestDatabase main;

	private static TestDatabase reporting;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PgEntitiesAutoConfiguration.class))
		.withUserConfiguration(FleetExamples.ReportingDataSourceConfiguration.class)
		.withPropertyValues("pg-entities.locations=classpath:no/entities/*.sql");

	@BeforeAll
	static void createDatabases() {
		main = TestDatabase.create();
		reporting = TestDatabase.create();
		reporting.execute("CREATE SCHEMA reporting;"
				+ "CREATE TABLE reporting.payments (paid_at timestamptz NOT NULL, amount numeric NOT NULL)");
	}

	@AfterAll
	static void dropDatabases() {
		main.close();
		reporting.close();
	}

	@Test
	void theAnnotatedDataSourceIsCheckedRatherThanThePrimary() {
		this.contextRunner.withPropertyValues(dataSources())
			.withUserConfiguration(FleetExamples.ReportingEntities.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
				assertThat(checker.getDataSourceName()).isEqualTo("reportingDataSource");
				assertThat(checker.lastAnalysis().report().entities())
					.extracting((entity) -> entity.identity() + " " + entity.status())
					.containsExactly("reporting.monthly_revenue MISSING");
			});
	}

	@Test
	void aQualifiedEntityBeanBelongsToItsDataSourceOfPgEntitiesDatasources() {
		this.contextRunner.withPropertyValues(dataSources())
			.withUserConfiguration(FleetExamples.ReportingEntities.class)
			.withPropertyValues("pg-entities.datasources.mainDataSource.schemas=public",
					"pg-entities.datasources.reportingDataSource.schemas=reporting")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
				assertThat(checkers.get("mainDataSource").getDeclarations().entities()).isEmpty();
				assertThat(checkers.get("reportingDataSource").lastAnalysis().report().entities())
					.extracting((entity) -> entity.identity() + " " + entity.status())
					.containsExactly("reporting.monthly_revenue MISSING");
			});
	}

	@Test
	void aQualifiedPgEntitiesTenantsBeanListsTheTenantSchemasOfItsDataSourceWhichAreProvisionedThroughIt() {
		reporting.execute("CREATE SCHEMA app; CREATE TABLE app.tenants (schema_name text PRIMARY KEY, active boolean);"
				+ "INSERT INTO app.tenants VALUES ('shop_1', true), ('shop_2', false);"
				+ "CREATE SCHEMA shop_1; CREATE TABLE shop_1.orders (id integer PRIMARY KEY, total numeric);"
				+ "CREATE SCHEMA shop_2; CREATE TABLE shop_2.orders (id integer PRIMARY KEY, total numeric)");
		try {
			this.contextRunner.withPropertyValues(dataSources())
				.withUserConfiguration(FleetExamples.ReportingTenants.class)
				.withPropertyValues("pg-entities.datasources.mainDataSource.schemas=public",
						"pg-entities.datasources.reportingDataSource.schemas=reporting",
						"pg-entities.datasources.reportingDataSource.tenants.locations=classpath:db/tenant/*.sql")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					PgEntitiesCheckers checkers = context.getBean(PgEntitiesCheckers.class);
					assertThat(checkers.getTenants("mainDataSource")).isNull();
					PgEntitiesTenantChecker shops = checkers.getTenants("reportingDataSource");
					assertThat(shops.check().driftedSchemas()).containsExactly("shop_1");
					new FleetExamples.ShopSignup(checkers).shopCreated("shop_1");
					TenantDriftReport report = shops.check();
					assertThat(report.schemas()).containsExactly("shop_1");
					assertThat(report.inSync()).isTrue();
				});
		}
		finally {
			reporting.execute("DROP SCHEMA app, shop_1, shop_2 CASCADE");
		}
	}

	private static String[] dataSources() {
		return new String[] { "app.datasource.main.jdbc-url=" + main.jdbcUrl(),
				"app.datasource.main.username=" + main.user(), "app.datasource.main.password=" + main.password(),
				"app.datasource.reporting.jdbc-url=" + reporting.jdbcUrl(),
				"app.datasource.reporting.username=" + reporting.user(),
				"app.datasource.reporting.password=" + reporting.password() };
	}

}
