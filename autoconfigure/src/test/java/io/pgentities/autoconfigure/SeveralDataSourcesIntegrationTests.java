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

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.pgentities.PgView;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for an application with two DataSources on two real PostgreSQL
 * databases, each checked against its own declarations by {@code pg-entities.datasources},
 * as the endpoint, the health contributor and the gauges report them over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.enabled=false",
				"pg-entities.datasources.mainDataSource.locations=classpath:fleet/main/*.sql",
				"pg-entities.datasources.reportingDataSource.locations=classpath:fleet/reporting/*.sql",
				"pg-entities.datasources.reportingDataSource.schemas=public",
				"management.endpoints.web.exposure.include=pgentities,health",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
class SeveralDataSourcesIntegrationTests {

	private static TestDatabase main;

	private static TestDatabase reporting;

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meterRegistry;

	@Autowired
	private PgEntitiesCheckers checkers;

	@BeforeAll
	static void createDatabases() {
		main = TestDatabase.create();
		main.execute("CREATE TABLE items (id integer PRIMARY KEY); CREATE VIEW item_ids AS SELECT id FROM items;");
		reporting = TestDatabase.create();
		reporting.execute("CREATE TABLE reports (id integer PRIMARY KEY, title text);"
				+ "CREATE VIEW leftover AS SELECT 1 AS one;");
	}

	@AfterAll
	static void dropDatabases() {
		main.close();
		reporting.close();
	}

	@Test
	void eachDataSourceIsCheckedAgainstItsOwnDeclarations() {
		assertThat(this.checkers.getDataSourceNames()).containsExactly("mainDataSource", "reportingDataSource");
		assertThat(this.checkers.get("mainDataSource").lastAnalysis().report().inSync()).isTrue();
		assertThat(this.checkers.get("reportingDataSource").lastAnalysis().report().entities())
			.extracting((entity) -> entity.identity() + " " + entity.status())
			.containsExactlyInAnyOrder("public.report_ids MISSING", "public.report_titles MISSING",
					"public.leftover UNDECLARED");
	}

	@Test
	void endpointReportsOnEachDataSourceUnderItsName() {
		DocumentContext json = JsonPath.parse(get("/actuator/pgentities").getBody());
		assertThat(json.read("$", Map.class)).containsOnlyKeys("inSync", "dataSources");
		assertThat(json.read("$.inSync", Boolean.class)).isFalse();
		assertThat(json.read("$.dataSources", Map.class)).containsOnlyKeys("mainDataSource", "reportingDataSource");
		assertThat(json.read("$.dataSources.mainDataSource.inSync", Boolean.class)).isTrue();
		assertThat(json.read("$.dataSources.mainDataSource.entities[*].source", List.class))
			.containsExactly("file fleet/main/items.sql:1");
		assertThat(json.read("$.dataSources.reportingDataSource.inSync", Boolean.class)).isFalse();
		assertThat(json.read("$.dataSources.reportingDataSource.entities[?(@.status == 'MISSING')].source",
				List.class))
			.containsExactlyInAnyOrder("file fleet/reporting/reports.sql:1", "bean 'reportTitles'");
		List<String> plan = json.read("$.dataSources.reportingDataSource.plan");
		assertThat(plan).anySatisfy((statement) -> assertThat(statement).contains("public.report_ids"));
	}

	@Test
	void endpointFindsAnEntityUnderItsDataSource() {
		DocumentContext json = JsonPath
			.parse(get("/actuator/pgentities/reportingDataSource/public.report_ids").getBody());
		assertThat(json.read("$.status", String.class)).isEqualTo("MISSING");
		ResponseEntity<String> notFound = get("/actuator/pgentities/mainDataSource/public.report_ids");
		assertThat(notFound.getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void healthHasOneComponentPerDataSource() {
		DocumentContext json = JsonPath.parse(get("/actuator/health").getBody());
		assertThat(json.read("$.components.pgentities.components", Map.class)).containsOnlyKeys("mainDataSource",
				"reportingDataSource");
		assertThat(json.read("$.components.pgentities.components.reportingDataSource.status", String.class))
			.isEqualTo("UP");
		assertThat(json.read("$.components.pgentities.components.reportingDataSource.details.inSync",
				Boolean.class))
			.isFalse();
	}

	@Test
	void gaugesAreTaggedWithTheirDataSource() {
		assertThat(this.meterRegistry.get("pg.entities.drift").tags("datasource", "reportingDataSource", "status",
				"MISSING").gauge().value()).isEqualTo(2);
		assertThat(this.meterRegistry.get("pg.entities.drift").tags("datasource", "mainDataSource", "status",
				"IN_SYNC").gauge().value()).isEqualTo(1);
		assertThat(this.meterRegistry.find("pg.entities.declared").gauges())
			.extracting((gauge) -> gauge.getId().getTag("datasource"))
			.containsExactlyInAnyOrder("mainDataSource", "reportingDataSource");
	}

	private ResponseEntity<String> get(String path) {
		return RestClient.create()
			.get()
			.uri(URI.create("http://localhost:" + this.port + path))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		@Primary
		DataSource mainDataSource() {
			return main.dataSource();
		}

		@Bean
		DataSource reportingDataSource() {
			return reporting.dataSource();
		}

		@Bean
		@Qualifier("reportingDataSource")
		PgView reportTitles() {
			return PgView.of("public", "report_titles", "SELECT id, title FROM reports");
		}

	}

}
