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

import javax.sql.DataSource;

import io.pgentities.PgView;
import io.pgentities.autoconfigure.actuate.health.PgEntitiesHealthIndicator;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesHealthContributorAutoConfiguration}.
 */
@PostgresTest
class PgEntitiesHealthContributorAutoConfigurationTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PgEntitiesAutoConfiguration.class,
				PgEntitiesHealthContributorAutoConfiguration.class))
		.withPropertyValues("pg-entities.check-on-startup=off");

	PgEntitiesHealthContributorAutoConfigurationTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void runShouldCreateIndicatorNamedPgentities() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.run((context) -> assertThat(context).hasSingleBean(PgEntitiesHealthIndicator.class)
				.hasBean("pgentitiesHealthIndicator"));
	}

	@Test
	void runWhenDisabledShouldNotCreateIndicator() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("management.health.pgentities.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesHealthIndicator.class));
	}

	@Test
	void runWhenHealthIndicatorDefaultsAreDisabledShouldNotCreateIndicator() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesHealthIndicator.class));
	}

	@Test
	void runWhenPgEntitiesIsDisabledShouldNotCreateIndicator() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesHealthIndicator.class));
	}

	@Test
	void runWithoutADataSourceShouldNotCreateIndicator() {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PgEntitiesHealthIndicator.class));
	}

	// A missing jar also hides the annotations it declares. A FilteredClassLoader mimics
	// that only for classes read from their class files, as imported auto-configurations
	// are, not for those registered directly
	@Test
	void runWithoutHealthClassesShouldNotCreateIndicator() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAutoConfigurations.class)
			.withPropertyValues("pg-entities.check-on-startup=off")
			.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader(HiddenPackages.of("org.springframework.boot.health")))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("pgentitiesHealthIndicator")
				.hasSingleBean(PgEntitiesChecker.class));
	}

	@Test
	void runWithAUserDefinedIndicatorShouldBackOff() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("pgentitiesHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesHealthIndicator.class));
	}

	@Test
	void runWithDownOnDriftShouldReportDriftAsDown() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean("missing", PgView.class, () -> PgView.of("public", "missing", "SELECT 1 AS one"))
			.withPropertyValues("pg-entities.health.down-on-drift=true")
			.run((context) -> assertThat(context.getBean(PgEntitiesHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.DOWN));
	}

	@Test
	void runWithSeveralDataSourcesShouldCreateOneIndicatorPerDataSource() {
		this.contextRunner.withBean("mainDataSource", DataSource.class, this.database::dataSource)
			.withBean("reportingDataSource", DataSource.class, this.database::dataSource)
			.withBean("missing", PgView.class, () -> PgView.of("public", "missing", "SELECT 1 AS one"),
					(definition) -> ((AbstractBeanDefinition) definition)
						.addQualifier(new AutowireCandidateQualifier(Qualifier.class, "reportingDataSource")))
			.withPropertyValues("pg-entities.datasources.mainDataSource.schemas=public",
					"pg-entities.datasources.reportingDataSource.schemas=public",
					"pg-entities.health.down-on-drift=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(CompositeHealthContributor.class)
					.hasBean("pgentitiesHealthIndicator");
				CompositeHealthContributor composite = context.getBean(CompositeHealthContributor.class);
				assertThat(composite.stream().map((entry) -> entry.name()))
					.containsExactly("mainDataSource", "reportingDataSource");
				assertThat(((HealthIndicator) composite.getContributor("mainDataSource")).health().getStatus())
					.isEqualTo(Status.UP);
				assertThat(((HealthIndicator) composite.getContributor("reportingDataSource")).health().getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PgEntitiesAutoConfiguration.class, PgEntitiesHealthContributorAutoConfiguration.class })
	static class ImportedAutoConfigurations {

	}

}
