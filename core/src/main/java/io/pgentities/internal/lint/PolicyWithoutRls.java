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
package io.pgentities.internal.lint;

import java.util.List;

import io.pgentities.LintFinding;
import io.pgentities.LintRule;

/**
 * {@link LintRule#POLICY_WITHOUT_RLS}: a policy's table must have row-level security enabled
 * in the live database.
 */
final class PolicyWithoutRls implements LintCheck {

	@Override
	public LintRule rule() {
		return LintRule.POLICY_WITHOUT_RLS;
	}

	@Override
	public List<LintFinding> check(LintFacts facts) {
		return facts.policies().stream()
			.filter((policy) -> !policy.rowSecurity())
			.map((policy) -> finding(policy.entity(),
					"row-level security is disabled on its table " + policy.table(),
					"run ALTER TABLE " + policy.table() + " ENABLE ROW LEVEL SECURITY in a Flyway migration "
							+ "(and FORCE ROW LEVEL SECURITY if the table's owner must be subject to it too)"))
			.toList();
	}

}
