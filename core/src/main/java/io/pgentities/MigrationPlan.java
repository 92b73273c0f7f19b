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

/**
 * The ordered SQL that brings a database to the declared state, with the summary of what it
 * changes. Every statement can run inside one transaction.
 *
 * @param statements the statements, in order, without trailing semicolons
 * @param summary one line per change, e.g. {@code CHANGED VIEW public.order_line_items (drop and
 * recreate: columns removed)}; used as the header of generated migration files
 * @param drops the identities of the objects the plan drops without recreating them
 */
public record MigrationPlan(List<String> statements, List<String> summary, List<String> drops) {

	public MigrationPlan {
		statements = List.copyOf(statements);
		summary = List.copyOf(summary);
		drops = List.copyOf(drops);
	}

	/**
	 * Whether there is nothing to do.
	 * @return whether the plan has no statements
	 */
	public boolean isEmpty() {
		return this.statements.isEmpty();
	}

	/**
	 * The plan as one SQL script: each statement followed by a semicolon and a blank line.
	 * @return the script
	 */
	public String toSql() {
		StringBuilder sql = new StringBuilder();
		for (String statement : this.statements) {
			sql.append(statement).append(";\n\n");
		}
		return sql.toString();
	}

}
