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

import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The entities of an alembic_utils project, ported as {@code docs/migrating-from-alembic-utils.md}
 * shows: the same arguments in the same order, SQL text kept as it was.
 */
@Configuration(proxyBeanMethods = false)
public class MigratingFromAlembicUtilsEntities {

	static final PgView ORDER_LINE_ITEMS = PgView.of("public", "order_line_items", """
			select op.order_id, op.product_id, op.product_count,
			       p.product_name, p.description,
			       p.price as unit_price, op.product_count * p.price as order_price
			from order_products op
			join products p on op.product_id = p.product_id
			""");

	static final PgFunction TIMESTAMP_UPDATE_ON_EDIT = PgFunction.of("public", "timestamp_update_on_edit()", """
			returns trigger as $$
			begin
			    new.last_edited = now();
			    return new;
			end;
			$$ language plpgsql
			""");

	static final PgTrigger TIMESTAMP_UPDATE_APPLY_PRODUCTS_TRIGGER = PgTrigger.of("public",
			"timestamp_update_apply_products_trigger", "public.products", """
					before update on public.products
					for each row execute procedure public.timestamp_update_on_edit()
					""");

	// What register_entities([...]) did in env.py
	@Bean
	List<PgEntity> registeredEntities() {
		return List.of(ORDER_LINE_ITEMS, TIMESTAMP_UPDATE_ON_EDIT, TIMESTAMP_UPDATE_APPLY_PRODUCTS_TRIGGER);
	}

}
