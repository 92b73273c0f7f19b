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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgFunction#of(String, String, String)}.
 */
class PgFunctionFactoryTests {

	@Test
	void identityHasTheArgumentTypesOnly() {
		PgFunction function = PgFunction.of("public", "total(p_qty integer, p_price numeric)",
				"RETURNS numeric LANGUAGE sql AS $$ select p_qty * p_price $$");
		assertThat(function.identity()).isEqualTo("public.total(integer, numeric)");
		assertThat(function.kind()).isEqualTo(EntityKind.FUNCTION);
		assertThat(function.schema()).isEqualTo("public");
		assertThat(function.name()).isEqualTo("total");
		assertThat(function.arguments()).isEqualTo("p_qty integer, p_price numeric");
		assertThat(function.source()).isEqualTo("PgFunction.of(total(p_qty integer, p_price numeric))");
	}

	@Test
	void createStatementQualifiesTheName() {
		PgFunction function = PgFunction.of("public", "total(p_qty integer, p_price numeric)",
				"\n  RETURNS numeric LANGUAGE sql AS $$ select p_qty * p_price $$\n");
		assertThat(function.createStatement()).isEqualTo("CREATE FUNCTION public.total(p_qty integer, p_price numeric) "
				+ "RETURNS numeric LANGUAGE sql AS $$ select p_qty * p_price $$");
	}

	@Test
	void outArgumentsDoNotIdentifyAFunction() {
		PgFunction function = PgFunction.of("public", "split(IN whole text, OUT head text, OUT tail text)",
				"LANGUAGE sql AS $$ select 'a', 'b' $$");
		assertThat(function.identity()).isEqualTo("public.split(text)");
	}

	@Test
	void schemaIsAPlainNameQuotedWhereNeeded() {
		PgFunction function = PgFunction.of("Sales; DROP SCHEMA x", "\"Net \"\"Total\"\"\"(a int)",
				"RETURNS int LANGUAGE sql AS 'select a'");
		assertThat(function.schema()).isEqualTo("Sales; DROP SCHEMA x");
		assertThat(function.name()).isEqualTo("Net \"Total\"");
		assertThat(function.identity()).isEqualTo("\"Sales; DROP SCHEMA x\".\"Net \"\"Total\"\"\"(integer)");
		assertThat(function.createStatement())
			.startsWith("CREATE FUNCTION \"Sales; DROP SCHEMA x\".\"Net \"\"Total\"\"\"(a int)");
	}

	@Test
	void signatureWithoutArgumentListIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PgFunction.of("public", "total", "RETURNS int"));
	}

}
