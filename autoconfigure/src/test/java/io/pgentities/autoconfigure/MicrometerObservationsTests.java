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
package io.pgentities.autoconfigure;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MicrometerObservations}.
 */
@PostgresTest
class MicrometerObservationsTests {

	private static final List<PgEntity> DECLARED = List.of(PgView.of("public", "answer", "SELECT 42 AS answer"));

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final TestDatabase database;

	MicrometerObservationsTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void checkIsObservedWithItsDataSourceAndResult() {
		checker(this.database, DECLARED).analyze();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("pg.entities.check", 1)
			.hasObservationWithNameEqualTo("pg.entities.check")
			.that()
			.hasContextualNameEqualTo("pg-entities check")
			.hasLowCardinalityKeyValue("datasource", "main")
			.hasLowCardinalityKeyValue("in-sync", "false")
			.hasLowCardinalityKeyValue("plan", "statements")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void applyIsObservedAndTheCheckAfterItIsInSync() throws Exception {
		PgEntitiesChecker checker = checker(this.database, DECLARED);
		try (Connection connection = this.database.connect()) {
			checker.apply(checker.analyze().plan(), connection);
		}
		checker.analyze();
		assertThat(this.registry).hasObservationWithNameEqualTo("pg.entities.apply")
			.that()
			.hasLowCardinalityKeyValue("datasource", "main")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("statements", "1")
			.hasBeenStopped();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("pg.entities.check", 2)
			.hasAnObservationWithAKeyValue("in-sync", "true");
		this.database.execute("DROP VIEW public.answer");
	}

	@Test
	void aFailedCheckIsObservedWithItsError() {
		TestDatabase gone = TestDatabase.create();
		PgEntitiesChecker checker = checker(gone, List.of(PgView.of("public", "v", "SELECT * FROM no_such_table")));
		assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(checker::analyze);
		gone.close();
		assertThat(this.registry).hasObservationWithNameEqualTo("pg.entities.check")
			.that()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasError()
			.hasBeenStopped();
	}

	private PgEntitiesChecker checker(TestDatabase database, List<PgEntity> declared) {
		return new PgEntitiesChecker("main", PgEntitiesEngine.create(database.dataSource()), () -> declared,
				Duration.ZERO, Clock.systemUTC(), new MicrometerObservations(this.registry));
	}

}
