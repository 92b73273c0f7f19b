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
import java.util.Locale;

import io.pgentities.LintFinding;
import io.pgentities.LintRule;

/**
 * {@link LintRule#SECURITY_DEFINER_PUBLIC_EXECUTE}: a {@code SECURITY DEFINER} routine should
 * not be executable by {@code PUBLIC}. The privileges that count are the live routine's when
 * it exists, since a plan keeps them when it replaces the routine; otherwise those the routine
 * gets when it is created, PostgreSQL's default unless default privileges change it.
 */
final class SecurityDefinerPublicExecute implements LintCheck {

	@Override
	public LintRule rule() {
		return LintRule.SECURITY_DEFINER_PUBLIC_EXECUTE;
	}

	@Override
	public List<LintFinding> check(LintFacts facts) {
		return facts.routines().stream().filter((routine) -> {
			LintFacts.Routine privileges = (routine.live() != null) ? routine.live() : routine.declared();
			return routine.declared().securityDefiner() && privileges.publicExecute();
		}).map((routine) -> {
			String kind = routine.entity().kind().sqlName();
			return finding(routine.entity(), "it is SECURITY DEFINER and PUBLIC may execute it",
					"run REVOKE EXECUTE ON " + kind + " " + routine.entity().identity()
							+ " FROM PUBLIC (and GRANT EXECUTE to the roles that need it) in a Flyway migration "
							+ "once the " + kind.toLowerCase(Locale.ROOT)
							+ " exists; plans keep those privileges when they replace it. Or create it under "
							+ "ALTER DEFAULT PRIVILEGES ... REVOKE EXECUTE ON ROUTINES FROM PUBLIC");
		}).toList();
	}

}
