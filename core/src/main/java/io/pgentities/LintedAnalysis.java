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
package io.pgentities;

import java.util.List;
import java.util.Objects;

/**
 * An analysis and the security lint of the same declarations, from one simulation of them
 * ({@link PgEntitiesEngine#analyzeAndLint}).
 *
 * @param analysis the drift report and the plan that resolves it
 * @param lint the lint's findings, by rule, empty when there are none
 */
public record LintedAnalysis(Analysis analysis, List<LintFinding> lint) {

	public LintedAnalysis {
		Objects.requireNonNull(analysis, "analysis must not be null");
		lint = List.copyOf(lint);
	}

}
