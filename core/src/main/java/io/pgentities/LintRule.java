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

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of the security lint of declared entities ({@link PgEntitiesEngine#lint}). Each
 * has an id, used in findings and to silence the rule for one entity: with
 * {@link PgEntity#allowing(String...)}, or in an entity file with a comment
 * {@code -- pg-entities:allow <id>} on the line above the statement.
 */
public enum LintRule {

	/**
	 * A {@code SECURITY DEFINER} routine without {@code SET search_path}.
	 */
	SECURITY_DEFINER_SEARCH_PATH("security-definer-search-path",
			"it runs with its owner's privileges but resolves unqualified names through the caller's search_path, "
					+ "so a caller who can create objects in a schema on that path can make it run their code"),

	/**
	 * A {@code SECURITY DEFINER} routine that {@code PUBLIC} may execute.
	 */
	SECURITY_DEFINER_PUBLIC_EXECUTE("security-definer-public-execute",
			"PostgreSQL grants EXECUTE on new functions and procedures to PUBLIC, so every role that can "
					+ "connect runs it with its owner's privileges"),

	/**
	 * A policy on a table whose row-level security is disabled.
	 */
	POLICY_WITHOUT_RLS("policy-without-rls",
			"policies only take effect once row-level security is enabled on their table, so every row stays "
					+ "visible to every role the table is granted to"),

	/**
	 * A view over a table with row-level security that is not {@code security_invoker}.
	 */
	VIEW_BYPASSES_RLS("view-bypasses-rls",
			"a view reads its tables with its owner's privileges, so the row-level security policies of the "
					+ "querying role do not apply and it sees the rows its owner sees"),

	/**
	 * A trigger whose function is {@code SECURITY DEFINER}.
	 */
	TRIGGER_FUNCTION_SECURITY_DEFINER("trigger-function-security-definer",
			"every role that can write to the table runs the trigger function with the function owner's "
					+ "privileges"),

	/**
	 * A declaration that would drop a {@code SET} clause the live routine has.
	 */
	REPLACE_DROPS_SET_CLAUSE("replace-drops-set-clause",
			"applying the plan replaces the routine without a setting it has in the database, such as a fixed "
					+ "search_path that someone added by hand");

	private final String id;

	private final String why;

	LintRule(String id, String why) {
		this.id = id;
		this.why = why;
	}

	/**
	 * The rule's id, as findings name it and allow comments silence it.
	 * @return the id, such as {@code security-definer-search-path}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Why a finding of this rule matters.
	 * @return one sentence without a final period
	 */
	public String why() {
		return this.why;
	}

	/**
	 * The rule with an id.
	 * @param id the id
	 * @return the rule
	 * @throws IllegalArgumentException if no rule has that id
	 */
	public static LintRule ofId(String id) {
		for (LintRule rule : values()) {
			if (rule.id.equals(id)) {
				return rule;
			}
		}
		throw new IllegalArgumentException("Unknown lint rule '" + id + "'; the rules are "
				+ Arrays.stream(values()).map(LintRule::id).collect(Collectors.joining(", ")));
	}

	static Set<String> validIds(Collection<String> ids) {
		ids.forEach(LintRule::ofId);
		return Set.copyOf(ids);
	}

}
