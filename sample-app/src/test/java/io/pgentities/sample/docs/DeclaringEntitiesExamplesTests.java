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

package io.pgentities.sample.docs;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.PgEntity;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeclaringEntitiesExamples}: every kind declared with the Java API is
 * accepted by PostgreSQL, identified as {@code docs/declaring-entities.md} says, and
 * converges.
 */
class DeclaringEntitiesExamplesTests {

	private final TestDatabase database = SampleDatabase.migrated();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void everyKindIsIdentifiedByItsOwnRuleAndConverges() {
		List<PgEntity> declared = SampleDatabase.declaredBy(DeclaringEntitiesExamples.class,
				this.database.dataSource());
		DriftReport before = SampleDatabase.converge(this.database, declared);
		assertThat(before.entities()).extracting(EntityDrift::status).containsOnly(DriftStatus.MISSING);
		assertThat(before.entities()).extracting((drift) -> drift.kind() + " " + drift.identity())
			.containsExactlyInAnyOrder("FUNCTION public.order_total(integer)",
					"FUNCTION public.order_total(integer, numeric)", "FUNCTION public.touch_last_edited()",
					"PROCEDURE public.reprice_product(integer, numeric)", "VIEW public.customer_order_counts",
					"VIEW public.untagged_products", "VIEW public.tag_names",
					"MATERIALIZED_VIEW public.tag_product_counts",
					"TRIGGER public.products.products_touch_on_price_change",
					"POLICY public.orders.orders_of_current_customer",
					"FUNCTION public.add_line_total(numeric, integer, numeric)",
					"AGGREGATE public.line_total(integer, numeric)");
		assertThat(before.entities()).extracting(EntityDrift::source)
			.contains("bean 'orderTotal'", "bean 'discountedOrderTotal'", "bean 'catalogViews'");
	}

	@Test
	void declaredObjectsWorkAsWritten() {
		SampleDatabase.converge(this.database,
				SampleDatabase.declaredBy(DeclaringEntitiesExamples.class, this.database.dataSource()));
		assertThat(this.jdbc.queryForObject("SELECT public.order_total(1)", BigDecimal.class))
			.isEqualByComparingTo("114.90");
		assertThat(this.jdbc.queryForObject("SELECT public.order_total(1, 0.1)", BigDecimal.class))
			.isEqualByComparingTo("103.41");
		assertThat(this.jdbc.queryForObject("SELECT public.line_total(op.product_count, p.price) FROM order_products op "
				+ "JOIN products p ON p.product_id = op.product_id WHERE op.order_id = 1", BigDecimal.class))
			.isEqualByComparingTo("114.90");
		assertThat(this.jdbc.queryForObject(
				"SELECT obj_description('public.customer_order_counts'::regclass, 'pg_class')", String.class))
			.isEqualTo("Number of orders per customer");
		assertThat(this.jdbc.queryForObject(
				"SELECT relispopulated FROM pg_class WHERE oid = 'public.tag_product_counts'::regclass",
				Boolean.class))
			.as("declared WITH NO DATA")
			.isFalse();
		OffsetDateTime seeded = lastEdited();
		this.jdbc.update("UPDATE products SET description = 'Medium nib, steel' WHERE product_id = 4");
		assertThat(lastEdited()).as("the trigger fires on price changes only").isEqualTo(seeded);
		this.jdbc.execute("CALL public.reprice_product(4, 1.1)");
		assertThat(lastEdited()).isAfter(seeded);
		assertThat(this.jdbc.queryForObject("SELECT price FROM products WHERE product_id = 4", BigDecimal.class))
			.isEqualByComparingTo("46.20");
	}

	private OffsetDateTime lastEdited() {
		return this.jdbc.queryForObject("SELECT last_edited FROM products WHERE product_id = 4", OffsetDateTime.class);
	}

}
