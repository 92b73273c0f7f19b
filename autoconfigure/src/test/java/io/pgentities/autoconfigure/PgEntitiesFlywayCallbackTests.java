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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.pgentities.EntityRejectedException;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.TenantTemplate;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link PgEntitiesFlywayCallback}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PgEntitiesFlywayCallbackTests {

	private static final List<PgEntity> DECLARED = List.of(
			PgView.of("public", "item_names", "SELECT id, name FROM items"),
			PgFunction.of("public", "total(qty integer, price numeric)",
					"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT qty * price $$"));

	private final TestDatabase database = TestDatabase.create();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void supportsOnlyAfterMigrate() {
		PgEntitiesFlywayCallback callback = callback(checker(DECLARED));
		for (Event event : Event.values()) {
			assertThat(callback.supports(event, null)).as(event.getId()).isEqualTo(event == Event.AFTER_MIGRATE);
		}
	}

	@Test
	void runsInFlywaysTransaction() {
		assertThat(callback(checker(DECLARED)).canHandleInTransaction(Event.AFTER_MIGRATE, null)).isTrue();
	}

	@Test
	void hasAFixedName() {
		assertThat(callback(checker(DECLARED)).getCallbackName()).isEqualTo("pgEntities");
	}

	@Test
	void appliesTheDeclarationsAfterMigrate(CapturedOutput output) {
		PgEntitiesChecker checker = checker(DECLARED);
		flyway(callback(checker)).migrate();
		assertThat(checker.analyze().report().inSync()).isTrue();
		assertThat(output).contains("pg-entities: applied 2 statements after migrate:")
			.contains("MISSING VIEW public.item_names");
	}

	@Test
	void appliesAgainWhenMigrateRunsAgain(CapturedOutput output) {
		PgEntitiesChecker checker = checker(DECLARED);
		Flyway flyway = flyway(callback(checker));
		flyway.migrate();
		this.database.execute("DROP VIEW item_names");
		flyway.migrate();
		assertThat(checker.analyze().report().inSync()).isTrue();
		assertThat(output).contains("pg-entities: applied 1 statement after migrate:");
	}

	@Test
	void recordsTheCheckWhenNothingIsToApply(CapturedOutput output) {
		PgEntitiesChecker checker = checker(DECLARED);
		Flyway flyway = flyway(callback(checker));
		flyway.migrate();
		assertThat(checker.lastAnalysis()).isNull();
		flyway.migrate();
		assertThat(checker.lastAnalysis()).isNotNull();
		assertThat(checker.lastAnalysis().report().inSync()).isTrue();
		assertThat(output).contains("pg-entities: 2 entities in sync after migrate, nothing to apply");
	}

	@Test
	void instancesThatMigrateAtTheSameTimeApplyOnce(CapturedOutput output) throws Exception {
		int instances = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			List<Future<?>> migrations = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				Flyway flyway = flyway(callback(checker(DECLARED)));
				migrations.add(executor.submit(() -> {
					start.await();
					return flyway.migrate();
				}));
			}
			start.countDown();
			for (Future<?> migration : migrations) {
				migration.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(output.toString().split("pg-entities: applied ", -1)).hasSize(2);
		assertThat(output.toString().split(" in sync after migrate, nothing to apply", -1)).hasSize(instances);
		assertThat(checker(DECLARED).analyze().report().inSync()).isTrue();
	}

	@Test
	void failsTheMigrationWhenPostgresRejectsADeclaration() {
		PgView rejected = PgView.of("public", "broken", "SELECT no_such_column FROM items");
		Flyway flyway = flyway(callback(checker(List.of(rejected))));
		assertThatException().isThrownBy(flyway::migrate).satisfies((ex) -> {
			Throwable cause = ex;
			while (cause != null && !(cause instanceof EntityRejectedException)) {
				cause = cause.getCause();
			}
			assertThat(cause).isInstanceOf(EntityRejectedException.class)
				.hasMessageContaining("PostgreSQL rejected VIEW public.broken");
		});
	}

	@Test
	void reconcilesEachTenantSchemaAfterMigrateAndNamesTheOneThatFails(CapturedOutput output) {
		for (String tenant : List.of("acme_1", "acme_2")) {
			this.database.execute("CREATE SCHEMA " + tenant + "; CREATE TABLE " + tenant
					+ ".orders (id integer PRIMARY KEY, total numeric NOT NULL)");
		}
		// a tenant without the table its template's view reads
		this.database.execute("CREATE SCHEMA acme_3");
		PgEntitiesTenantChecker tenants = new PgEntitiesTenantChecker(PgEntitiesEngine.create(this.database.dataSource()),
				TenantTemplate.fromSql("CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE total > 0",
						"tenants.sql"),
				PgEntitiesTenants.matching(List.of("acme_*")), Duration.ZERO);
		Flyway flyway = flyway(new PgEntitiesFlywayCallback(() -> checker(DECLARED), () -> tenants));
		assertThatException().isThrownBy(flyway::migrate)
			.withStackTraceContaining("could not apply the tenant template to 1 tenant schema")
			.withStackTraceContaining("Provisioning tenant schema acme_3 failed");
		assertThat(tenants.check().driftedSchemas()).containsExactly("acme_3");
		assertThat(checker(DECLARED).analyze().report().inSync())
			.as("the DataSource's own entities, applied in Flyway's transaction, are rolled back with the failed migrate")
			.isFalse();
	}

	private PgEntitiesChecker checker(List<PgEntity> declared) {
		return new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()), () -> declared,
				Duration.ofMinutes(1));
	}

	private PgEntitiesFlywayCallback callback(PgEntitiesChecker checker) {
		return new PgEntitiesFlywayCallback(() -> checker);
	}

	private Flyway flyway(PgEntitiesFlywayCallback callback) {
		return Flyway.configure()
			.dataSource(this.database.dataSource())
			.locations("classpath:flyway/items")
			.callbacks(callback)
			.load();
	}

}
