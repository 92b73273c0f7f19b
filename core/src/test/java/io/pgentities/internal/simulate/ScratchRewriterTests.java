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
package io.pgentities.internal.simulate;

import java.util.Map;
import java.util.Set;

import io.pgentities.internal.sql.QualifiedName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ScratchRewriter}.
 */
class ScratchRewriterTests {

	private final ScratchRewriter rewriter = new ScratchRewriter(Map.of("public", "pgentities_sim_1"),
			Set.of(new QualifiedName("public", "f")), Set.of(new QualifiedName("public", "a")));

	@Test
	void rewritesQualifiedReferencesToDeclaredObjects() {
		assertThat(this.rewriter.rewrite("SELECT * FROM public.a, public.items WHERE public.f(1) > 0"))
			.isEqualTo("SELECT * FROM pgentities_sim_1.a, public.items WHERE pgentities_sim_1.f(1) > 0");
	}

	@Test
	void rewritesAnAggregatesQualifiedSupportFunctionsButNotARelationOfTheSameName() {
		assertThat(this.rewriter.rewrite("CREATE AGGREGATE public.s(int) (SFUNC = public.f, STYPE = int, "
				+ "FinalFunc=public.f, INITCOND = '0')"))
			.isEqualTo("CREATE AGGREGATE public.s(int) (SFUNC = pgentities_sim_1.f, STYPE = int, "
					+ "FinalFunc=pgentities_sim_1.f, INITCOND = '0')");
		assertThat(this.rewriter.rewrite("SELECT x = public.f FROM public.f"))
			.isEqualTo("SELECT x = public.f FROM public.f");
	}

	@Test
	void originalOffsetUndoesTheLengthOfEveryReplacementBeforeIt() {
		String sql = "SELECT * FROM public.a WHERE public.f(nope) > 0";
		String rewritten = this.rewriter.rewrite(sql);
		assertThat(sql.substring(this.rewriter.originalOffset(sql, rewritten.indexOf("nope")))).startsWith("nope");
		assertThat(this.rewriter.originalOffset(sql, rewritten.length())).isEqualTo(sql.length());
	}

	@Test
	void originalOffsetInAReplacedNameIsTheStartOfTheName() {
		String sql = "SELECT * FROM public.a";
		String rewritten = this.rewriter.rewrite(sql);
		assertThat(this.rewriter.originalOffset(sql, rewritten.indexOf("sim_1"))).isEqualTo(sql.indexOf("public"));
	}

	@Test
	void originalOffsetFollowsReplacementsInsideADollarQuotedBody() {
		String sql = "CREATE FUNCTION public.g() RETURNS int LANGUAGE sql AS $$ SELECT public.f(1) + prize $$";
		String rewritten = this.rewriter.rewrite(sql);
		assertThat(rewritten).contains("pgentities_sim_1.f(1)");
		assertThat(sql.substring(this.rewriter.originalOffset(sql, rewritten.indexOf("prize")))).startsWith("prize");
	}

}
