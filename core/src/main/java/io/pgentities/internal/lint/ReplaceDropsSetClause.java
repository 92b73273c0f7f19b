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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.pgentities.LintFinding;
import io.pgentities.LintRule;

/**
 * {@link LintRule#REPLACE_DROPS_SET_CLAUSE}: a declaration that lacks a {@code SET} clause the
 * live routine has would lose it when the plan replaces the routine ({@code CREATE OR REPLACE}
 * sets every attribute from the statement, and so does a drop and create).
 */
final class ReplaceDropsSetClause implements LintCheck {

	@Override
	public LintRule rule() {
		return LintRule.REPLACE_DROPS_SET_CLAUSE;
	}

	@Override
	public List<LintFinding> check(LintFacts facts) {
		return facts.routines().stream().filter((routine) -> routine.live() != null).flatMap((routine) -> {
			Set<String> dropped = new TreeSet<>(routine.live().settingNames());
			dropped.removeAll(routine.declared().settingNames());
			if (dropped.isEmpty()) {
				return Stream.empty();
			}
			List<String> clauses = routine.live().config().stream()
				.filter((setting) -> dropped.contains(setting.substring(0, Math.max(0, setting.indexOf('=')))))
				.map((setting) -> "SET " + setting.replaceFirst("=", " = "))
				.toList();
			return Stream.of(finding(routine.entity(),
					"the live routine has " + String.join(", ", clauses) + ", which the declaration lacks",
					"add " + String.join(", ", clauses) + " to the declaration if the setting is wanted"));
		}).toList();
	}

}
