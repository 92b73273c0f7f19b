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

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;

/**
 * The report for people: a line per drifted entity and its diff, a summary, the lint's
 * findings, and the plan.
 */
final class TextReport implements ReportFormat.ReportWriter {

	@Override
	public String render(GateResult result) {
		StringBuilder text = new StringBuilder();
		for (EntityDrift drift : result.report().drifted()) {
			Baseline.BaselineState state = result.state(drift);
			text.append(drift.status())
				.append(' ')
				.append(drift.kind().sqlName())
				.append(' ')
				.append(drift.identity())
				.append(" (")
				.append(drift.source())
				.append(')');
			if (!state.fails()) {
				text.append(" accepted by the baseline");
			}
			else if (state == Baseline.BaselineState.UPDATED) {
				text.append(" differs from the baseline");
			}
			text.append('\n');
			drift.diff().lines().forEach((line) -> text.append("    ").append(line).append('\n'));
		}
		long inSync = result.report().entities().stream().filter((drift) -> drift.status() == DriftStatus.IN_SYNC).count();
		int drifted = result.report().drifted().size();
		int failing = result.failing().size();
		text.append(inSync).append(" in sync, ").append(drifted).append(" drifted");
		if (drifted != failing) {
			text.append(" (").append(drifted - failing).append(" accepted by the baseline)");
		}
		text.append(", checked in ").append(result.report().duration().toMillis()).append(" ms\n");
		if (!result.lint().isEmpty()) {
			text.append('\n')
				.append(result.lintFails() ? "Lint (fails the check):\n" : "Lint:\n");
			result.lint().forEach((finding) -> text.append(finding.message()).append('\n'));
		}
		if (!result.plan().isEmpty()) {
			text.append("\nPlan:\n").append(result.plan().toSql());
		}
		return text.toString();
	}

}
