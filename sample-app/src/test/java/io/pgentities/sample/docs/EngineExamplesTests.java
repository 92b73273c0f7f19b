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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EngineExamples}.
 */
class EngineExamplesTests {

	private final TestDatabase database = SampleDatabase.migrated();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void writesTheNextFlywayVersionForTheDrift(@TempDir Path migrations) throws Exception {
		Optional<Path> written = EngineExamples.writeMigrationForDrift(this.database.dataSource(), migrations);
		assertThat(written).hasValueSatisfying((file) -> assertThat(file.getFileName())
			.hasToString("V4__sync_entities.sql"));
		assertThat(Files.readString(written.get())).contains("CREATE MATERIALIZED VIEW public.product_revenue",
				"CREATE UNIQUE INDEX product_revenue_product_id_idx ON public.product_revenue");
	}

	@Test
	void appliesThePlanNow() {
		EngineExamples.applyNow(this.database.dataSource(), PgEntities.fromResource("db/entities/orders_policy.sql"));
		assertThat(PgEntitiesEngine.create(this.database.dataSource())
			.check(PgEntities.fromResource("db/entities/orders_policy.sql"))
			.inSync()).isTrue();
	}

}
