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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link StatementSplitter}.
 */
class StatementSplitterTests {

	@Test
	void splitsAtTopLevelSemicolons() {
		List<SqlStatement> statements = StatementSplitter
			.split("select ';', \";\", $$;$$ /* ; */ -- ;\n;\n\nselect (1;2);;\n  select 3");
		assertThat(statements).extracting(SqlStatement::text, SqlStatement::line)
			.containsExactly(tuple("select ';', \";\", $$;$$", 1), tuple("select (1;2)", 4), tuple("select 3", 5));
	}

	@Test
	void emptyTextHasNoStatements() {
		assertThat(StatementSplitter.split("")).isEmpty();
		assertThat(StatementSplitter.split(" ; -- x\n ; /* y */")).isEmpty();
	}

	@Test
	void textBetweenTokensKeepsCommentsAndLineBreaks() {
		SqlStatement statement = StatementSplitter.split("  create view v as select 1 /* one */\n  , 2  ;").get(0);
		assertThat(statement.size()).isEqualTo(8);
		assertThat(statement.text(4, 8)).isEqualTo("select 1 /* one */\n  , 2");
		assertThat(statement.text(3, 3)).isEmpty();
	}

	@Test
	void routineBodyWithBeginAtomicKeepsItsSemicolons() {
		List<SqlStatement> statements = StatementSplitter.split("""
				create or replace procedure p() language sql
				begin atomic
				  select case when true then 1 else 2 end;
				  select 2;
				end;
				create function f() returns int language sql begin atomic; select 1; end;
				select 'after'
				""");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 6, 7);
		assertThat(statements.get(0).text()).endsWith("select 2;\nend");
	}

	@Test
	void beginOutsideRoutinesDoesNotDelaySplitting() {
		assertThat(StatementSplitter.split("begin; create view v as select case when true then 1 end as begin; commit"))
			.extracting(SqlStatement::text)
			.containsExactly("begin", "create view v as select case when true then 1 end as begin", "commit");
	}

	@Test
	void unclosedParenthesisIsRejectedAtItsLine() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> StatementSplitter.split("select 1;\nselect (1, (2);\nselect 3"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("unclosed parenthesis"));
	}

	@Test
	void beginAtomicWithoutEndIsRejected() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> StatementSplitter
				.split("select 1;\ncreate function f() returns int\nbegin atomic select 1;"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("BEGIN ATOMIC body without a matching END"));
	}

}
