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

import javax.sql.DataSource;

import io.pgentities.PgEntitiesTenants;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.PgEntitiesCheckers;
import io.pgentities.autoconfigure.PgEntitiesDataSource;
import io.pgentities.autoconfigure.PgEntitiesTenantChecker;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The examples of {@code docs/fleet.md}: a DataSource chosen with
 * {@link PgEntitiesDataSource @PgEntitiesDataSource}, an entity bean qualified by the
 * DataSource it belongs to, and the tenant schemas of one of several DataSources. {@link FleetExamplesTests} runs them on real databases.
 */
final class FleetExamples {

	private FleetExamples() {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReportingDataSourceConfiguration {

		@Bean
		@Primary
		@ConfigurationProperties("app.datasource.main")
		DataSource mainDataSource() {
			return DataSourceBuilder.create().build();
		}

		@Bean
		@PgEntitiesDataSource
		@ConfigurationProperties("app.datasource.reporting")
		DataSource reportingDataSource() {
			return DataSourceBuilder.create().build();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReportingEntities {

		@Bean
		@Qualifier("reportingDataSource")
		PgView monthlyRevenue() {
			return PgView.of("reporting", "monthly_revenue",
					"SELECT date_trunc('month', paid_at) AS month, sum(amount) AS revenue FROM reporting.payments GROUP BY 1");
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TenantRegistry {

		@Bean
		PgEntitiesTenants pgEntitiesTenants(JdbcTemplate jdbc) {
			return (dataSource) -> jdbc.queryForList("SELECT schema_name FROM app.tenants WHERE active", String.class);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReportingTenants {

		@Bean
		@Qualifier("reportingDataSource")
		PgEntitiesTenants reportingTenants() {
			return (dataSource) -> new JdbcTemplate(dataSource)
				.queryForList("SELECT schema_name FROM app.tenants WHERE active", String.class);
		}

	}

	static class ShopSignup {

		private final PgEntitiesCheckers checkers;

		ShopSignup(PgEntitiesCheckers checkers) {
			this.checkers = checkers;
		}

		void shopCreated(String schema) {
			this.checkers.getTenants("reportingDataSource").provision(schema);
		}

	}

	static class TenantSignup {

		private final PgEntitiesTenantChecker tenants;

		TenantSignup(PgEntitiesTenantChecker tenants) {
			this.tenants = tenants;
		}

		void tenantCreated(String schema) {
			// the tenant's schema and tables are committed: give it the template's entities
			this.tenants.provision(schema);
		}

	}

}
