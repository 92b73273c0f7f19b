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
package io.pgentities.cli;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SarifReport}. The report is parsed back and held to the structure the
 * SARIF 2.1.0 schema requires (version, runs, a tool driver with a name, results with a
 * message) and to what code-scanning services read (rule ids, levels, physical locations).
 */
class SarifReportTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void reportHasTheRequiredSarifStructureAndOneResultPerDriftedEntity() {
		JsonNode sarif = MAPPER.readTree(ReportFormat.SARIF.render(SampleResults.result()));

		assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
		assertThat(sarif.path("$schema").asString()).endsWith("sarif-2.1.0.json");
		assertThat(sarif.path("runs").isArray()).isTrue();
		assertThat(sarif.path("runs")).hasSize(1);
		JsonNode run = sarif.path("runs").get(0);
		assertThat(run.path("tool").path("driver").path("name").asString()).isEqualTo("pg-entities");
		List<String> ruleIds = new ArrayList<>();
		run.path("tool").path("driver").path("rules").forEach((rule) -> ruleIds.add(rule.path("id").asString()));
		JsonNode results = run.path("results");
		assertThat(results).hasSize(3);
		for (JsonNode result : results) {
			assertThat(result.path("message").path("text").asString()).isNotBlank();
			assertThat(ruleIds).contains(result.path("ruleId").asString());
			assertThat(result.path("level").asString()).isIn("none", "note", "warning", "error");
			assertThat(result.path("baselineState").asString()).isIn("new", "unchanged", "updated", "absent");
		}
	}

	@Test
	void resultsAreLocatedAtTheDeclaringFileAndLine() {
		JsonNode results = MAPPER.readTree(ReportFormat.SARIF.render(SampleResults.result()))
			.path("runs")
			.get(0)
			.path("results");

		JsonNode changed = results.get(0);
		assertThat(changed.path("ruleId").asString()).isEqualTo("pg-entities/changed");
		assertThat(changed.path("level").asString()).isEqualTo("error");
		assertThat(changed.path("message").path("text").asString()).contains("public.cheap_products",
				"+  WHERE price < 20");
		JsonNode physical = changed.path("locations").get(0).path("physicalLocation");
		assertThat(physical.path("artifactLocation").path("uri").asString()).isEqualTo("db/entities/views.sql");
		assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(4);
		JsonNode undeclared = results.get(2);
		assertThat(undeclared.path("locations").get(0).has("physicalLocation")).isFalse();
		assertThat(undeclared.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName")
			.asString()).isEqualTo("public.products.old");
	}

	@Test
	void driftTheBaselineAcceptsIsANoteMarkedUnchanged() {
		JsonNode changed = MAPPER.readTree(ReportFormat.SARIF.render(SampleResults.resultAcceptingTheChangedView()))
			.path("runs")
			.get(0)
			.path("results")
			.get(0);

		assertThat(changed.path("level").asString()).isEqualTo("note");
		assertThat(changed.path("baselineState").asString()).isEqualTo("unchanged");
	}

	@Test
	void aLintFindingIsAResultOfItsRuleLocatedAtTheDeclaringFileAndLine() {
		JsonNode run = MAPPER.readTree(ReportFormat.SARIF.render(SampleResults.resultWithLint(LintMode.WARN)))
			.path("runs")
			.get(0);

		List<String> ruleIds = new ArrayList<>();
		run.path("tool").path("driver").path("rules").forEach((rule) -> ruleIds.add(rule.path("id").asString()));
		assertThat(ruleIds).contains("security-definer-search-path");
		JsonNode finding = run.path("results").get(3);
		assertThat(finding.path("ruleId").asString()).isEqualTo("security-definer-search-path");
		assertThat(finding.path("level").asString()).isEqualTo("warning");
		assertThat(finding.path("message").path("text").asString()).contains("public.total(integer)",
				"SET search_path");
		JsonNode physical = finding.path("locations").get(0).path("physicalLocation");
		assertThat(physical.path("artifactLocation").path("uri").asString()).isEqualTo("db/entities/functions.sql");
		assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(1);
	}

	@Test
	void aLintFindingIsAnErrorWhenTheLintFails() {
		JsonNode finding = MAPPER.readTree(ReportFormat.SARIF.render(SampleResults.resultWithLint(LintMode.FAIL)))
			.path("runs")
			.get(0)
			.path("results")
			.get(3);

		assertThat(finding.path("level").asString()).isEqualTo("error");
	}

}
