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

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgentities.autoconfigure.actuate.health.PgEntitiesHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link PgEntitiesHealthIndicator}, the health contributor
 * {@code pgentities}: one indicator for a single checked DataSource, else a composite of
 * one indicator per DataSource, by name.
 */
@AutoConfiguration(after = PgEntitiesAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnBooleanProperty(name = "pg-entities.enabled", matchIfMissing = true)
@ConditionalOnBean(PgEntitiesCheckers.class)
@ConditionalOnEnabledHealthIndicator("pgentities")
public final class PgEntitiesHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "pgentitiesHealthIndicator", "pgentitiesHealthContributor" })
	HealthContributor pgentitiesHealthIndicator(PgEntitiesCheckers checkers, PgEntitiesProperties properties) {
		boolean downOnDrift = properties.getHealth().isDownOnDrift();
		Map<String, PgEntitiesHealthIndicator> indicators = new LinkedHashMap<>();
		checkers.asMap()
			.forEach((name, checker) -> indicators.put(name,
					new PgEntitiesHealthIndicator(checker, downOnDrift, checkers.getTenants(name))));
		if (checkers.isSingle()) {
			return indicators.values().iterator().next();
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

}
