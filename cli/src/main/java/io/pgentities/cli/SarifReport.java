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

import java.util.Locale;

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityKind;
import io.pgentities.LintFinding;
import io.pgentities.LintRule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, as code-scanning services read it: one rule per drift status, one result per
 * drifted entity, located at the file and line that declare it (an undeclared entity has no
 * file: it is located by its identity only). {@code baselineState} says whether the baseline
 * knew the drift; drift it accepts is a note, drift that fails the gate an error.
 */
final class SarifReport implements ReportFormat.ReportWriter {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	@Override
	public String render(GateResult result) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("$schema", SCHEMA);
		root.put("version", "2.1.0");
		ObjectNode run = root.putArray("runs").addObject();
		ObjectNode driver = run.putObject("tool").putObject("driver");
		driver.put("name", "pg-entities");
		ArrayNode rules = driver.putArray("rules");
		for (DriftStatus status : DriftStatus.values()) {
			if (status != DriftStatus.IN_SYNC) {
				ObjectNode rule = rules.addObject();
				rule.put("id", ruleId(status));
				rule.put("name", status.name());
				rule.putObject("shortDescription").put("text", description(status));
				rule.putObject("defaultConfiguration").put("level", "error");
			}
		}
		for (LintRule lintRule : LintRule.values()) {
			ObjectNode rule = rules.addObject();
			rule.put("id", lintRule.id());
			rule.put("name", lintRule.name());
			rule.putObject("shortDescription").put("text", "Security lint: " + lintRule.id());
			rule.putObject("fullDescription").put("text", lintRule.why());
			rule.putObject("defaultConfiguration").put("level", "warning");
		}
		ArrayNode results = run.putArray("results");
		for (EntityDrift drift : result.report().drifted()) {
			Baseline.BaselineState state = result.state(drift);
			ObjectNode entry = results.addObject();
			entry.put("ruleId", ruleId(drift.status()));
			entry.put("level", state.fails() ? "error" : "note");
			entry.putObject("message").put("text", JUnitReport.message(drift) + ".\n" + drift.diff());
			locate(entry, drift.source(), drift.identity(), drift.kind());
			entry.put("baselineState", state.name().toLowerCase(Locale.ROOT));
			entry.putObject("partialFingerprints").put("pgEntitiesIdentity/v1", drift.kind() + " " + drift.identity());
		}
		for (LintFinding finding : result.lint()) {
			ObjectNode entry = results.addObject();
			entry.put("ruleId", finding.ruleId());
			entry.put("level", result.lintFails() ? "error" : "warning");
			entry.putObject("message").put("text", finding.message());
			locate(entry, finding.source(), finding.identity(), finding.kind());
			entry.putObject("partialFingerprints")
				.put("pgEntitiesIdentity/v1", finding.kind() + " " + finding.identity() + " " + finding.ruleId());
		}
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
	}

	private static void locate(ObjectNode entry, String declaredAt, String identity, EntityKind kind) {
		ObjectNode location = entry.putArray("locations").addObject();
		Source source = Source.of(declaredAt);
		if (source != null) {
			ObjectNode physical = location.putObject("physicalLocation");
			physical.putObject("artifactLocation").put("uri", source.file());
			physical.putObject("region").put("startLine", source.line());
		}
		location.putArray("logicalLocations")
			.addObject()
			.put("fullyQualifiedName", identity)
			.put("kind", kind.name().toLowerCase(Locale.ROOT));
	}

	private static String ruleId(DriftStatus status) {
		return "pg-entities/" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String description(DriftStatus status) {
		return switch (status) {
			case MISSING -> "A declared entity is missing from the database";
			case CHANGED -> "An entity in the database differs from its declaration";
			case UNDECLARED -> "An entity in a managed schema is declared nowhere";
			case IN_SYNC -> "An entity is in sync";
		};
	}

}
