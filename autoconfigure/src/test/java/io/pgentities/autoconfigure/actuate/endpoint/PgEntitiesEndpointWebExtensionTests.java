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
package io.pgentities.autoconfigure.actuate.endpoint;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgTrigger;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesEndpointWebExtension}: lookups of one entity over HTTP in a
 * Spring MVC application on a real PostgreSQL, with identities written as people write them.
 */
@PostgresTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.locations=classpath:flyway/items",
				"pg-entities.locations=classpath:it/entities/*.sql",
				"management.endpoints.web.exposure.include=pgentities" })
@DirtiesContext
class PgEntitiesEndpointWebExtensionTests {

	private static TestDatabase database;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void useTheDatabase(TestDatabase testDatabase) {
		database = testDatabase;
		database.execute("CREATE SCHEMA app; CREATE DOMAIN app.amount AS numeric(12, 2);");
	}

	@DynamicPropertySource
	static void dataSourceProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void typeAliasesAreResolvedAsPostgresqlResolvesThem() {
		assertFound("/actuator/pgentities/public.total(int,%20decimal)", "public.total(integer, numeric)");
		assertFound("/actuator/pgentities/public.total(int4,numeric)", "public.total(integer, numeric)");
		assertFound("/actuator/pgentities/public.due(integer,timestamptz)",
				"public.due(integer, timestamp with time zone)");
		assertFound("/actuator/pgentities/public.due(int,%20timestamp%20with%20time%20zone)",
				"public.due(integer, timestamp with time zone)");
		assertFound("/actuator/pgentities/public.labels(varchar%5B%5D,%20bool,%20float8)",
				"public.labels(character varying[], boolean, double precision)");
	}

	@Test
	void unqualifiedNamesAreInTheDefaultSchemaAndFoldToLowerCase() {
		assertFound("/actuator/pgentities/total(integer,numeric)", "public.total(integer, numeric)");
		assertFound("/actuator/pgentities/TOTAL(INT,NUMERIC)", "public.total(integer, numeric)");
		assertFound("/actuator/pgentities/Item_Names", "public.item_names");
	}

	@Test
	void schemaQualifiedTypesAreResolved() {
		assertFound("/actuator/pgentities/app.scaled(app.amount,int)", "app.scaled(app.amount, integer)");
	}

	@Test
	void triggerIsFoundByTableAndNameInTheDefaultSchema() {
		assertFound("/actuator/pgentities/items.touch_items", "public.items.touch_items");
		assertFound("/actuator/pgentities/public.items.touch_items", "public.items.touch_items");
	}

	@Test
	void missIsNotFoundWithABodyThatSaysWhatWasLookedFor() {
		ResponseEntity<String> response = get("/actuator/pgentities/public.total(int)");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read("$.error", String.class)).isEqualTo("No entity public.total(integer)");
		assertThat(json.read("$.requested", String.class)).isEqualTo("public.total(int)");
		assertThat(json.read("$.lookedFor", List.class)).containsExactly("public.total(integer)");
		assertThat(json.read("$.sameName", List.class)).containsExactly("public.total(integer, numeric)");
		assertThat(json.read("$.hint", String.class)).contains("schema.name(argument types)")
			.contains("GET /actuator/pgentities");
	}

	@Test
	void missWithoutArgumentsListsEveryReading() {
		ResponseEntity<String> response = get("/actuator/pgentities/reporting.monthly");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read("$.error", String.class)).isEqualTo("No entity reporting.monthly");
		assertThat(json.read("$.lookedFor", List.class)).containsExactly("reporting.monthly",
				"public.reporting.monthly");
		assertThat(json.read("$.sameName", List.class)).isEmpty();
	}

	@Test
	void textThatIsNoIdentityIsNotFoundWithABody() {
		ResponseEntity<String> response = get("/actuator/pgentities/total(int");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(JsonPath.parse(response.getBody()).read("$.lookedFor", List.class)).containsExactly("total(int");
	}

	private void assertFound(String path, String identity) {
		ResponseEntity<String> response = get(path);
		assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.parse(response.getBody()).read("$.identity", String.class)).as("GET %s", path)
			.isEqualTo(identity);
	}

	private ResponseEntity<String> get(String path) {
		return LocalHttp.get(this.port, path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		PgEntity due() {
			return PgFunction.of("public", "due(days integer, since timestamptz)",
					"RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$ SELECT since + days * interval '1 day' $$");
		}

		@Bean
		PgEntity labels() {
			return PgFunction.of("public", "labels(names varchar[], upper bool, weight float8)",
					"RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$");
		}

		@Bean
		PgEntity scaled() {
			return PgFunction.of("app", "scaled(value app.amount, factor int)",
					"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT value * factor $$");
		}

		@Bean
		PgEntity touchItemsFunction() {
			return PgFunction.of("public", "touch_items()",
					"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
		}

		@Bean
		PgEntity touchItems() {
			return PgTrigger.of("public", "touch_items", "items",
					"BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch_items()");
		}

	}

}
