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
 * {@link LintRule#SECURITY_DEFINER_SEARCH_PATH}: a {@code SECURITY DEFINER} routine must fix
 * its {@code search_path}.
 */
final class SecurityDefinerSearchPath implements LintCheck {

	@Override
	public LintRule rule() {
		return LintRule.SECURITY_DEFINER_SEARCH_PATH;
	}

	@Override
	public List<LintFinding> check(LintFacts facts) {
		return facts.routines().stream()
			.filter((routine) -> routine.declared().securityDefiner()
					&& !routine.declared().settingNames().contains("search_path"))
			.map((routine) -> finding(routine.entity(), "it is SECURITY DEFINER without SET search_path",
					"add SET search_path = pg_catalog, pg_temp (and schema-qualify the names in its body), or "
							+ "list only schemas that untrusted roles cannot create objects in, pg_temp last"))
			.toList();
	}

}
