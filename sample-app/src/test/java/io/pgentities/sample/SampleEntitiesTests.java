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

import java.util.ArrayList;
import java.util.List;

import io.pgentities.PgEntity;
import io.pgentities.test.PgEntitiesDatabase;
import io.pgentities.test.PgEntitiesTest;
import io.pgentities.test.PgEntitiesTest.Check;
import org.junit.jupiter.api.Test;

import static io.pgentities.test.PgEntitiesAssertions.assertThat;

/**
 * Tests for {@link SampleEntities}, with the pg-entities test kit: a fresh database on the
 * embedded PostgreSQL, built from the sample's migrations. The sample applies its entities
 * after migrate, so the migrations alone do not create them; their plan must converge.
 */
@PgEntitiesTest(check = Check.CONVERGES)
class SampleEntitiesTests {

	private final SampleEntities beans = new SampleEntities();

	@Test
	void beansAndFilesTogetherConvergeOnTheSampleMigrations(PgEntitiesDatabase database) {
		List<PgEntity> declared = new ArrayList<>(database.entities());
		declared.addAll(List.of(this.beans.orderLineItems(), this.beans.timestampUpdateOnEdit(),
				this.beans.timestampUpdateApplyProductsTrigger()));
		assertThat(database.dataSource()).converges(declared);
	}

	@Test
	void entitiesAppliedAfterTheMigrationsAreInSync(PgEntitiesDatabase database) {
		List<PgEntity> declared = new ArrayList<>(database.entities());
		declared.addAll(List.of(this.beans.orderLineItems(), this.beans.timestampUpdateOnEdit(),
				this.beans.timestampUpdateApplyProductsTrigger()));
		database.engine().apply(database.engine().plan(declared));
		assertThat(database.engine()).hasEntitiesInSync(declared);
	}

}
