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

import java.util.ArrayList;
import java.util.List;

import io.pgentities.PgEntities;
import io.pgentities.PgEntity;
import io.pgentities.test.PgEntitiesDatabase;
import io.pgentities.test.PgEntitiesTest;
import io.pgentities.test.PgEntitiesTest.Check;
import org.junit.jupiter.api.Test;

import static io.pgentities.test.PgEntitiesAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test-kit examples of {@code docs/testing.md}, run on the sample's migrations.
 */
@PgEntitiesTest(check = Check.CONVERGES)
class TestKitExamplesTests {

	@Test
	void theDeclaredEntitiesConverge(PgEntitiesDatabase database) {
		assertThat(database.dataSource()).converges(database.entities());
	}

	@Test
	void aViewTheMigrationsDoNotCreateIsReportedWithItsSource(PgEntitiesDatabase database) {
		List<PgEntity> declared = new ArrayList<>(database.entities());
		declared.addAll(PgEntities.fromResource("db/examples/best_sellers.sql"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(database.dataSource()).hasEntitiesInSync(declared))
			.withMessageContaining("VIEW public.best_sellers: MISSING");
	}

	@Test
	void aFailureShowsTheSourceAndTheDiff(PgEntitiesDatabase database) {
		List<PgEntity> declared = new ArrayList<>(database.entities());
		declared.addAll(PgEntities.fromResource("db/examples/best_sellers.sql"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(database.dataSource()).hasEntitiesInSync(declared))
			.withMessageStartingWith(
					"Expected the declared entities to be in sync with the database, but 1 of 3 entities drifted:")
			.withMessageContaining("VIEW public.best_sellers: MISSING (classpath db/examples/best_sellers.sql:1)")
			.withMessageContaining("    +CREATE VIEW public.best_sellers AS")
			.withMessageNotContaining("MATERIALIZED VIEW public.product_revenue:");
	}

}
