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
package io.pgentities.autoconfigure.actuate.endpoint;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import io.pgentities.DriftStatus;
import io.pgentities.EntityKind;
import io.pgentities.LockMode;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.PgEntitiesChecker;
import io.pgentities.autoconfigure.PgEntitiesCheckers;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.DataSourcesDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.EntityDriftDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.PgEntitiesDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.PlannedStatementDescriptor;
import io.pgentities.autoconfigure.actuate.endpoint.PgEntitiesEndpoint.RefusalDescriptor;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.RecordingDataSource;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesEndpoint}.
 */
@PostgresTest
class PgEntitiesEndpointTests {

	private static final List<PgEntity> DECLARED = List.of(
			PgView.of("public", "item_names", "SELECT id, name FROM items").withSource("bean 'itemNames'"),
			PgView.of("public", "a/b", "SELECT id FROM items").withSource("bean 'slashed'"),
			PgFunction.of("public", "total(qty integer, price numeric)",
					"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT qty * price $$")
				.withSource("bean 'total'"));

	private final PgEntitiesEndpoint endpoint;

	PgEntitiesEndpointTests(TestDatabase database) {
		this.endpoint = new PgEntitiesEndpoint(
				new PgEntitiesChecker(PgEntitiesEngine.create(database.dataSource()), () -> DECLARED, Duration.ZERO));
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		database.execute("""
				CREATE TABLE items (id integer PRIMARY KEY, name text, price numeric);
				CREATE VIEW item_names AS SELECT id FROM items;
				CREATE VIEW "a/b" AS SELECT id FROM items;
				CREATE VIEW leftover AS SELECT 1 AS one;
				""");
	}

	@Test
	void entitiesDescribesEveryEntityAndThePlan() {
		PgEntitiesDescriptor descriptor = (PgEntitiesDescriptor) this.endpoint.entities();
		assertThat(descriptor.isInSync()).isFalse();
		assertThat(descriptor.getDurationMs()).isNotNegative();
		assertThat(descriptor.getEntities())
			.extracting((entity) -> entity.getIdentity() + " " + entity.getStatus() + " " + entity.getSource())
			.containsExactlyInAnyOrder("public.item_names CHANGED bean 'itemNames'",
					"public.\"a/b\" IN_SYNC bean 'slashed'", "public.total(integer, numeric) MISSING bean 'total'",
					"public.leftover UNDECLARED database");
		assertThat(descriptor.getPlan()).isNotEmpty()
			.anySatisfy((statement) -> assertThat(statement).contains("public.total"));
	}

