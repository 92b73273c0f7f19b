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

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JsonReport}.
 */
class JsonReportTests {

	@Test
	void reportHasTheEndpointsShape() {
		JsonNode json = JsonMapper.builder().build().readTree(ReportFormat.JSON.render(SampleResults.result()));

		assertThat(json.path("inSync").asBoolean(true)).isFalse();
		assertThat(json.path("durationMs").asLong()).isEqualTo(42);
		assertThat(json.path("entities")).hasSize(4);
		JsonNode changed = json.path("entities").get(1);
		assertThat(changed.path("kind").asString()).isEqualTo("VIEW");
		assertThat(changed.path("schema").asString()).isEqualTo("public");
		assertThat(changed.path("name").asString()).isEqualTo("cheap_products");
		assertThat(changed.path("identity").asString()).isEqualTo("public.cheap_products");
		assertThat(changed.path("status").asString()).isEqualTo("CHANGED");
		assertThat(changed.path("source").asString()).isEqualTo("db/entities/views.sql:4");
		assertThat(changed.path("diff").asString()).isEqualTo(SampleResults.CHANGED.diff());
		assertThat(changed.path("baselineState").asString()).isEqualTo("new");
		assertThat(json.path("entities").get(0).has("baselineState")).isFalse();
		assertThat(json.path("plan").get(0).asString()).isEqualTo(SampleResults.PLAN.statements().get(0));
	}

	@Test
	void reportListsTheLintFindingsAsTheEndpointDoes() {
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(ReportFormat.JSON.render(SampleResults.resultWithLint(LintMode.WARN)));

		assertThat(json.path("lint")).hasSize(1);
		JsonNode finding = json.path("lint").get(0);
		assertThat(finding.path("rule").asString()).isEqualTo("security-definer-search-path");
		assertThat(finding.path("kind").asString()).isEqualTo("FUNCTION");
		assertThat(finding.path("identity").asString()).isEqualTo("public.total(integer)");
		assertThat(finding.path("source").asString()).isEqualTo("db/entities/functions.sql:1");
		assertThat(finding.path("why").asString()).isEqualTo(SampleResults.FINDING.why());
		assertThat(finding.path("fix").asString()).isEqualTo(SampleResults.FINDING.fix());
	}

	@Test
	void reportHasAnEmptyLintArrayWithoutFindings() {
		JsonNode json = JsonMapper.builder().build().readTree(ReportFormat.JSON.render(SampleResults.result()));

		assertThat(json.path("lint").isArray()).isTrue();
		assertThat(json.path("lint")).isEmpty();
	}
}
