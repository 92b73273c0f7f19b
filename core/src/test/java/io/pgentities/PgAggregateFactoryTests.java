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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgAggregate#of(String, String, String)} and for aggregates read from SQL.
 */
class PgAggregateFactoryTests {

	@Test
	void identityHasTheArgumentTypesOnly() {
		PgAggregate aggregate = PgAggregate.of("public", "product_sum(p_value int4)",
				"(SFUNC = int4pl, STYPE = integer)");
		assertThat(aggregate.identity()).isEqualTo("public.product_sum(integer)");
		assertThat(aggregate.kind()).isEqualTo(EntityKind.AGGREGATE);
		assertThat(aggregate.name()).isEqualTo("product_sum");
		assertThat(aggregate.arguments()).isEqualTo("p_value int4");
		assertThat(aggregate.source()).isEqualTo("PgAggregate.of(product_sum(p_value int4))");
		assertThat(aggregate.createStatement())
			.isEqualTo("CREATE AGGREGATE public.product_sum(p_value int4) (SFUNC = int4pl, STYPE = integer)");
	}

	@Test
	void aggregateOverStarHasNoArgumentTypes() {
		PgAggregate aggregate = PgAggregate.of("public", "row_count(*)", "(SFUNC = int8inc, STYPE = int8)");
		assertThat(aggregate.identity()).isEqualTo("public.row_count()");
		assertThat(aggregate.createStatement()).startsWith("CREATE AGGREGATE public.row_count(*) (");
	}

	@Test
	void orderedSetAggregateIsIdentifiedByItsDirectAndAggregatedArgumentTypes() {
		PgAggregate aggregate = PgAggregate.of("public", "pct(fraction float8 ORDER BY value float8)",
				"(SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA)");
		assertThat(aggregate.identity()).isEqualTo("public.pct(double precision, double precision)");
	}

	@Test
	void privilegesAreGrantedOnFunctionAndTheOwnerSetOnTheAggregate() {
		PgEntity aggregate = PgAggregate.of("public", "product_sum(integer)", "(SFUNC = int4pl, STYPE = integer)")
			.withGrant("EXECUTE", "reader")
			.withOwner("app");
		assertThat(aggregate.access().statements(aggregate.kind(), aggregate.identity())).containsExactly(
				"ALTER AGGREGATE public.product_sum(integer) OWNER TO app",
				"GRANT EXECUTE ON FUNCTION public.product_sum(integer) TO reader");
	}

	@Test
	void ownerOfAnAggregateOverStarIsSetWithItsStar() {
		PgEntity aggregate = PgAggregate.of("public", "row_count(*)", "(SFUNC = int8inc, STYPE = int8)").withOwner("app");
		assertThat(aggregate.access().statements(aggregate.kind(), aggregate.identity()))
			.containsExactly("ALTER AGGREGATE public.row_count(*) OWNER TO app");
	}

	@Test
	void signatureWithoutArgumentListIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PgAggregate.of("public", "product_sum", "(SFUNC = int4pl, STYPE = integer)"));
	}

	@Test
	void sqlFileDeclaresAggregatesWithCommentsGrantsAndOwners() {
		List<PgEntity> entities = PgEntities.fromSql("""
				CREATE OR REPLACE AGGREGATE product_sum(int) (
				    SFUNC = int4pl,
				    STYPE = int4,
				    INITCOND = '0'
				);
				create aggregate sales.row_count(*) (sfunc = int8inc, stype = int8);
				CREATE AGGREGATE pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition, STYPE = internal,
				    FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
				COMMENT ON AGGREGATE product_sum(integer) IS 'Sum of products';
				COMMENT ON AGGREGATE sales.row_count(*) IS 'Rows';
				REVOKE EXECUTE ON FUNCTION product_sum(int4) FROM PUBLIC;
				GRANT EXECUTE ON FUNCTION pct(float8, float8) TO reader;
				ALTER AGGREGATE pct(float8 ORDER BY float8) OWNER TO app;
				""");
		assertThat(entities).allSatisfy((entity) -> assertThat(entity).isInstanceOf(PgAggregate.class));
		assertThat(entities).extracting(PgEntity::identity).containsExactly("public.product_sum(integer)",
				"sales.row_count()", "public.pct(double precision, double precision)");
		assertThat(entities).extracting(PgEntity::comment).containsExactly("Sum of products", "Rows", null);
		assertThat(((PgAggregate) entities.get(0)).definition())
			.isEqualTo("(\n    SFUNC = int4pl,\n    STYPE = int4,\n    INITCOND = '0'\n)");
		assertThat(entities.get(0).access())
			.isEqualTo(new PgAccess(null, List.of(new PgGrant(true, "EXECUTE", "PUBLIC", false))));
		assertThat(entities.get(2).access())
			.isEqualTo(new PgAccess("app", List.of(new PgGrant(false, "EXECUTE", "reader", false))));
		assertThat(entities.get(0).source()).isEqualTo("sql:1");
	}

	@Test
	void aggregateAndFunctionOfOneSignatureAreDeclaredTwice() {
		assertThatExceptionOfType(InvalidDeclarationException.class).isThrownBy(() -> PgEntities.fromSql("""
				CREATE FUNCTION total(integer) RETURNS integer LANGUAGE sql AS 'select 1';
				CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer);
				"""))
			.withMessageContaining("public.total(integer) is declared twice, at lines 1 (FUNCTION) and 2 (AGGREGATE)");
	}

	@Test
	void aggregateWithoutAttributesIsRejected() {
		assertThatExceptionOfType(InvalidDeclarationException.class)
			.isThrownBy(() -> PgEntities.fromSql("CREATE AGGREGATE total(integer);"))
			.withMessageContaining("aggregate total has no definition after its argument list");
	}

}
