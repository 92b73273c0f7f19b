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

import io.pgentities.EntityDrift;
import io.pgentities.LintFinding;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The actuator endpoint's JSON ({@code inSync}, {@code durationMs}, {@code entities},
 * {@code lint}, {@code plan}), with each drifted entity's {@code baselineState} beside it.
 */
final class JsonReport implements ReportFormat.ReportWriter {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Override
	public String render(GateResult result) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("inSync", result.report().inSync());
		root.put("durationMs", result.report().duration().toMillis());
		ArrayNode entities = root.putArray("entities");
		for (EntityDrift drift : result.report().entities()) {
			ObjectNode entity = entities.addObject()
				.put("kind", drift.kind().name())
				.put("schema", drift.schema())
				.put("name", drift.name())
				.put("identity", drift.identity())
				.put("status", drift.status().name())
				.put("source", drift.source())
				.put("diff", drift.diff());
			Baseline.BaselineState state = result.state(drift);
			if (state != Baseline.BaselineState.ABSENT) {
				entity.put("baselineState", state.name().toLowerCase(java.util.Locale.ROOT));
			}
		}
		ArrayNode lint = root.putArray("lint");
		for (LintFinding finding : result.lint()) {
			lint.addObject()
				.put("rule", finding.ruleId())
				.put("kind", finding.kind().name())
				.put("identity", finding.identity())
				.put("source", finding.source())
				.put("why", finding.why())
				.put("fix", finding.fix());
		}
		ArrayNode plan = root.putArray("plan");
		result.plan().statements().forEach(plan::add);
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
	}

}
