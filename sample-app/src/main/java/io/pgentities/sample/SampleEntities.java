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

package io.pgentities.sample;

import io.pgentities.PgFunction;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The entities of the sample declared as beans, with the Java API. pg-entities finds
 * every {@link io.pgentities.PgEntity} bean; the bean name becomes the entity's source in
 * reports ({@code bean 'orderLineItems'}). The materialized view {@code product_revenue}
 * and the policy on {@code orders} are declared the other way, as SQL files under
 * {@code db/entities/}.
 */
@Configuration(proxyBeanMethods = false)
public class SampleEntities {

	/**
	 * The products of each order with their prices: one row per line item.
	 * @return the view {@code public.order_line_items}
	 */
	@Bean
	PgView orderLineItems() {
		return PgView.of("public", "order_line_items", """
				SELECT op.order_id,
				       op.product_id,
				       op.product_count,
				       p.product_name,
				       p.description,
				       p.price AS unit_price,
				       op.product_count * p.price AS order_price
				FROM order_products op
				JOIN products p ON op.product_id = p.product_id
				""");
	}

	/**
	 * A trigger function that stamps the row being updated with the time of the update.
	 * @return the function {@code public.timestamp_update_on_edit()}
	 */
	@Bean
	PgFunction timestampUpdateOnEdit() {
		return PgFunction.of("public", "timestamp_update_on_edit()", """
				RETURNS trigger
				LANGUAGE plpgsql
				AS $$
				BEGIN
				    NEW.last_edited = now();
				    RETURN NEW;
				END;
				$$
				""");
	}

	/**
	 * Keeps {@code products.last_edited} current: runs
	 * {@link #timestampUpdateOnEdit() timestamp_update_on_edit()} before every update of a
	 * product row.
	 * @return the trigger {@code public.products.timestamp_update_apply_products_trigger}
	 */
	@Bean
	PgTrigger timestampUpdateApplyProductsTrigger() {
		return PgTrigger.of("public", "timestamp_update_apply_products_trigger", "products", """
				BEFORE UPDATE ON products
				FOR EACH ROW EXECUTE FUNCTION timestamp_update_on_edit()
				""");
	}

}
