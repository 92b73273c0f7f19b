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

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.sample.SampleEntities;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratingFromAlembicUtilsEntities}: entities ported from alembic_utils
 * with their SQL text unchanged are in sync with the sample's own declarations of the same
 * objects, written differently.
 */
class MigratingFromAlembicUtilsEntitiesTests {

	private final TestDatabase database = SampleDatabase.migrated();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void portedEntitiesAreInSyncWithTheSampleDeclarations() {
		SampleDatabase.converge(this.database,
				SampleDatabase.declaredBy(SampleEntities.class, this.database.dataSource()));
		List<PgEntity> ported = SampleDatabase.declaredBy(MigratingFromAlembicUtilsEntities.class,
				this.database.dataSource());
		DriftReport report = PgEntitiesEngine.create(this.database.dataSource()).check(ported);
		assertThat(report.entities()).extracting(EntityDrift::identity)
			.containsExactlyInAnyOrder("public.order_line_items", "public.timestamp_update_on_edit()",
					"public.products.timestamp_update_apply_products_trigger");
		assertThat(report.entities()).allSatisfy((drift) -> {
			assertThat(drift.status()).as(drift.diff()).isEqualTo(DriftStatus.IN_SYNC);
			assertThat(drift.source()).isEqualTo("bean 'registeredEntities'");
		});
	}

}
