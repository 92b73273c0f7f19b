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
package io.pgentities;

import java.util.List;

import javax.sql.DataSource;

import io.pgentities.testsupport.RecordingDataSource;
import io.pgentities.testsupport.StandbyPair;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Checks against a read-only streaming standby: compiled declarations whose environment still
 * matches are checked with reads only, so they work there; anything that needs a simulation
 * is refused by the standby, never answered from stale data.
 */
class StandbyCheckTests {

	private static StandbyPair pair;

	private TestDatabase primary;

	private RecordingDataSource standby;

	@BeforeAll
	static void startPair() {
		pair = StandbyPair.start();
	}

	@AfterAll
	static void closePair() {
		pair.close();
	}

	@BeforeEach
	void createDatabase() {
		this.primary = pair.primary().createDatabase("pge_standby_check");
		this.primary.execute("""
				CREATE SCHEMA shop;
				CREATE TABLE shop.items (id integer PRIMARY KEY, qty integer NOT NULL, price numeric NOT NULL);
				CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				CREATE VIEW shop.in_stock AS SELECT id, qty FROM shop.items WHERE qty > 0;
				CREATE VIEW shop.totals AS SELECT id FROM shop.items;
				CREATE TRIGGER touched BEFORE UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch();
				""");
		this.standby = new RecordingDataSource(pair.standbyDataSource(this.primary));
	}

	@AfterEach
	void dropDatabase() {
		this.primary.close();
	}

	@Test
	void compiledCheckOnAStandbyOnlyReadsAndAnswersAsAFullCheckOnThePrimary() {
		CompiledDeclarations compiled = PgEntitiesEngine.create(this.primary.dataSource()).compile(declared());
		pair.awaitReplay();
		DriftReport report = PgEntitiesEngine.create(this.standby).check(compiled);
		assertThat(this.standby.changing()).isEmpty();
		assertThat(report.entities()).isEqualTo(fullCheckOnPrimary().entities());
		assertThat(report.entities()).extracting(EntityDrift::identity, EntityDrift::status)
			.containsExactlyInAnyOrder(tuple("shop.in_stock", DriftStatus.IN_SYNC),
					tuple("shop.totals", DriftStatus.CHANGED),
					tuple("shop.touch()", DriftStatus.IN_SYNC),
					tuple("shop.items.touched", DriftStatus.IN_SYNC),
					tuple("shop.twice(integer)", DriftStatus.MISSING));
	}

	@Test
	void objectChangedOnThePrimaryAfterCompilationIsSeenOnTheStandby() {
		CompiledDeclarations compiled = PgEntitiesEngine.create(this.primary.dataSource()).compile(declared());
		this.primary.execute("CREATE OR REPLACE VIEW shop.in_stock AS SELECT id, qty FROM shop.items WHERE qty > 1");
		pair.awaitReplay();
		DriftReport report = PgEntitiesEngine.create(this.standby).check(compiled);
		assertThat(this.standby.changing()).isEmpty();
		assertThat(report.entities()).isEqualTo(fullCheckOnPrimary().entities());
		assertThat(report.entities()).filteredOn((drift) -> drift.identity().equals("shop.in_stock"))
			.singleElement()
			.extracting(EntityDrift::status)
			.isEqualTo(DriftStatus.CHANGED);
	}

	@Test
	void checkThatNeedsASimulationIsRefusedByTheStandby() {
		CompiledDeclarations compiled = PgEntitiesEngine.create(this.primary.dataSource()).compile(declared());
		// a referenced table changes: the compilation no longer applies, and the standby refuses
		// the simulation a full check needs rather than being answered from the artifact
		this.primary.execute("ALTER TABLE shop.items ADD COLUMN note text");
		pair.awaitReplay();
		DataSource standby = this.standby;
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> PgEntitiesEngine.create(standby).check(compiled))
			.withMessageContaining("read-only transaction");
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> PgEntitiesEngine.create(standby).check(declared()))
			.withMessageContaining("read-only transaction");
	}

	private DriftReport fullCheckOnPrimary() {
		return PgEntitiesEngine.create(this.primary.dataSource()).check(declared());
	}

	private static List<PgEntity> declared() {
		return List.of(PgView.of("shop", "in_stock", "SELECT id, qty FROM shop.items WHERE qty > 0"),
				PgView.of("shop", "totals", "SELECT id, qty * price AS total FROM shop.items"),
				PgFunction.of("shop", "touch()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
				PgFunction.of("shop", "twice(n integer)", "RETURNS integer LANGUAGE sql AS 'SELECT n * 2'"),
				PgTrigger.of("shop", "touched", "items",
						"BEFORE UPDATE ON shop.items FOR EACH ROW EXECUTE FUNCTION shop.touch()"));
	}

}
