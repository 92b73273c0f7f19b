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

package io.pgentities.testsupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TestDatabaseExtension}: where a {@link TestDatabase} can be injected.
 */
@PostgresTest
@TestInstance(Lifecycle.PER_CLASS)
class TestDatabaseExtensionTests {

	private final TestDatabase constructorDatabase;

	TestDatabaseExtensionTests(TestDatabase database) {
		this.constructorDatabase = database;
	}

	@BeforeAll
	void createTable(TestDatabase database) {
		assertThat(database).isSameAs(this.constructorDatabase);
		database.execute("CREATE TABLE created_before_all (id int)");
	}

	@Test
	void testMethodGetsTheClassDatabase(TestDatabase database) {
		assertThat(database).isSameAs(this.constructorDatabase);
		database.execute("SELECT * FROM created_before_all");
		assertThat(database.name()).startsWith("pge_testdatabaseextensiontests_");
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassSharesTheDatabase(TestDatabase database) {
			assertThat(database).isSameAs(TestDatabaseExtensionTests.this.constructorDatabase);
		}

	}

}
