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

import java.util.List;
import java.util.stream.Stream;

import io.pgentities.PgEntity;
import io.pgentities.PgEventTrigger;
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link DeclarationOrder}.
 */
class DeclarationOrderTests {

	private static final PgView ORDERS = PgView.of("public", "recent_orders", "SELECT * FROM orders");

	private static final PgView TOTALS = PgView.of("public", "order_totals", "SELECT count(*) FROM recent_orders");

	private static final PgFunction TOUCH = PgFunction.of("public", "touch()",
			"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$");

	private static final PgTrigger TOUCHED = PgTrigger.of("public", "touched", "orders",
			"BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()");

	private static final PgPolicy OWN_ROWS = PgPolicy.of("public", "own_rows", "orders",
			"FOR SELECT USING (owner = current_user)");

	private static final PgFunction COUNTS_TOTALS = PgFunction.of("public", "total_count()",
			"RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM order_totals); END $$");

	private static final PgView CALLS_COUNT = PgView.of("public", "order_totals", "SELECT total_count() AS n");

	private static final PgView UNRELATED = PgView.of("public", "products_on_sale", "SELECT * FROM products");

	private static final PgFunction WATCH = PgFunction.of("public", "watch()",
			"RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$");

	// named as its function, which a view calling the function names too
	private static final PgEventTrigger WATCHING = PgEventTrigger.of("public", "watch",
			"ON ddl_command_end EXECUTE FUNCTION watch()");

	private static final PgView CALLS_WATCH = PgView.of("public", "watch_calls", "SELECT 'watch' AS watch");

	static Stream<Arguments> declarations() {
		return Stream.of(
				argumentSet("a view comes after the view it reads", List.of(TOTALS, ORDERS), List.of(ORDERS, TOTALS)),
				argumentSet("a trigger comes after its function", List.of(TOUCHED, TOUCH), List.of(TOUCH, TOUCHED)),
				argumentSet("unrelated declarations go by kind: routines, views, then triggers and policies",
						List.of(OWN_ROWS, UNRELATED, TOUCH), List.of(TOUCH, UNRELATED, OWN_ROWS)),
				argumentSet("declarations of one kind that name nothing of each other keep their order",
						List.of(UNRELATED, ORDERS), List.of(UNRELATED, ORDERS)),
				argumentSet("a cycle through a routine body is broken with the routine first",
						List.of(CALLS_COUNT, COUNTS_TOTALS), List.of(COUNTS_TOTALS, CALLS_COUNT)),
				argumentSet("event triggers come after everything else, even what names them",
						List.of(WATCHING, CALLS_WATCH, WATCH, OWN_ROWS), List.of(WATCH, CALLS_WATCH, OWN_ROWS, WATCHING)));
	}

	@ParameterizedTest
	@MethodSource("declarations")
	void sortsEachAfterTheDeclarationsItNames(List<PgEntity> declared, List<PgEntity> expected) {
		assertThat(DeclarationOrder.sort(declared)).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> groupings() {
		return Stream.of(
				argumentSet("declarations that name nothing of each other fill groups up to the weight",
						List.of(TOUCH, ORDERS, UNRELATED), 2, List.of(List.of(TOUCH, ORDERS), List.of(UNRELATED))),
				argumentSet("declarations that name each other stay in one group, however heavy",
						List.of(ORDERS, TOTALS), 1, List.of(List.of(ORDERS, TOTALS))),
				argumentSet("a group keeps the sorted order of its declarations",
						List.of(ORDERS, UNRELATED, TOTALS), 3, List.of(List.of(ORDERS, UNRELATED, TOTALS))),
				argumentSet("connected declarations join the group of the first of them",
						List.of(ORDERS, UNRELATED, TOTALS), 2,
						List.of(List.of(ORDERS, TOTALS), List.of(UNRELATED))));
	}

	@ParameterizedTest
	@MethodSource("groupings")
	void groupsDeclarationsThatNameNothingOfEachOther(List<PgEntity> sorted, int maxWeight,
			List<List<PgEntity>> expected) {
		assertThat(DeclarationOrder.groups(sorted, (entity) -> 1, maxWeight)).isEqualTo(expected);
	}

}
