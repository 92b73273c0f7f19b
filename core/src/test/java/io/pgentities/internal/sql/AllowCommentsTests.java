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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AllowComments}.
 */
class AllowCommentsTests {

	@Test
	void commentOnTheLineAboveAStatementAllowsItsRules() {
		String sql = """
				CREATE VIEW a AS SELECT 1;
				-- pg-entities:allow view-bypasses-rls, policy-without-rls
				CREATE VIEW b AS SELECT 1;
				""";
		List<SqlStatement> statements = StatementSplitter.split(sql);
		AllowComments allow = AllowComments.in(sql);
		assertThat(allow.above(statements.get(0))).isEmpty();
		assertThat(allow.above(statements.get(1))).containsExactly("view-bypasses-rls", "policy-without-rls");
	}

	@Test
	void commentsDirectlyAboveAStatementCountTogetherButNotAcrossABlankLine() {
		String sql = """
				-- pg-entities:allow replace-drops-set-clause

				-- pg-entities:allow security-definer-search-path
				-- owned by the billing team
				--pg-entities:allow security-definer-public-execute
				CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
				""";
		assertThat(AllowComments.in(sql).above(StatementSplitter.split(sql).get(0)))
			.containsExactly("security-definer-public-execute", "security-definer-search-path");
	}

	@Test
	void allowTextInsideAStatementIsNoComment() {
		String sql = """
				CREATE VIEW a AS SELECT '-- pg-entities:allow view-bypasses-rls' AS text
				;
				CREATE VIEW b AS SELECT 1;
				""";
		List<SqlStatement> statements = StatementSplitter.split(sql);
		assertThat(AllowComments.in(sql).above(statements.get(1))).isEmpty();
	}

}
