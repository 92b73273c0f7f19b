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
import java.util.Map;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.PgEntity;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GettingStartedEntities}: the view of {@code docs/getting-started.md}
 * is missing from a migrated database, and converges.
 */
class GettingStartedEntitiesTests {

	private final TestDatabase database = SampleDatabase.migrated();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void viewIsReportedMissingThenCreated() {
		List<PgEntity> declared = SampleDatabase.declaredBy(GettingStartedEntities.class, this.database.dataSource());
		DriftReport before = SampleDatabase.converge(this.database, declared);
		assertThat(before.entities()).singleElement().satisfies((drift) -> {
			assertThat(drift.identity()).isEqualTo("public.customer_order_counts");
			assertThat(drift.status()).isEqualTo(DriftStatus.MISSING);
			assertThat(drift.source()).isEqualTo("bean 'customerOrderCounts'");
		});
		List<Map<String, Object>> rows = new JdbcTemplate(this.database.dataSource())
			.queryForList("SELECT customer_name, order_count FROM customer_order_counts ORDER BY customer_id");
		assertThat(rows).extracting((row) -> row.get("customer_name") + "=" + row.get("order_count"))
			.containsExactly("Ada Lovelace=2", "Grace Hopper=1", "Edsger Dijkstra=0");
	}

}