	@Test
	void entitiesDescribesTheLockAndHazardsOfEachStatementOfThePlan() {
		PgEntitiesDescriptor descriptor = (PgEntitiesDescriptor) this.endpoint.entities();
		assertThat(descriptor.getSteps()).extracting(PlannedStatementDescriptor::getSql).isEqualTo(descriptor.getPlan());
		assertThat(descriptor.getSteps())
			.filteredOn((step) -> "public.item_names".equals(step.getIdentity()))
			.singleElement()
			.satisfies((step) -> {
				assertThat(step.getKind()).isEqualTo(EntityKind.VIEW);
				assertThat(step.getSql()).startsWith("CREATE OR REPLACE VIEW public.item_names");
				assertThat(step.getLock()).isNotNull();
				assertThat(step.getLock().getRelation()).isEqualTo("public.item_names");
				assertThat(step.getLock().getMode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
				assertThat(step.getHazards()).isEmpty();
			});
		assertThat(descriptor.getSteps())
			.filteredOn((step) -> "public.total(integer, numeric)".equals(step.getIdentity()))
			.singleElement()
			.satisfies((step) -> assertThat(step.getLock()).isNull());
	}

	@Test
	void entitiesOfSeveralDataSourcesDescribesEachUnderItsName(TestDatabase database) {
		try (TestDatabase reporting = TestDatabase.create()) {
			PgEntitiesEndpoint endpoint = new PgEntitiesEndpoint(severalDataSources(database, reporting));
			DataSourcesDescriptor descriptor = (DataSourcesDescriptor) endpoint.entities();
			assertThat(descriptor.isInSync()).isFalse();
			assertThat(descriptor.getDataSources()).containsOnlyKeys("main", "reporting");
			assertThat(descriptor.getDataSources().get("main").isInSync()).isFalse();
			assertThat(descriptor.getDataSources().get("main").getEntities()).hasSize(4);
			PgEntitiesDescriptor reportingDescriptor = descriptor.getDataSources().get("reporting");
			assertThat(reportingDescriptor.isInSync()).isFalse();
			assertThat(reportingDescriptor.getEntities())
				.extracting((entity) -> entity.getIdentity() + " " + entity.getStatus() + " " + entity.getSource())
				.containsExactly("public.report() MISSING bean 'report'");
		}
	}

	@Test
	void lookupOfSeveralDataSourcesReadsTheDataSourceFromTheFirstSegment(TestDatabase database) {
		try (TestDatabase reporting = TestDatabase.create()) {
			PgEntitiesEndpoint endpoint = new PgEntitiesEndpoint(severalDataSources(database, reporting));
			assertThat(endpoint.lookup(new String[] { "reporting", "public.report()" }).entity())
				.extracting(EntityDriftDescriptor::getStatus)
				.isEqualTo(DriftStatus.MISSING);
			assertThat(endpoint.lookup(new String[] { "main", "public.total(integer, numeric)" }).entity())
				.extracting(EntityDriftDescriptor::getStatus)
				.isEqualTo(DriftStatus.MISSING);
			assertThat(endpoint.lookup(new String[] { "main", "public.report()" }).entity()).isNull();
			assertThat(endpoint.lookup(new String[] { "public.report()" }).notFound()).isNotNull();
		}
	}

	private static PgEntitiesCheckers severalDataSources(TestDatabase main, TestDatabase reporting) {
		PgEntitiesChecker mainChecker = new PgEntitiesChecker("main", PgEntitiesEngine.create(main.dataSource()),
				() -> DECLARED, Duration.ZERO);
		PgEntitiesChecker reportingChecker = new PgEntitiesChecker("reporting",
				PgEntitiesEngine.create(reporting.dataSource()),
				() -> List.of(PgFunction.of("public", "report()", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$")
					.withSource("bean 'report'")),
				Duration.ZERO);
		return PgEntitiesCheckers.of(List.of(mainChecker, reportingChecker));
	}

	@Test
	void entitiesReportsTheLintFindingsOfTheDeclarations(TestDatabase database) {
		PgEntity definer = PgFunction.of("public", "definer()",
				"RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT 1 $$")
			.withSource("bean 'definer'");
		PgEntitiesEndpoint endpoint = new PgEntitiesEndpoint(new PgEntitiesChecker(
				PgEntitiesEngine.create(database.dataSource()), () -> List.of(definer), Duration.ZERO));
		assertThat(((PgEntitiesDescriptor) endpoint.entities()).getLint()).singleElement().satisfies((finding) -> {
			assertThat(finding.getRule()).isEqualTo("security-definer-public-execute");
			assertThat(finding.getKind()).isEqualTo(EntityKind.FUNCTION);
			assertThat(finding.getIdentity()).isEqualTo("public.definer()");
			assertThat(finding.getSource()).isEqualTo("bean 'definer'");
			assertThat(finding.getWhy()).contains("PUBLIC may execute it");
			assertThat(finding.getFix()).contains("REVOKE EXECUTE ON FUNCTION public.definer() FROM PUBLIC");
		});
		assertThat(((PgEntitiesDescriptor) this.endpoint.entities()).getLint()).isEmpty();
	}

	@Test
	void entitiesSimulatesTheDeclarationsOnceForTheCheckAndTheLint(TestDatabase database) {
		RecordingDataSource recording = new RecordingDataSource(database.dataSource());
		PgEntitiesEngine.create(recording).analyze(DECLARED);
		List<String> oneCheck = recording.changing();
		recording.clear();
		PgEntitiesEndpoint endpoint = new PgEntitiesEndpoint(
				new PgEntitiesChecker(PgEntitiesEngine.create(recording), () -> DECLARED, Duration.ZERO));
		endpoint.entities();
		// a simulation is the only DDL a check or a lint sends
		assertThat(oneCheck).isNotEmpty();
		assertThat(recording.changing()).hasSameSizeAs(oneCheck);
	}

	@Test
	void entitiesHasNoRefusalWhenAPlanCanBeMade() {
		assertThat(((PgEntitiesDescriptor) this.endpoint.entities()).getRefusal()).isNull();
	}

	@Test
	void entitiesReturnsTheRefusalWithAnEmptyPlanWhenNoPlanCanBeMade(TestDatabase database) {
		database.execute("CREATE SCHEMA refused;"
				+ "CREATE FUNCTION refused.code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;"
				+ "CREATE TABLE refused.orders (id integer, code text DEFAULT refused.code())");
		PgEntitiesEndpoint endpoint = new PgEntitiesEndpoint(new PgEntitiesChecker(
				PgEntitiesEngine.create(database.dataSource()),
				() -> List.of(PgFunction.of("refused", "code()", "RETURNS varchar LANGUAGE sql AS $$ SELECT 'x'::varchar $$")
					.withSource("bean 'code'")),
				Duration.ZERO));
		PgEntitiesDescriptor descriptor = (PgEntitiesDescriptor) endpoint.entities();
		assertThat(descriptor.isInSync()).isFalse();
		assertThat(descriptor.getEntities()).extracting((entity) -> entity.getIdentity() + " " + entity.getStatus())
			.containsExactly("refused.code() CHANGED");
		assertThat(descriptor.getPlan()).isEmpty();
		RefusalDescriptor refusal = descriptor.getRefusal();
		assertThat(refusal).isNotNull();
		assertThat(refusal.getEntity()).isEqualTo("FUNCTION refused.code()");
		assertThat(refusal.getDependents()).singleElement().asString().contains("column code of table refused.orders");
		assertThat(refusal.getReason()).contains("never drops with CASCADE");
		assertThat(refusal.getAction()).contains("by hand");
	}

	@Test
	void entityDescribesOneEntity() {
		EntityDriftDescriptor entity = this.endpoint.entity(new String[] { "public.item_names" });
		assertThat(entity).isNotNull();
		assertThat(entity.getKind()).isEqualTo(EntityKind.VIEW);
		assertThat(entity.getSchema()).isEqualTo("public");
		assertThat(entity.getName()).isEqualTo("item_names");
		assertThat(entity.getIdentity()).isEqualTo("public.item_names");
		assertThat(entity.getStatus()).isEqualTo(DriftStatus.CHANGED);
		assertThat(entity.getSource()).isEqualTo("bean 'itemNames'");
		assertThat(entity.getDiff()).contains("name");
	}

	@Test
	void entitySelectsARoutineByItsSignature() {
		EntityDriftDescriptor entity = this.endpoint.entity(new String[] { "public.total(integer, numeric)" });
		assertThat(entity).isNotNull();
		assertThat(entity.getKind()).isEqualTo(EntityKind.FUNCTION);
		assertThat(entity.getStatus()).isEqualTo(DriftStatus.MISSING);
	}

	@Test
	void entityIgnoresSpacesOutsideQuotes() {
		assertThat(this.endpoint.entity(new String[] { "public.total(integer,numeric)" })).isNotNull()
			.extracting(EntityDriftDescriptor::getIdentity)
			.isEqualTo("public.total(integer, numeric)");
	}

	@Test
	void entityJoinsPathSegmentsWithSlashes() {
		assertThat(this.endpoint.entity(new String[] { "public.\"a", "b\"" })).isNotNull()
			.extracting(EntityDriftDescriptor::getStatus)
			.isEqualTo(DriftStatus.IN_SYNC);
	}

	@Test
	void entityReadsTheIdentityAsPostgresqlWould() {
		assertThat(this.endpoint.entity(new String[] { "TOTAL(int, decimal)" })).isNotNull()
			.extracting(EntityDriftDescriptor::getIdentity)
			.isEqualTo("public.total(integer, numeric)");
	}

	@Test
	void lookupOfAnUnknownIdentitySaysWhatWasLookedFor() {
		PgEntitiesEndpoint.EntityLookup lookup = this.endpoint.lookup(new String[] { "total(int)" });
		assertThat(lookup.entity()).isNull();
		assertThat(lookup.notFound()).isNotNull();
		assertThat(lookup.notFound().getError()).isEqualTo("No entity public.total(integer)");
		assertThat(lookup.notFound().getRequested()).isEqualTo("total(int)");
		assertThat(lookup.notFound().getLookedFor()).containsExactly("public.total(integer)");
		assertThat(lookup.notFound().getSameName()).containsExactly("public.total(integer, numeric)");
	}

	@Test
	void entityIsNullWhenUnknown() {
		assertThat(this.endpoint.entity(new String[] { "public.nothing" })).isNull();
	}

	@Test
	void hasNoWriteOrDeleteOperations() {
		for (Method method : PgEntitiesEndpoint.class.getDeclaredMethods()) {
			assertThat(method.getAnnotation(WriteOperation.class)).as(method.getName()).isNull();
			assertThat(method.getAnnotation(DeleteOperation.class)).as(method.getName()).isNull();
		}
	}

}
