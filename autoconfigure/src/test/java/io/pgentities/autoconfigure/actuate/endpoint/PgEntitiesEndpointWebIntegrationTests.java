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

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link PgEntitiesEndpoint} over HTTP, with the health contributor
 * and the gauges, in a Spring MVC application with Flyway on a real PostgreSQL.
 */
@PostgresTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.locations=classpath:flyway/items,classpath:flyway/web",
				"pg-entities.locations=classpath:it/entities/*.sql",
				"management.endpoints.web.exposure.include=pgentities,health",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class PgEntitiesEndpointWebIntegrationTests {

	private static TestDatabase database;

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meterRegistry;

	@BeforeAll
	static void useTheDatabase(TestDatabase testDatabase) {
		database = testDatabase;
	}

	@DynamicPropertySource
	static void dataSourceProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl());
		registry.add("spring.datasource.username", () -> database.user());
		registry.add("spring.datasource.password", () -> database.password());
	}

	@Test
	void getReturnsTheReportAndThePlan() {
		DocumentContext json = JsonPath.parse(get("/actuator/pgentities").getBody());
		assertThat(json.read("$.inSync", Boolean.class)).isFalse();
		assertThat(json.read("$.durationMs", Long.class)).isNotNegative();
		List<Map<String, Object>> entities = json.read("$.entities");
		assertThat(entities).hasSize(3)
			.allSatisfy((entity) -> assertThat(entity).containsOnlyKeys("kind", "schema", "name", "identity",
					"status", "source", "diff"));
		assertThat(json.read("$.entities[?(@.identity == 'public.item_names')]", List.class)).singleElement()
			.isEqualTo(Map.of("kind", "VIEW", "schema", "public", "name", "item_names", "identity",
					"public.item_names", "status", "IN_SYNC", "source", "file it/entities/items.sql:2", "diff", ""));
		assertThat(json.read("$.entities[?(@.identity == 'public.total(integer, numeric)')].status", List.class))
			.containsExactly("MISSING");
		assertThat(json.read("$.entities[?(@.identity == 'public.expensive_items')].source", List.class))
			.containsExactly("bean 'expensiveItems'");
		List<String> plan = json.read("$.plan");
		assertThat(plan).hasSize(2).anySatisfy((statement) -> assertThat(statement).contains("public.total"));
		assertThat(json.read("$", Map.class)).containsOnlyKeys("inSync", "durationMs", "entities", "plan", "steps",
				"lint");
		assertThat(json.read("$.steps[*].sql", List.class)).isEqualTo(plan);
		List<Map<String, Object>> total = json.read("$.steps[?(@.identity == 'public.total(integer, numeric)')]");
		assertThat(total).singleElement()
			.satisfies((step) -> assertThat(step).containsOnlyKeys("sql", "kind", "identity", "hazards")
				.containsEntry("kind", "FUNCTION")
				.containsEntry("hazards", List.of()));
		assertThat(json.read("$.lint", List.class)).isEmpty();
	}

	@Test
	void getReturnsTheRefusalInAFieldOfItsOwnWhenNoPlanCanBeMade() {
		// a column default uses total(), whose return type the declaration changes
		database.execute("CREATE FUNCTION total(qty integer, price numeric) RETURNS double precision LANGUAGE sql IMMUTABLE "
				+ "AS $$ SELECT (qty * price)::float8 $$;"
				+ "CREATE TABLE orders (id integer, amount double precision DEFAULT total(1, 2))");
		try {
			DocumentContext json = JsonPath.parse(get("/actuator/pgentities").getBody());
			assertThat(json.read("$.inSync", Boolean.class)).isFalse();
			assertThat(json.read("$.entities[?(@.identity == 'public.total(integer, numeric)')].status", List.class))
				.containsExactly("CHANGED");
			assertThat(json.read("$.plan", List.class)).isEmpty();
			Map<String, Object> refusal = json.read("$.refusal");
			assertThat(refusal).containsOnlyKeys("entity", "dependents", "reason", "action")
				.containsEntry("entity", "FUNCTION public.total(integer, numeric)")
				.containsEntry("dependents", List.of("default value for column amount of table public.orders"));
			assertThat(refusal.get("reason")).asString().contains("never drops with CASCADE");
			assertThat(refusal.get("action")).asString().contains("by hand");
			DocumentContext health = JsonPath.parse(get("/actuator/health/pgentities").getBody());
			assertThat(health.read("$.details.refusal.entity", String.class))
				.isEqualTo("FUNCTION public.total(integer, numeric)");
		}
		finally {
			database.execute("DROP TABLE orders; DROP FUNCTION total(integer, numeric)");
			// leave a fresh result for the health probe of the other tests
			get("/actuator/pgentities");
		}
	}

	@Test
	void getWithAnIdentityReturnsOneEntity() {
		ResponseEntity<String> response = get("/actuator/pgentities/public.total(integer,%20numeric)");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read("$.identity", String.class)).isEqualTo("public.total(integer, numeric)");
		assertThat(json.read("$.kind", String.class)).isEqualTo("FUNCTION");
		assertThat(json.read("$.status", String.class)).isEqualTo("MISSING");
		assertThat(json.read("$.source", String.class)).isEqualTo("file it/entities/items.sql:5");
		assertThat(json.read("$.diff", String.class)).contains("+++ declared");
	}

	@Test
	void getWithAnEncodedIdentityReturnsOneEntity() {
		ResponseEntity<String> response = get("/actuator/pgentities/public.total%28integer%2C%20numeric%29");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.parse(response.getBody()).read("$.identity", String.class))
			.isEqualTo("public.total(integer, numeric)");
	}

	@Test
	void getWithAnUnknownIdentityIsNotFound() {
		assertThat(get("/actuator/pgentities/public.nothing").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void writesAreNotAllowed() {
		HttpStatusCode post = RestClient.create()
			.post()
			.uri(URI.create("http://localhost:" + this.port + "/actuator/pgentities"))
			.exchange((request, response) -> response.getStatusCode());
		HttpStatusCode delete = RestClient.create()
			.delete()
			.uri(URI.create("http://localhost:" + this.port + "/actuator/pgentities"))
			.exchange((request, response) -> response.getStatusCode());
		assertThat(post).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(delete).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void healthIsUpWithCountsByStatus() {
		DocumentContext json = JsonPath.parse(get("/actuator/health/pgentities").getBody());
		assertThat(json.read("$.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.details.inSync", Boolean.class)).isFalse();
		assertThat(json.read("$.details.entities", Map.class)).isEqualTo(
				Map.of("IN_SYNC", 1, "MISSING", 2, "CHANGED", 0, "UNDECLARED", 0));
	}

	@Test
	void gaugesCountTheLastCheck() {
		get("/actuator/pgentities");
		assertThat(this.meterRegistry.get("pg.entities.drift").tag("status", "MISSING").gauge().value()).isEqualTo(2);
		assertThat(this.meterRegistry.get("pg.entities.drift").tag("status", "IN_SYNC").gauge().value()).isEqualTo(1);
	}

	private ResponseEntity<String> get(String path) {
		return LocalHttp.get(this.port, path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebApplication {

		// Flyway creates the table and item_names; this view and the function are missing
		@Bean
		PgEntity expensiveItems() {
			return PgView.of("public", "expensive_items", "SELECT id FROM items WHERE price > 100");
		}

	}

}
