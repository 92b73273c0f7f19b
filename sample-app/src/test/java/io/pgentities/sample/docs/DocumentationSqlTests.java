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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.PgEntities;
import io.pgentities.PgEntity;
import io.pgentities.sample.SampleEntities;
import io.pgentities.sample.docs.DocumentationSnippets.Snippet;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the SQL snippets of the documentation on a real database with the sample's
 * tables: those that declare entities are read with {@link PgEntities#fromSql} and
 * converge, and those that are migrations run on the sample's database.
 */
class DocumentationSqlTests {

	/**
	 * The roles the documentation grants to and gives objects to. Roles belong to the whole
	 * server, so they are created when missing and dropped after the tests.
	 */
	private static final List<String> DOCUMENTED_ROLES = List.of("reporting", "auditor", "app_owner");

	@BeforeAll
	static void createDocumentedRoles() {
		try (TestDatabase database = TestDatabase.create()) {
			for (String role : DOCUMENTED_ROLES) {
				database.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
						+ "') THEN CREATE ROLE " + role + " NOLOGIN; END IF; END $$");
			}
		}
	}

	@AfterAll
	static void dropDocumentedRoles() {
		try (TestDatabase database = TestDatabase.create()) {
			for (String role : DOCUMENTED_ROLES) {
				database.execute("DROP ROLE IF EXISTS " + role);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entitySnippets")
	void entitySnippetIsReadAndConverges(Snippet snippet) {
		List<PgEntity> declared = PgEntities.fromSql(snippet.code(), "docs/" + snippet, "public");
		assertThat(declared).isNotEmpty();
		try (TestDatabase database = SampleDatabase.migrated()) {
			List<EntityDrift> before = SampleDatabase.converge(database, declared).entities();
			assertThat(before).extracting(EntityDrift::status).containsOnly(DriftStatus.MISSING);
			assertThat(before).hasSize(declared.size());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("migrationSnippets")
	void migrationSnippetRunsOnTheSampleDatabase(Snippet snippet) {
		try (TestDatabase database = SampleDatabase.migrated()) {
			List<PgEntity> sample = new ArrayList<>(SampleDatabase.declaredBy(SampleEntities.class,
					database.dataSource()));
			sample.addAll(PgEntities.fromResource("db/entities/product_revenue.sql"));
			sample.addAll(PgEntities.fromResource("db/entities/orders_policy.sql"));
			SampleDatabase.converge(database, sample);
			database.execute(snippet.code());
		}
	}

	static Stream<Snippet> entitySnippets() {
		return snippets("entities");
	}

	static Stream<Snippet> migrationSnippets() {
		return snippets("migration");
	}

	private static Stream<Snippet> snippets(String marker) {
		List<Snippet> snippets = DocumentationSnippets.all("sql")
			.stream()
			.filter((snippet) -> marker.equals(snippet.marker()))
			.toList();
		assertThat(snippets).as("SQL snippets marked " + marker).isNotEmpty();
		return snippets.stream();
	}

}
