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

import java.util.Objects;

/**
 * A finding of the security lint: a declared entity that breaks a {@link LintRule}.
 *
 * @param rule the rule
 * @param kind the entity's kind
 * @param identity the entity's identity
 * @param source where the entity was declared: bean name, or file and line
 * @param why why it matters
 * @param fix what to change, or how to silence the rule when it is intended
 */
public record LintFinding(LintRule rule, EntityKind kind, String identity, String source, String why, String fix) {

	public LintFinding {
		Objects.requireNonNull(rule, "rule must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(identity, "identity must not be null");
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(why, "why must not be null");
		Objects.requireNonNull(fix, "fix must not be null");
	}

	/**
	 * The rule's id.
	 * @return the id, such as {@code security-definer-search-path}
	 */
	public String ruleId() {
		return this.rule.id();
	}

	/**
	 * The finding in one line: rule, entity, source, why and fix.
	 * @return the message
	 */
	public String message() {
		return "[" + this.rule.id() + "] " + this.kind.sqlName() + " " + this.identity + " (" + this.source + "): "
				+ this.why + ". Fix: " + this.fix + ", or silence it with -- pg-entities:allow " + this.rule.id()
				+ " above the statement (allowing(\"" + this.rule.id() + "\") for a bean).";
	}

}
