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

import java.util.List;
import java.util.Objects;

import io.pgentities.DriftReport;
import io.pgentities.EntityDrift;
import io.pgentities.LintFinding;
import io.pgentities.MigrationPlan;

/**
 * What a check found: the drift report, the plan that would resolve it, the baseline the
 * drift is judged against, and the findings of the security lint of the declarations.
 *
 * @param report the drift report
 * @param plan the plan
 * @param baseline the accepted drift; {@link Baseline#empty()} when there is none
 * @param lint the lint's findings; empty when there are none or the lint is off
 * @param lintMode whether the findings fail the gate ({@link LintMode#FAIL}) or are only reported
 */
public record GateResult(DriftReport report, MigrationPlan plan, Baseline baseline, List<LintFinding> lint,
		LintMode lintMode) {

	public GateResult {
		Objects.requireNonNull(lintMode, "lintMode must not be null");
		lint = List.copyOf(lint);
	}

	/**
	 * A result without lint findings.
	 * @param report the drift report
	 * @param plan the plan
	 * @param baseline the accepted drift
	 */
	public GateResult(DriftReport report, MigrationPlan plan, Baseline baseline) {
		this(report, plan, baseline, List.of(), LintMode.OFF);
	}

	/**
	 * The same result judged against another baseline.
	 * @param baseline the accepted drift
	 * @return the result
	 */
	public GateResult withBaseline(Baseline baseline) {
		return new GateResult(this.report, this.plan, baseline, this.lint, this.lintMode);
	}

	/**
	 * Whether the lint's findings fail the gate: there are some and the mode is {@link LintMode#FAIL}.
	 * @return whether they fail it
	 */
	public boolean lintFails() {
		return this.lintMode == LintMode.FAIL && !this.lint.isEmpty();
	}

	/**
	 * How an entity's drift compares with the baseline.
	 * @param drift the entity's comparison
	 * @return its state
	 */
	public Baseline.BaselineState state(EntityDrift drift) {
		return this.baseline.stateOf(drift);
	}

	/**
	 * The drifted entities that fail the gate: drift the baseline does not accept.
	 * @return the failing entities
	 */
	public List<EntityDrift> failing() {
		return this.report.drifted().stream().filter((drift) -> state(drift).fails()).toList();
	}

	/**
	 * The exit code: {@link ExitCode#DRIFT} when anything fails the gate (drift the baseline does
	 * not accept, or lint findings in {@link LintMode#FAIL}), else {@link ExitCode#OK}.
	 * @return the exit code
	 */
	public ExitCode exitCode() {
		return (failing().isEmpty() && !lintFails()) ? ExitCode.OK : ExitCode.DRIFT;
	}

}
