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

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link RoutineDeclaration}, through the routine records that delegate to it.
 */
class RoutineDeclarationTests {

	@Test
	void everyRoutineKindChecksItsComponents() {
		assertThatNullPointerException()
			.isThrownBy(() -> new PgFunction("public", "f", "", null, null, "test"))
			.withMessage("definition must not be null");
		assertThatNullPointerException().isThrownBy(() -> new PgProcedure("public", "p", "", "", null, null))
			.withMessage("source must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PgAggregate("public", "a", "integer", "(SFUNC = int4pl, STYPE = integer)", null,
					"test", PgAccess.UNDECLARED, Set.of("no-such-rule")))
			.withMessageContaining("Unknown lint rule 'no-such-rule'");
	}

	@Test
	void copiesChangeOneComponentAndKeepTheKind() {
		PgProcedure procedure = PgProcedure.of("public", "touch(INOUT n integer)",
				"LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$");
		PgProcedure copy = procedure.withSource("bean 'touch'")
			.withComment("touches")
			.allowing("security-definer-search-path")
			.withAccess(PgAccess.UNDECLARED.withOwner("app"));
		assertThat(copy).isInstanceOf(PgProcedure.class);
		assertThat(copy.identity()).isEqualTo("public.touch(integer)").isEqualTo(procedure.identity());
		assertThat(copy.createStatement()).isEqualTo(procedure.createStatement());
		assertThat(copy.source()).isEqualTo("bean 'touch'");
		assertThat(copy.comment()).isEqualTo("touches");
		assertThat(copy.allowedLintRules()).containsExactly("security-definer-search-path");
		assertThat(copy.access().owner()).isEqualTo("app");
		assertThat(procedure.source()).isEqualTo("PgProcedure.of(touch(INOUT n integer))");
	}

	@Test
	void functionsLeaveOutArgumentsAndProceduresKeepThem() {
		String arguments = "a integer, OUT b integer";
		assertThat(new PgFunction("public", "f", arguments, "AS $$ SELECT 1 $$", null, "test").identity())
			.isEqualTo("public.f(integer)");
		assertThat(new PgProcedure("public", "p", arguments, "AS $$ SELECT 1 $$", null, "test").identity())
			.isEqualTo("public.p(integer, integer)");
	}

}
