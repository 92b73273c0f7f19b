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
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for an AOT-processed application or a native image: the
 * engine's catalog queries (resources of {@code pg-entities-core}), the entity files at the
 * default {@code pg-entities.locations}, binding of {@link PgEntitiesProperties}, the
 * failure analyzer that {@code spring.factories} names, and the JSON of the actuator
 * endpoint. Registered in {@code META-INF/spring/aot.factories}.
 */
class PgEntitiesRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The catalog queries the engine loads beside its readers, one per kind.
	 */
	static final String CATALOG_QUERIES = "io/pgentities/internal/catalog/*.sql";

	/**
	 * The queries the security lint loads beside its facts reader.
	 */
	static final String LINT_QUERIES = "io/pgentities/internal/lint/*.sql";

	/**
	 * The entity files of the default {@code pg-entities.locations}; files at other
	 * locations need a hint of the application's.
	 */
	static final String DEFAULT_ENTITY_FILES = "db/entities/**/*.sql";

	private static final String ENDPOINT = "io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CATALOG_QUERIES)
			.registerPattern(LINT_QUERIES)
			.registerPattern(DEFAULT_ENTITY_FILES);
		BindableRuntimeHintsRegistrar.forTypes(PgEntitiesProperties.class).registerHints(hints, classLoader);
		hints.reflection()
			.registerType(PgEntitiesDriftFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)
			.registerType(PgEntitiesLintFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)
			.registerType(PgEntitiesPlanHazardFailureAnalyzer.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		if (ClassUtils.isPresent(ENDPOINT, classLoader)) {
			EndpointHints.register(hints);
		}
	}

	/**
	 * Kept apart so that the endpoint's classes, which need the actuator, load only when
	 * it is present.
	 */
	private static final class EndpointHints {

		static void register(RuntimeHints hints) {
			new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
					PgEntitiesEndpoint.PgEntitiesDescriptor.class, PgEntitiesEndpoint.EntityDriftDescriptor.class,
					PgEntitiesEndpoint.DataSourcesDescriptor.class,
					PgEntitiesEndpoint.LintFindingDescriptor.class, PgEntitiesEndpoint.PlannedStatementDescriptor.class);
			hints.reflection().registerType(TypeReference.of(ENDPOINT), MemberCategory.INVOKE_PUBLIC_METHODS);
		}

	}

}
