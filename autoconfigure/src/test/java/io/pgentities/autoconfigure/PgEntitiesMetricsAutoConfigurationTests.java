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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.actuate.metrics.PgEntitiesMetrics;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesMetricsAutoConfiguration}.
 */
@PostgresTest
class PgEntitiesMetricsAutoConfigurationTests {

	private final TestDatabase database;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, PgEntitiesAutoConfiguration.class,
				PgEntitiesMetricsAutoConfiguration.class));

	PgEntitiesMetricsAutoConfigurationTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void registersTheGaugesWithTheStartupCheckCounts() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(SimpleMeterRegistry.class)
			.withBean("missing", PgView.class, () -> PgView.of("public", "missing", "SELECT 1 AS one"))
			.run((context) -> {
				assertThat(context).hasSingleBean(PgEntitiesMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("pg.entities.drift").tag("status", "MISSING").gauge().value()).isEqualTo(1);
				assertThat(registry.get("pg.entities.drift").tag("status", "IN_SYNC").gauge().value()).isZero();
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesMetrics.class));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.withPropertyValues("pg-entities.check-on-startup=off")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("pgEntitiesMetrics")
				.hasSingleBean(PgEntitiesChecker.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("pg-entities.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PgEntitiesMetrics.class));
	}

	@Test
	void backsOffWithAUserDefinedBinder() {
		this.contextRunner.withBean(DataSource.class, this.database::dataSource)
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("pg-entities.check-on-startup=off")
			.withBean("customMetrics", PgEntitiesMetrics.class)
			.run((context) -> assertThat(context).hasSingleBean(PgEntitiesMetrics.class).hasBean("customMetrics"));
	}

}
