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
import io.pgentities.PgEntity;

/**
 * The check of one {@link LintRule}.
 */
public sealed interface LintCheck permits SecurityDefinerSearchPath, SecurityDefinerPublicExecute, PolicyWithoutRls,
		ViewBypassesRls, TriggerFunctionSecurityDefiner, ReplaceDropsSetClause {

	/**
	 * Every check, in the order of {@link LintRule}.
	 */
	List<LintCheck> ALL = List.of(new SecurityDefinerSearchPath(), new SecurityDefinerPublicExecute(),
			new PolicyWithoutRls(), new ViewBypassesRls(), new TriggerFunctionSecurityDefiner(),
			new ReplaceDropsSetClause());

	/**
	 * The rule this check reports.
	 * @return the rule
	 */
	LintRule rule();

	/**
	 * The findings of this rule, whether or not the entities allow it.
	 * @param facts what the lint read
	 * @return the findings
	 */
	List<LintFinding> check(LintFacts facts);

	/**
	 * A finding of this rule.
	 * @param entity the entity
	 * @param detail what about the entity breaks the rule
	 * @param fix what to change
	 * @return the finding
	 */
	default LintFinding finding(PgEntity entity, String detail, String fix) {
		return new LintFinding(rule(), entity.kind(), entity.identity(), entity.source(),
				detail + ": " + rule().why(), fix);
	}

}
