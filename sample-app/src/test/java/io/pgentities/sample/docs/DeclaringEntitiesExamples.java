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

import java.util.List;

import io.pgentities.PgAggregate;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
import io.pgentities.PgPolicy;
import io.pgentities.PgProcedure;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The entities declared with the Java API in {@code docs/declaring-entities.md}: one of
 * each kind, on the sample's tables.
 */
@Configuration(proxyBeanMethods = false)
public class DeclaringEntitiesExamples {

	@Bean
	PgFunction orderTotal() {
		return PgFunction.of("public", "order_total(p_order_id integer)", """
				RETURNS numeric
				LANGUAGE sql
				STABLE
				AS $$
				    SELECT coalesce(sum(op.product_count * p.price), 0)
				    FROM order_products op
				    JOIN products p ON p.product_id = op.product_id
				    WHERE op.order_id = p_order_id
				$$
				""");
	}

	// Same name, other argument types: another function, with identity
	// public.order_total(integer, numeric)
	@Bean
	PgFunction discountedOrderTotal() {
		return PgFunction.of("public", "order_total(p_order_id integer, p_discount numeric)", """
				RETURNS numeric
				LANGUAGE sql
				STABLE
				AS $$
				    SELECT round(public.order_total(p_order_id) * (1 - p_discount), 2)
				$$
				""");
	}

	@Bean
	PgProcedure repriceProduct() {
		return PgProcedure.of("public", "reprice_product(p_product_id integer, p_factor numeric)", """
				LANGUAGE sql
				AS $$
				    UPDATE products SET price = round(price * p_factor, 2) WHERE product_id = p_product_id
				$$
				""");
	}

	@Bean
	PgView customerOrderCounts() {
		return PgView.of("public", "customer_order_counts", """
				SELECT c.customer_id, c.customer_name, count(o.order_id) AS order_count
				FROM customers c
				LEFT JOIN orders o ON o.customer_id = c.customer_id
				GROUP BY c.customer_id, c.customer_name
				""")
			.withClauses("WITH (security_barrier)")
			.withComment("Number of orders per customer");
	}

	@Bean
	PgMaterializedView tagProductCounts() {
		return PgMaterializedView.of("public", "tag_product_counts", """
				SELECT t.tag_id, t.tag_name, count(pt.product_id) AS product_count
				FROM tags t
				LEFT JOIN product_tags pt ON pt.tag_id = t.tag_id
				GROUP BY t.tag_id, t.tag_name
				""")
			.withIndex("CREATE UNIQUE INDEX tag_product_counts_tag_id_idx ON tag_product_counts (tag_id)")
			.withData(false);
	}

	@Bean
	PgFunction touchLastEdited() {
		return PgFunction.of("public", "touch_last_edited()", """
				RETURNS trigger
				LANGUAGE plpgsql
				AS $$
				BEGIN
				    NEW.last_edited = now();
				    RETURN NEW;
				END
				$$
				""");
	}

	@Bean
	PgTrigger productsTouchOnPriceChange() {
		return PgTrigger.of("public", "products_touch_on_price_change", "products", """
				BEFORE UPDATE OF price ON products
				FOR EACH ROW
				WHEN (OLD.price IS DISTINCT FROM NEW.price)
				EXECUTE FUNCTION touch_last_edited()
				""");
	}

	@Bean
	PgPolicy ordersOfCurrentCustomer() {
		return PgPolicy.of("public", "orders_of_current_customer", "orders", """
				FOR SELECT
				TO PUBLIC
				USING (customer_id = current_setting('app.customer_id', true)::integer)
				""");
	}

	@Bean
	PgFunction addLineTotal() {
		return PgFunction.of("public", "add_line_total(total numeric, quantity integer, price numeric)", """
				RETURNS numeric
				LANGUAGE sql
				IMMUTABLE
				AS $$ SELECT total + quantity * price $$
				""");
	}

	@Bean
	PgAggregate lineTotal() {
		return PgAggregate.of("public", "line_total(integer, numeric)", """
				(
				    SFUNC = add_line_total,
				    STYPE = numeric,
				    INITCOND = '0'
				)
				""");
	}

	// A bean that is a collection of entities declares each of them
	@Bean
	List<PgEntity> catalogViews() {
		return List.of(
				PgView.of("public", "untagged_products", """
						SELECT p.product_id, p.product_name
						FROM products p
						WHERE NOT EXISTS (SELECT 1 FROM product_tags pt WHERE pt.product_id = p.product_id)
						"""),
				PgView.of("public", "tag_names", "SELECT tag_id, tag_name FROM tags"));
	}

}
