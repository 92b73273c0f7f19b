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

package io.pgentities.sample;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.autoconfigure.PgEntityDeclarations;
import io.pgentities.test.PgEntitiesDatabase;
import io.pgentities.test.PgEntitiesTest;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the sample application on a real PostgreSQL: a fresh database,
 * migrated by Flyway and brought to the declared state by the pg-entities callback.
 * <p>
 * {@link PostgresTest @PostgresTest} comes before {@link SpringBootTest @SpringBootTest}
 * so that its extension drops the database after Spring has closed the context
 * ({@link DirtiesContext @DirtiesContext}) and its connection pool.
 */
@PostgresTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PgEntitiesTest
@TypeExcludeFilters(SampleApplicationTests.DocumentationSnippetsFilter.class)
@DirtiesContext
class SampleApplicationTests {

	private static TestDatabase database;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PgEntitiesEngine engine;

	@Autowired
	private PgEntityDeclarations declarations;

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

	@Test
	void testKitChecksTheApplicationsOwnDeclarationsAndEngine(PgEntitiesDatabase checked) {
		assertThat(checked.dataSource()).isSameAs(this.jdbc.getDataSource());
		assertThat(checked.engine()).isSameAs(this.engine);
		assertThat(checked.entities()).isEqualTo(this.declarations.entities()).hasSize(5);
	}

	@Test
	void endpointReportsEveryEntityInSyncAfterAFreshMigrate() throws Exception {
		DocumentContext report = get("/actuator/pgentities", 200);
		assertThat(report.read("$.inSync", Boolean.class)).isTrue();
		assertThat(report.read("$.plan", List.class)).isEmpty();
		List<Map<String, String>> entities = report.read("$.entities");
		assertThat(entities).extracting((entity) -> entity.get("status")).containsOnly("IN_SYNC");
		assertThat(entities).extracting((entity) -> entity.get("kind") + " " + entity.get("identity"))
			.containsExactlyInAnyOrder("VIEW public.order_line_items", "FUNCTION public.timestamp_update_on_edit()",
					"TRIGGER public.products.timestamp_update_apply_products_trigger",
					"MATERIALIZED_VIEW public.product_revenue",
					"POLICY public.orders.orders_visible_to_their_customer");
		assertThat(entities).extracting((entity) -> entity.get("source"))
			.contains("bean 'orderLineItems'", "bean 'timestampUpdateOnEdit'",
					"bean 'timestampUpdateApplyProductsTrigger'", "file db/entities/product_revenue.sql:10",
					"file db/entities/orders_policy.sql:7");
	}

	@Test
	void endpointSelectsOneEntityByItsIdentity() throws Exception {
		DocumentContext entity = get("/actuator/pgentities/public.timestamp_update_on_edit()", 200);
		assertThat(entity.read("$.kind", String.class)).isEqualTo("FUNCTION");
		assertThat(entity.read("$.status", String.class)).isEqualTo("IN_SYNC");
		assertThat(status("/actuator/pgentities/public.no_such_view")).isEqualTo(404);
	}

	@Test
	void healthShowsThePgEntitiesComponent() throws Exception {
		DocumentContext health = get("/actuator/health", 200);
		assertThat(health.read("$.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.pgentities.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.pgentities.details.entities.IN_SYNC", Integer.class)).isEqualTo(5);
	}

	@Test
	void endpointReportsAViewChangedInTheDatabaseUntilThePlanIsApplied() throws Exception {
		this.jdbc.execute("""
				CREATE OR REPLACE VIEW order_line_items AS
				SELECT op.order_id, op.product_id, op.product_count, p.product_name, p.description,
				    p.price AS unit_price, op.product_count * p.price AS order_price
				FROM order_products op JOIN products p ON op.product_id = p.product_id
				WHERE op.product_count > 1
				""");
		try {
			DocumentContext view = get("/actuator/pgentities/public.order_line_items", 200);
			assertThat(view.read("$.status", String.class)).isEqualTo("CHANGED");
			assertThat(view.read("$.diff", String.class)).startsWith("--- database\n+++ declared\n")
				.contains("product_count > 1");
			assertThat(get("/actuator/pgentities", 200).read("$.plan", List.class)).isNotEmpty();
		}
		finally {
			MigrationPlan plan = this.engine.plan(this.declarations.entities());
			this.engine.apply(plan);
		}
		assertThat(get("/actuator/pgentities", 200).read("$.inSync", Boolean.class)).isTrue();
	}

	@Test
	void updatingAProductMovesItsLastEdited() {
		OffsetDateTime before = lastEdited(2);
		this.jdbc.update("UPDATE products SET product_name = 'Desk lamp, large' WHERE product_id = 2");
		OffsetDateTime after = lastEdited(2);
		assertThat(after).isAfter(before);
		assertThat(this.jdbc.queryForObject("SELECT now() - last_edited < interval '1 minute' FROM products "
				+ "WHERE product_id = 2", Boolean.class)).isTrue();
	}

	@Test
	void orderLineItemsPriceEachLineAtCountTimesUnitPrice() {
		List<Map<String, Object>> lines = this.jdbc
			.queryForList("SELECT * FROM order_line_items ORDER BY order_id, product_id");
		assertThat(lines).hasSize(5);
		assertThat(lines).allSatisfy((line) -> {
			BigDecimal count = new BigDecimal(((Number) line.get("product_count")).longValue());
			BigDecimal unitPrice = (BigDecimal) line.get("unit_price");
			assertThat((BigDecimal) line.get("order_price")).isEqualByComparingTo(count.multiply(unitPrice));
		});
		Map<String, Object> notebooks = lines.stream()
			.filter((line) -> line.get("order_id").equals(3))
			.findFirst()
			.orElseThrow();
		assertThat(notebooks.get("product_id")).isEqualTo(3);
		assertThat(notebooks.get("product_count")).isEqualTo(10);
		assertThat((BigDecimal) notebooks.get("unit_price")).isEqualByComparingTo("6.25");
		assertThat((BigDecimal) notebooks.get("order_price")).isEqualByComparingTo("62.50");
	}

	private OffsetDateTime lastEdited(int productId) {
		return this.jdbc.queryForObject("SELECT last_edited FROM products WHERE product_id = ?", OffsetDateTime.class,
				productId);
	}

	private DocumentContext get(String path, int expectedStatus) throws IOException, InterruptedException {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return JsonPath.parse(response.body());
	}

	private int status(String path) throws IOException, InterruptedException {
		return send(path).statusCode();
	}

	private HttpResponse<String> send(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET().build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Leaves the configuration classes of the documentation's snippets, which are test
	 * classes in a subpackage, out of the sample application's component scan.
	 */
	static final class DocumentationSnippetsFilter extends TypeExcludeFilter {

		private static final String PACKAGE = "io.pgentities.sample.docs.";

		@Override
		public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) {
			return metadataReader.getClassMetadata().getClassName().startsWith(PACKAGE);
		}

		@Override
		public boolean equals(Object obj) {
			return obj != null && obj.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
