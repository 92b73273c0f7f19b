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

import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpointWebExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link PgEntitiesEndpoint}.
 */
@AutoConfiguration(after = PgEntitiesAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBooleanProperty(name = "pg-entities.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(PgEntitiesEndpoint.class)
public final class PgEntitiesEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(PgEntitiesCheckers.class)
	@ConditionalOnMissingBean
	PgEntitiesEndpoint pgEntitiesEndpoint(PgEntitiesCheckers checkers) {
		return new PgEntitiesEndpoint(checkers);
	}

	@Bean
	@ConditionalOnBean(PgEntitiesEndpoint.class)
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	PgEntitiesEndpointWebExtension pgEntitiesEndpointWebExtension(PgEntitiesEndpoint endpoint) {
		return new PgEntitiesEndpointWebExtension(endpoint);
	}

}
