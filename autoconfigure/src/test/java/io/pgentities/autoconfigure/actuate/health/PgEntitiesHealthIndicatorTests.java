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
package io.pgentities.autoconfigure.actuate.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesHealthIndicator}.
 */
@PostgresTest
class PgEntitiesHealthIndicatorTests {

	private static final PgView IN_SYNC = PgView.of("health", "in_sync", "SELECT 1 AS one");

	private static final PgView MISSING = PgView.of("health", "missing", "SELECT 2 AS two");

	private final TestDatabase database;

	PgEntitiesHealthIndicatorTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute("CREATE SCHEMA health; CREATE VIEW health.in_sync AS SELECT 1 AS one");
	}

	@Test
	void upWithCountsByStatusWhenInSync() {
		Health health = new PgEntitiesHealthIndicator(checker(List.of(IN_SYNC)), false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("inSync", true)
			.containsEntry("entities", Map.of("IN_SYNC", 1, "MISSING", 0, "CHANGED", 0, "UNDECLARED", 0));
	}

	@Test
	void upWithDriftByDefault() {
		Health health = new PgEntitiesHealthIndicator(checker(List.of(IN_SYNC, MISSING)), false).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("inSync", false)
			.containsEntry("entities", Map.of("IN_SYNC", 1, "MISSING", 1, "CHANGED", 0, "UNDECLARED", 0));
	}

	@Test
	void downWithDriftWhenDownOnDrift() {
		Health health = new PgEntitiesHealthIndicator(checker(List.of(IN_SYNC, MISSING)), true).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("inSync", false);
	}

	@Test
	void upWhenInSyncAndDownOnDrift() {
		assertThat(new PgEntitiesHealthIndicator(checker(List.of(IN_SYNC)), true).health().getStatus())
			.isEqualTo(Status.UP);
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsWhyNoPlanCanResolveTheDrift() {
		this.database.execute("CREATE FUNCTION health.code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;"
				+ "CREATE TABLE health.orders (id integer, code text DEFAULT health.code())");
		try {
			PgFunction declared = PgFunction.of("health", "code()",
					"RETURNS varchar LANGUAGE sql AS $$ SELECT 'x'::varchar $$");
			Health health = new PgEntitiesHealthIndicator(checker(List.of(IN_SYNC, declared)), false).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("inSync", false).containsKey("refusal");
			assertThat((Map<String, Object>) health.getDetails().get("refusal"))
				.containsEntry("entity", "FUNCTION health.code()")
				.hasEntrySatisfying("reason",
						(reason) -> assertThat(reason).asString().contains("column code of table health.orders"))
				.hasEntrySatisfying("action", (action) -> assertThat(action).asString().contains("by hand"));
		}
		finally {
			this.database.execute("DROP TABLE health.orders; DROP FUNCTION health.code()");
		}
	}

	@Test
	void hasNoRefusalWhenAPlanCanBeMade() {
		Health health = new PgEntitiesHealthIndicator(checker(List.of(IN_SYNC, MISSING)), false).health();
		assertThat(health.getDetails()).doesNotContainKey("refusal");
	}

	@Test
	void downWhenTheCheckFails() {
		PgView rejected = PgView.of("health", "rejected", "SELECT no_such_column FROM health.in_sync");
		Health health = new PgEntitiesHealthIndicator(checker(List.of(rejected)), false).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error");
	}

	@Test
	void reusesARecentCheck() {
		PgEntitiesChecker checker = new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()),
				() -> List.of(IN_SYNC), Duration.ofMinutes(1));
		PgEntitiesHealthIndicator indicator = new PgEntitiesHealthIndicator(checker, false);
		indicator.health();
		Object first = checker.lastAnalysis();
		indicator.health();
		assertThat(checker.lastAnalysis()).isSameAs(first);
	}

	private PgEntitiesChecker checker(List<PgEntity> declared) {
		return new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()), () -> declared,
				Duration.ZERO);
	}

}
