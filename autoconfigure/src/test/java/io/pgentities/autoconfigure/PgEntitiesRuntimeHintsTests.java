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
import java.lang.reflect.Method;

import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesRuntimeHints}.
 */
class PgEntitiesRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	PgEntitiesRuntimeHintsTests() {
		new PgEntitiesRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void isRegisteredInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(PgEntitiesRuntimeHints.class);
	}

	@Test
	void everyLintQueryOfTheEngineIsAResource() throws IOException {
		Resource[] queries = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/pgentities/internal/lint/*.sql");
		assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
		for (Resource query : queries) {
			assertThat(RuntimeHintsPredicates.resource()
				.forResource("io/pgentities/internal/lint/" + query.getFilename())).accepts(this.hints);
		}
	}

	@Test
	void everyCatalogQueryOfTheEngineIsAResource() throws IOException {
		Resource[] queries = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/pgentities/internal/catalog/*.sql");
		assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
		for (Resource query : queries) {
			assertThat(RuntimeHintsPredicates.resource()
				.forResource("io/pgentities/internal/catalog/" + query.getFilename())).accepts(this.hints);
		}
	}

	@Test
	void entityFilesAtTheDefaultLocationsAreResources() {
		assertThat(RuntimeHintsPredicates.resource().forResource("db/entities/views.sql")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/entities/reports/daily.sql"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__tables.sql"))
			.rejects(this.hints);
	}

	@Test
	void propertiesCanBeBound() {
		assertThat(RuntimeHintsPredicates.reflection().onType(PgEntitiesProperties.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(PgEntitiesProperties.Generate.class))
			.accepts(this.hints);
		Method setter = ReflectionUtils.findMethod(PgEntitiesProperties.class, "setCheckOnStartup",
				PgEntitiesProperties.CheckMode.class);
		assertThat(setter).isNotNull();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(setter)).accepts(this.hints);
	}

	@Test
	void theFailureAnalyzerCanBeInstantiated() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(PgEntitiesDriftFailureAnalyzer.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
	}

	@Test
	void theEndpointsDescriptorsCanBeWrittenAsJson() {
		Method inSync = ReflectionUtils.findMethod(PgEntitiesEndpoint.PgEntitiesDescriptor.class, "isInSync");
		Method status = ReflectionUtils.findMethod(PgEntitiesEndpoint.EntityDriftDescriptor.class, "getStatus");
		assertThat(inSync).isNotNull();
		assertThat(status).isNotNull();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(inSync)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(status)).accepts(this.hints);
	}

	@Test
	void theDescriptorOfSeveralDataSourcesCanBeWrittenAsJson() {
		Method dataSources = ReflectionUtils.findMethod(PgEntitiesEndpoint.DataSourcesDescriptor.class,
				"getDataSources");
		assertThat(dataSources).isNotNull();
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(dataSources)).accepts(this.hints);
	}

}
