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
 * {@link LintRule#TRIGGER_FUNCTION_SECURITY_DEFINER}: a trigger's function should run with the
 * privileges of the role that writes to the table.
 */
final class TriggerFunctionSecurityDefiner implements LintCheck {

	@Override
	public LintRule rule() {
		return LintRule.TRIGGER_FUNCTION_SECURITY_DEFINER;
	}

	@Override
	public List<LintFinding> check(LintFacts facts) {
		return facts.triggers().stream()
			.filter(LintFacts.TriggerFacts::securityDefiner)
			.map((trigger) -> finding(trigger.entity(),
					"its function " + trigger.function() + " is SECURITY DEFINER",
					"make " + trigger.function() + " SECURITY INVOKER (the default), and grant the writing "
							+ "roles what it needs; if it must write where they cannot, give it SET search_path "
							+ "and keep it to that one statement"))
			.toList();
	}

}
