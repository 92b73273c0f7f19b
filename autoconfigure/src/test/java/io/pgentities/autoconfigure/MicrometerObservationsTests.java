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
import java.util.Set;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgEntitiesTenants;
import io.pgentities.PgView;
import io.pgentities.TenantDriftReport;
import io.pgentities.TenantReconciliation;
import io.pgentities.TenantTemplate;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MicrometerObservations}.
 */
@PostgresTest
class MicrometerObservationsTests {

	// the policy is a CHANGES_ACCESS hazard, which an engine that allows none refuses to apply
	private static final TenantTemplate TENANT_TEMPLATE = TenantTemplate.fromSql("""
			CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE total > 0;
			CREATE POLICY positive_orders ON orders USING (total > 0);
			""", "tenant template");

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
			.hasLowCardinalityKeyValue("tenants", "none")
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
			.hasLowCardinalityKeyValue("in-sync", "unknown")
			.hasLowCardinalityKeyValue("plan", "unknown")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void aTenantCheckIsObservedWithABucketOfItsTenantCountAndNoTenantName() {
		createTenants("obs_check", 3);
		TenantDriftReport report = tenantChecker(PgEntitiesEngine.create(this.database.dataSource()), "obs_check_*")
			.check();
		assertThat(report.driftedSchemas()).hasSize(3);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("pg.entities.check", 1)
			.hasObservationWithNameEqualTo("pg.entities.check")
			.that()
			.hasContextualNameEqualTo("pg-entities check")
			.hasLowCardinalityKeyValue("datasource", "main")
			.hasLowCardinalityKeyValue("tenants", "2-10")
			.hasLowCardinalityKeyValue("in-sync", "false")
			.hasLowCardinalityKeyValue("plan", "none")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("drifted", "3")
			.doesNotHaveLowCardinalityKeyValueWithKey("schema")
			.hasBeenStopped();
	}

	@Test
	void reconcilingAndProvisioningTenantsAreObservedAsApplies() {
		createTenants("obs_apply", 2);
		PgEntitiesTenantChecker checker = tenantChecker(PgEntitiesEngine.create(this.database.dataSource()),
				"obs_apply_*");
		assertThat(checker.reconcile().applied()).containsExactly("obs_apply_0", "obs_apply_1");
		assertThat(this.registry).hasObservationWithNameEqualTo("pg.entities.apply")
			.that()
			.hasLowCardinalityKeyValue("datasource", "main")
			.hasLowCardinalityKeyValue("tenants", "2-10")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("applied", "2")
			.hasHighCardinalityKeyValue("failed", "0")
			.hasBeenStopped();
		this.database.execute("DROP VIEW obs_apply_1.open_orders");
		checker.provision("obs_apply_1");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("pg.entities.apply", 2)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("tenants", "1")
				.hasHighCardinalityKeyValue("schema", "obs_apply_1")
				.hasHighCardinalityKeyValue("statements", "1")
				.hasLowCardinalityKeyValue("outcome", "success"));
		assertThat(checker.check().inSync()).isTrue();
	}

	@Test
	void aReconciliationWithFailedTenantsIsObservedAsAnError() {
		createTenants("obs_fail", 2);
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.allowedHazards(Set.of())
			.build();
		TenantReconciliation reconciliation = tenantChecker(engine, "obs_fail_*").reconcile();
		assertThat(reconciliation.failures()).hasSize(2);
		assertThat(this.registry).hasObservationWithNameEqualTo("pg.entities.apply")
			.that()
			.hasLowCardinalityKeyValue("tenants", "2-10")
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasHighCardinalityKeyValue("failed", "2")
			.hasHighCardinalityKeyValue("applied", "0")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void tenantCountsAreBucketed() {
		assertThat(List.of(0, 1, 2, 10, 11, 100, 101, 1000, 1001, 50000).stream()
			.map(MicrometerObservations::tenants)
			.toList())
			.containsExactly("0", "1", "2-10", "2-10", "11-100", "11-100", "101-1000", "101-1000", "1001+", "1001+");
	}

	private void createTenants(String prefix, int count) {
		for (int i = 0; i < count; i++) {
			this.database.execute("CREATE SCHEMA " + prefix + "_" + i + "; CREATE TABLE " + prefix + "_" + i
					+ ".orders (id integer PRIMARY KEY, total numeric NOT NULL)");
		}
	}

	private PgEntitiesTenantChecker tenantChecker(PgEntitiesEngine engine, String pattern) {
		return new PgEntitiesTenantChecker("main", engine, TENANT_TEMPLATE, PgEntitiesTenants.matching(List.of(pattern)),
				Duration.ZERO, Clock.systemUTC(), new MicrometerObservations(this.registry));
	}

	private PgEntitiesChecker checker(TestDatabase database, List<PgEntity> declared) {
		return new PgEntitiesChecker("main", PgEntitiesEngine.create(database.dataSource()), () -> declared,
				Duration.ZERO, Clock.systemUTC(), new MicrometerObservations(this.registry));
	}

}
