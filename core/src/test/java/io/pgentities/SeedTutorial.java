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

/**
 * The e-commerce model of the seed tutorial: its tables, and its view, function and trigger
 * declared exactly as the tutorial writes them.
 */
final class SeedTutorial {

	static final String TABLES = """
			CREATE TABLE customers (customer_id serial PRIMARY KEY, customer_name text NOT NULL);
			CREATE TABLE orders (order_id serial PRIMARY KEY,
			    customer_id integer NOT NULL REFERENCES customers ON DELETE CASCADE,
			    order_date timestamptz NOT NULL DEFAULT now());
			CREATE TABLE products (product_id serial PRIMARY KEY, product_name text NOT NULL,
			    description text, price numeric(10, 2) NOT NULL, last_edited timestamptz);
			CREATE TABLE tags (tag_id serial PRIMARY KEY, tag_name text NOT NULL UNIQUE);
			CREATE TABLE order_products (
			    order_id integer REFERENCES orders ON DELETE CASCADE,
			    product_id integer REFERENCES products ON DELETE CASCADE,
			    product_count integer NOT NULL DEFAULT 1,
			    PRIMARY KEY (order_id, product_id));
			CREATE TABLE product_tags (
			    product_id integer REFERENCES products ON DELETE CASCADE,
			    tag_id integer REFERENCES tags ON DELETE CASCADE,
			    PRIMARY KEY (product_id, tag_id));
			""";

	static final PgView ORDER_LINE_ITEMS = PgView.of("public", "order_line_items", """
			select op.order_id ,
				op.product_id,
				op.product_count,
				p.product_name,
				p.description,
				p.price as unit_price,
				op.product_count * p.price as order_price
				from order_products op
			join products p
			on op.product_id = p.product_id
			""");

	static final PgFunction TIMESTAMP_UPDATE_ON_EDIT = PgFunction.of("public", "timestamp_update_on_edit()", """
			RETURNS TRIGGER AS $$
			BEGIN
			    NEW.last_edited = now();
			    RETURN NEW;
			END;
			$$ language 'plpgsql'
			""");

	static final PgTrigger TIMESTAMP_UPDATE_APPLY_PRODUCTS_TRIGGER = PgTrigger.of("public",
			"timestamp_update_apply_products_trigger", "public.products", """
					BEFORE UPDATE ON public.products
					FOR EACH ROW EXECUTE PROCEDURE public.timestamp_update_on_edit()
					""");

	static final List<PgEntity> ENTITIES = List.of(ORDER_LINE_ITEMS, TIMESTAMP_UPDATE_ON_EDIT,
			TIMESTAMP_UPDATE_APPLY_PRODUCTS_TRIGGER);

	private SeedTutorial() {
	}

}
