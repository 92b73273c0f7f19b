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

import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.sample.SampleEntities;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI gate of an application that declares entities as beans (docs/ci.md): a
 * {@code @SpringBootTest} whose context starts only when the migrated database has every
 * declared entity, here the sample's beans and SQL files on a fresh database.
 */
@PostgresTest
@DirtiesContext
@SpringBootTest(properties = "pg-entities.check-on-startup=fail")
class DeclaredEntitiesInSyncTests {

	@Test
	void everyDeclaredEntityIsInSyncAfterTheMigrations(@Autowired PgEntitiesChecker checker) {
		assertThat(checker.analyze().report().drifted()).isEmpty();
	}

	private static TestDatabase database;

	@BeforeAll
	static void useDatabase(TestDatabase testDatabase) {
		database = testDatabase;
	}

	@DynamicPropertySource
	static void dataSourceProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SampleEntities.class)
	static class SampleConfiguration {

	}

}
