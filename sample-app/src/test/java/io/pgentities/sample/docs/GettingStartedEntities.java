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

import io.pgentities.PgView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The view declared in {@code docs/getting-started.md}.
 */
@Configuration(proxyBeanMethods = false)
public class GettingStartedEntities {

	@Bean
	PgView customerOrderCounts() {
		return PgView.of("public", "customer_order_counts", """
				SELECT c.customer_id,
				       c.customer_name,
				       count(o.order_id) AS order_count
				FROM customers c
				LEFT JOIN orders o ON o.customer_id = c.customer_id
				GROUP BY c.customer_id, c.customer_name
				""");
	}

}
