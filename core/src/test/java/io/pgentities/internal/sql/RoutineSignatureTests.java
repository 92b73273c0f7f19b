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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RoutineSignature}.
 */
class RoutineSignatureTests {

	@Test
	void parseSplitsNameAndArguments() {
		RoutineSignature signature = RoutineSignature.parse("Total( p_qty integer, p_price numeric(12, 2) )");
		assertThat(signature.name()).isEqualTo("total");
		assertThat(signature.arguments()).isEqualTo("p_qty integer, p_price numeric(12, 2)");
	}

	@Test
	void parseKeepsAQuotedName() {
		assertThat(RoutineSignature.parse("\"Total Price\"()").name()).isEqualTo("Total Price");
	}

	@Test
	void parseRejectsAnythingButNameAndArgumentList() {
		assertThatIllegalArgumentException().isThrownBy(() -> RoutineSignature.parse("total"));
		assertThatIllegalArgumentException().isThrownBy(() -> RoutineSignature.parse("public.total()"));
		assertThatIllegalArgumentException().isThrownBy(() -> RoutineSignature.parse("total(a int)(b int)"));
	}

	@Test
	void identityDropsNamesDefaultsAndTypeModifiers() {
		assertThat(RoutineSignature.identityArgumentTypes(
				"p_qty int4, p_price numeric(12,2) DEFAULT 0, p_name varchar(20) = 'x'", false))
			.isEqualTo("integer, numeric, character varying");
	}

	@Test
	void identityOfAnAggregateRunsDirectAndAggregatedArgumentsTogether() {
		assertThat(RoutineSignature.identityArgumentTypes("fraction float8 ORDER BY value int4", false))
			.isEqualTo("double precision, integer");
	}

	@Test
	void identityOfAnAggregateOverStarHasNoTypes() {
		assertThat(RoutineSignature.identityArgumentTypes(" * ", false)).isEmpty();
	}

	@Test
	void identityOfUnnamedArguments() {
		assertThat(RoutineSignature.identityArgumentTypes("integer, text, public.money_type", false))
			.isEqualTo("integer, text, public.money_type");
	}

	@Test
	void identitySpellsAliasesAsPostgresqlDoes() {
		assertThat(RoutineSignature.identityArgumentTypes(
				"a int, b int2, c int8, d float8, e float4, f bool, g timestamptz, h timestamp, i decimal, j bpchar",
				false))
			.isEqualTo("integer, smallint, bigint, double precision, real, boolean, timestamp with time zone, "
					+ "timestamp without time zone, numeric, character");
	}

	@Test
	void identityKeepsMultiWordTypes() {
		assertThat(RoutineSignature.identityArgumentTypes(
				"double precision, character varying(10), a timestamp(3) with time zone, time without time zone, "
						+ "b bit varying, interval day to second",
				false))
			.isEqualTo("double precision, character varying, timestamp with time zone, time without time zone, "
					+ "bit varying, interval day to second");
	}

	@Test
	void identityTellsANameThatLooksLikeATypeFromTheType() {
		assertThat(RoutineSignature
			.identityArgumentTypes("time timestamptz, interval interval, double double precision", false))
			.isEqualTo("timestamp with time zone, interval, double precision");
	}

	@Test
	void identityNormalizesArrays() {
		assertThat(RoutineSignature.identityArgumentTypes("a int[], b text[3][3], c integer ARRAY, d numeric(5,2)[]",
				false))
			.isEqualTo("integer[], text[], integer[], numeric[]");
	}

	@Test
	void identityExcludesOutArgumentsOfFunctions() {
		String arguments = "IN a integer, OUT b text, INOUT c numeric, VARIADIC d text[]";
		assertThat(RoutineSignature.identityArgumentTypes(arguments, false)).isEqualTo("integer, numeric, text[]");
	}

	@Test
	void identityIncludesOutArgumentsOfProcedures() {
		String arguments = "IN a integer, OUT b text, INOUT c numeric";
		assertThat(RoutineSignature.identityArgumentTypes(arguments, true)).isEqualTo("integer, text, numeric");
	}

	@Test
	void identityReadsModesAfterNamesAndInOut() {
		assertThat(RoutineSignature.identityArgumentTypes("a OUT integer, b IN OUT text, c in bigint", false))
			.isEqualTo("text, bigint");
	}

	@Test
	void identityReadsQuotedNamesAndPercentType() {
		assertThat(RoutineSignature.identityArgumentTypes("\"Qty\" integer, p items.price%TYPE", false))
			.isEqualTo("integer, items.price%type");
	}

	@Test
	void identityOfNoArgumentsIsEmpty() {
		assertThat(RoutineSignature.identityArgumentTypes("", false)).isEmpty();
		assertThat(RoutineSignature.identityArgumentTypes("OUT a integer", false)).isEmpty();
	}

	@Test
	void splitTopLevelIgnoresCommasInParentheses() {
		List<List<Token>> groups = RoutineSignature
			.splitTopLevel(SqlLexer.meaningfulTokens("a numeric(12, 2), b int[], c text DEFAULT f(1, 2)"));
		assertThat(groups).hasSize(3);
	}

	@Test
	void closingParenthesisSkipsNestedOnes() {
		List<Token> tokens = SqlLexer.meaningfulTokens("f(a numeric(12, 2), b text) returns");
		assertThat(RoutineSignature.closingParenthesis(tokens, 1)).isEqualTo(12);
		assertThat(RoutineSignature.closingParenthesis(SqlLexer.meaningfulTokens("f(a"), 1)).isEqualTo(-1);
	}

}
