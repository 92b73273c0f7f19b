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
package io.pgentities.internal.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint rules a SQL text silences for its statements: a line comment
 * {@code -- pg-entities:allow <rule>} (several rules separated by commas or spaces) on the line
 * directly above a statement, or on each of several lines of comments directly above it.
 */
public final class AllowComments {

	private static final Pattern ALLOW = Pattern.compile("--\\s*pg-entities:allow\\s+(.*)");

	private final Map<Integer, List<String>> rulesByLine;

	private final Map<Integer, Boolean> commentLines;

	private AllowComments(Map<Integer, List<String>> rulesByLine, Map<Integer, Boolean> commentLines) {
		this.rulesByLine = rulesByLine;
		this.commentLines = commentLines;
	}

	/**
	 * Reads the allow comments of a text.
	 * @param sql the whole text
	 * @return its allow comments
	 * @throws SqlSyntaxException if the text cannot be split into tokens
	 */
	public static AllowComments in(String sql) {
		Map<Integer, List<String>> rulesByLine = new HashMap<>();
		Map<Integer, Boolean> commentLines = new HashMap<>();
		for (Token token : SqlLexer.tokenize(sql)) {
			if (token.type() != TokenType.COMMENT || !token.text().startsWith("--")) {
				continue;
			}
			commentLines.put(token.line(), true);
			Matcher allow = ALLOW.matcher(token.text().strip());
			if (allow.matches()) {
				List<String> rules = rulesByLine.computeIfAbsent(token.line(), (line) -> new ArrayList<>());
				for (String rule : allow.group(1).strip().split("[\\s,]+")) {
					if (!rule.isEmpty()) {
						rules.add(rule);
					}
				}
			}
		}
		return new AllowComments(rulesByLine, commentLines);
	}

	/**
	 * The rules the comment lines directly above a statement allow.
	 * @param statement a statement of the text
	 * @return the rule ids as written, empty when there are none
	 */
	public List<String> above(SqlStatement statement) {
		List<String> rules = new ArrayList<>();
		for (int line = statement.line() - 1; this.commentLines.containsKey(line); line--) {
			rules.addAll(this.rulesByLine.getOrDefault(line, List.of()));
		}
		return rules;
	}

}
