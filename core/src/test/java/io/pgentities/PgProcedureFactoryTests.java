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

/**
 * Tests for {@link PgProcedure#of(String, String, String)}.
 */
class PgProcedureFactoryTests {

	@Test
	void outArgumentsIdentifyAProcedure() {
		PgProcedure procedure = PgProcedure.of("app", "archive(IN p_before date, OUT p_count bigint)",
				"LANGUAGE plpgsql AS $$ begin p_count := 0; end $$");
		assertThat(procedure.identity()).isEqualTo("app.archive(date, bigint)");
		assertThat(procedure.kind()).isEqualTo(EntityKind.PROCEDURE);
		assertThat(procedure.createStatement()).isEqualTo("CREATE PROCEDURE app.archive(IN p_before date, OUT p_count "
				+ "bigint) LANGUAGE plpgsql AS $$ begin p_count := 0; end $$");
	}

}
