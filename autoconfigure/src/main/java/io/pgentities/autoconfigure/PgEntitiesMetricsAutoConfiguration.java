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

import io.micrometer.core.instrument.MeterRegistry;
import io.pgentities.autoconfigure.actuate.metrics.PgEntitiesMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for {@link PgEntitiesMetrics}, the {@code pg.entities.drift} and
 * {@code pg.entities.declared} gauges of each checked DataSource.
 */
@AutoConfiguration(after = PgEntitiesAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "pg-entities.enabled", matchIfMissing = true)
@ConditionalOnBean({ PgEntitiesCheckers.class, MeterRegistry.class })
public final class PgEntitiesMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PgEntitiesMetrics pgEntitiesMetrics(PgEntitiesCheckers checkers) {
		return new PgEntitiesMetrics(checkers);
	}

}
