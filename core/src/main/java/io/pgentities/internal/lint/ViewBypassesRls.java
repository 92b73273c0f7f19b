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
 * {@link LintRule#VIEW_BYPASSES_RLS}: a view over a table with row-level security should be
 * {@code security_invoker}. The option exists from PostgreSQL 15 on; on older servers the rule
 * reports nothing, since this fix does not exist there.
 */
final class ViewBypassesRls implements LintCheck {

	/** {@code server_version_num} of the first release with {@code security_invoker} views. */
	static final int SECURITY_INVOKER_SINCE = 150000;

	@Override
	public LintRule rule() {
		return LintRule.VIEW_BYPASSES_RLS;
	}

	@Override
	public List<LintFinding> check(LintFacts facts) {
		if (facts.serverVersion() < SECURITY_INVOKER_SINCE) {
			return List.of();
		}
		return facts.views().stream()
			.filter((view) -> !view.securityInvoker() && !view.rowSecurityTables().isEmpty())
			.map((view) -> finding(view.entity(),
					"it reads " + String.join(", ", view.rowSecurityTables())
							+ " (row-level security enabled) and is not security_invoker",
					"declare it CREATE VIEW ... WITH (security_invoker = true) AS ..., so that the "
							+ "policies of the querying role apply"))
			.toList();
	}

}
