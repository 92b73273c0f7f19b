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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StringConstants}.
 */
class StringConstantsTests {

	@Test
	void plainStringUndoublesQuotesAndKeepsBackslashes() {
		assertThat(value("'it''s a \\n'")).isEqualTo("it's a \\n");
		assertThat(value("N'national'")).isEqualTo("national");
	}

	@Test
	void escapeStringDecodesEscapes() {
		assertThat(value("e'it\\'s\\n\\t\\x41\\101\\u00e9\\U0001F600 ''ok'' \\\\ \\q'"))
			.isEqualTo("it's\n\tAA\u00e9\uD83D\uDE00 'ok' \\ q");
	}

	@Test
	void unicodeStringDecodesEscapes() {
		assertThat(value("U&'caf\\00e9 \\+01F600 \\\\'")).isEqualTo("café \uD83D\uDE00 \\");
		assertThat(value("u&'caf!00e9 !!' UESCAPE '!'")).isEqualTo("café !");
	}

	@Test
	void invalidUnicodeEscapeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> value("U&'\\00zz'"));
		assertThatIllegalArgumentException().isThrownBy(() -> value("U&'\\0000'"));
	}

	@Test
	void dollarQuotedStringLosesItsTags() {
		assertThat(value("$$it's$$")).isEqualTo("it's");
		assertThat(value("$tag$a $$ b$tag$")).isEqualTo("a $$ b");
	}

	@Test
	void bitStringIsNotText() {
		assertThatIllegalArgumentException().isThrownBy(() -> value("B'0101'"));
	}

	private static String value(String sql) {
		return StringConstants.value(SqlLexer.meaningfulTokens(sql).get(0));
	}

}
