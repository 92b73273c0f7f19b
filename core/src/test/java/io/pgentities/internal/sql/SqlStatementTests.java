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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlStatement}.
 */
class SqlStatementTests {

	private static final String FILE = """
			-- views

			CREATE OR REPLACE VIEW
			    v
			AS
			SELECT id,
			       nope
			FROM items;
			""";

	private static final String REBUILT = "CREATE VIEW public.v AS SELECT id,\n       nope\nFROM items";

	private final SqlStatement statement = StatementSplitter.split(FILE).get(0);

	@Test
	void characterOfATokenWrittenAlikeMapsToTheSameCharacterInTheFile() {
		int nope = this.statement.sourceOffset(REBUILT, REBUILT.indexOf("nope") + 2);
		assertThat(FILE.substring(nope)).startsWith("pe\nFROM items;");
	}

	@Test
	void tokenOfTheRebuiltHeadMapsToTheNextTokenWrittenAlike() {
		int schema = this.statement.sourceOffset(REBUILT, REBUILT.indexOf("public"));
		assertThat(FILE.substring(schema)).startsWith("v\nAS");
	}

	@Test
	void endOfTheSpellingMapsToTheLastCharacterOfTheStatement() {
		int end = this.statement.sourceOffset(REBUILT, REBUILT.length());
		assertThat(FILE.substring(end)).startsWith("s;");
	}

	@Test
	void characterInADollarQuotedBodyMapsIntoTheSameBody() {
		String file = "create function f() returns int\nlanguage sql as $$\n  select\n    prize\n$$;";
		String rebuilt = "CREATE FUNCTION public.f() returns int\nlanguage sql as $$\n  select\n    prize\n$$";
		SqlStatement function = StatementSplitter.split(file).get(0);
		assertThat(file.substring(function.sourceOffset(rebuilt, rebuilt.indexOf("prize")))).startsWith("prize\n$$");
	}

	@Test
	void spellingsOfAnotherStatementHaveFewerTokensInCommon() {
		SqlStatement index = StatementSplitter.split("CREATE INDEX i\n  ON v (id);").get(0);
		String rebuiltIndex = "CREATE INDEX i\n  ON public.v (id)";
		assertThat(index.tokensInCommon(rebuiltIndex)).isGreaterThan(this.statement.tokensInCommon(rebuiltIndex));
	}

}
