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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.RecordingDataSource;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for checking the same declarations again with the same {@link PgEntitiesEngine}: the
 * earlier answer comes back without simulating only when nothing it rested on changed, and
 * a full check runs whenever something did.
 */
@PostgresTest
class RecheckTests {

	private static final AtomicInteger schemas = new AtomicInteger();

	private final TestDatabase database;

	private final RecordingDataSource recording;

	private final String schema = "recheck_" + schemas.incrementAndGet();

	RecheckTests(TestDatabase database) {
		this.database = database;
		this.recording = new RecordingDataSource(database.dataSource());
		database.execute("CREATE SCHEMA " + this.schema + "; CREATE TABLE " + this.schema
				+ ".items (id integer PRIMARY KEY, qty integer NOT NULL, price integer NOT NULL)");
	}

	@Test
	void checkWithNothingChangedSendsOnlyQueriesAndGivesTheSameAnswer() {
		this.database.execute("CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM " + this.schema + ".items");
		List<PgEntity> declared = List.of(view("v", "SELECT id, qty FROM %s.items"),
				view("w", "SELECT id FROM %s.items"));
		PgEntitiesEngine engine = engine();
		DriftReport first = engine.check(declared);
		this.recording.clear();
		DriftReport second = engine.check(declared);
		assertThat(this.recording.changing()).isEmpty();
		assertThat(this.recording.statements()).noneMatch((sql) -> sql.contains("pgentities_sim"));
		assertThat(second.entities()).isEqualTo(first.entities());
		assertThat(statuses(second)).containsEntry(this.schema + ".v", DriftStatus.IN_SYNC)
			.containsEntry(this.schema + ".w", DriftStatus.MISSING);
	}

	@Test
	void unchangedDatabaseIsProvenByTheCatalogStampAlone() {
		this.database.execute("CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM " + this.schema + ".items");
		List<PgEntity> declared = List.of(view("v", "SELECT id, qty FROM %s.items"),
				view("w", "SELECT id FROM %s.items"));
		PgEntitiesEngine engine = engine();
		this.recording.clear();
		DriftReport first = engine.check(declared);
		assertThat(this.recording.statements()).as("the full check reads the stamp around its reads")
			.filteredOn(Rechecked::readsStamp)
			.hasSize(2);
		assertThat(provenByStamp(engine, declared).entities()).isEqualTo(first.entities());
	}

	@Test
	void changeOutsideWhatTheAnswerRestsOnIsComparedAndStampedAgain() {
		String unrelated = this.schema + "_unrelated";
		this.database.execute("CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM " + this.schema
				+ ".items; CREATE SCHEMA " + unrelated);
		List<PgEntity> declared = List.of(view("v", "SELECT id, qty FROM %s.items"));
		PgEntitiesEngine engine = engine();
		assertThat(stamped(engine, declared).inSync()).isTrue();
		this.database.execute("CREATE TABLE " + unrelated + ".log (id integer)");
		this.recording.clear();
		assertThat(engine.check(declared).inSync()).isTrue();
		assertThat(this.recording.statements()).as("a different stamp leads to comparing the definitions")
			.anyMatch(Rechecked::readsDefinitions);
		assertThat(this.recording.changing()).isEmpty();
		assertThat(provenByStamp(engine, declared).inSync()).isTrue();
	}

	@Test
	void objectChangedOutOfBandBetweenTwoChecksIsFound() {
		this.database.execute("CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM " + this.schema + ".items");
		List<PgEntity> declared = List.of(view("v", "SELECT id, qty FROM %s.items"));
		PgEntitiesEngine engine = engine();
		assertThat(stamped(engine, declared).inSync()).isTrue();
		this.database.execute("CREATE OR REPLACE VIEW " + this.schema + ".v AS SELECT id, qty + 0 AS qty FROM "
				+ this.schema + ".items");
		assertFallsBackTo(engine, declared, Map.of(this.schema + ".v", DriftStatus.CHANGED));
	}

	@Test
	void tableColumnTypeChangedUnderAViewByAMigrationIsFound() {
		this.database.execute("CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM " + this.schema + ".items");
		List<PgEntity> declared = List.of(view("v", "SELECT id, qty FROM %s.items"),
				function("total()", "RETURNS integer LANGUAGE sql AS 'SELECT sum(price)::integer FROM %s.items'"));
		this.database.execute(function("total()", "RETURNS integer LANGUAGE sql AS 'SELECT sum(price)::integer FROM %s.items'")
			.createStatement());
		PgEntitiesEngine engine = engine();
		assertThat(stamped(engine, declared).inSync()).isTrue();
		this.database.execute("DROP VIEW " + this.schema + ".v; ALTER TABLE " + this.schema
				+ ".items ALTER COLUMN qty TYPE bigint; CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM "
				+ this.schema + ".items");
		assertFallsBackTo(engine, declared,
				Map.of(this.schema + ".v", DriftStatus.IN_SYNC, this.schema + ".total()", DriftStatus.IN_SYNC));
	}

	@Test
	void referencedColumnTypeChangedUnderAFunctionBodyFailsAsAFullCheckDoes() {
		// PostgreSQL tracks no dependency of a quoted SQL body on the table it reads: only the
		// environment tells that the declaration no longer creates
		String body = "RETURNS integer LANGUAGE sql AS 'SELECT max(qty) FROM %s.items'";
		this.database.execute(function("top()", body).createStatement());
		List<PgEntity> declared = List.of(function("top()", body));
		PgEntitiesEngine engine = engine();
		assertThat(stamped(engine, declared).inSync()).isTrue();
		this.database.execute("ALTER TABLE " + this.schema + ".items ALTER COLUMN qty TYPE text");
		assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> engine.check(declared))
			.withMessageContaining("return type mismatch");
	}

	@Test
	void referencedFunctionReturnTypeChangedIsFound() {
		this.database.execute("CREATE FUNCTION " + this.schema + ".rate() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
		List<PgEntity> declared = List.of(view("priced", "SELECT id, price * %s.rate() AS total FROM %s.items"));
		PgEntitiesEngine engine = engine();
		Analysis before = engine.analyze(declared);
		assertThat(before.plan().toSql()).contains("total");
		assertThat(Rechecked.provenByStamp(this.recording, () -> engine.analyze(declared).report()).entities())
			.isEqualTo(before.report().entities());
		this.database.execute("DROP FUNCTION " + this.schema + ".rate(); CREATE FUNCTION " + this.schema
				+ ".rate() RETURNS numeric LANGUAGE sql AS 'SELECT 1.5'");
		this.recording.clear();
		Analysis after = engine.analyze(declared);
		assertThat(this.recording.changing()).anyMatch((sql) -> sql.startsWith("CREATE SCHEMA"));
		Analysis fresh = PgEntitiesEngine.create(this.database.dataSource()).analyze(declared);
		assertThat(after.report().entities()).isEqualTo(fresh.report().entities());
		assertThat(after.plan()).isEqualTo(fresh.plan());
	}

	@Test
	void objectThatWouldCaptureAnUnqualifiedReferenceIsFound() {
		// unqualified names look in the default schema first: a new table there captures them
		String other = this.schema + "_first";
		this.database.execute("CREATE SCHEMA " + other + "; CREATE VIEW " + this.schema
				+ ".v AS SELECT id FROM " + this.schema + ".items");
		List<PgEntity> declared = List.of(view("v", "SELECT id FROM items"));
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.recording).defaultSchema(other).build();
		assertThat(stamped(engine, declared).inSync()).isTrue();
		this.database.execute("CREATE TABLE " + other + ".items (id integer)");
		assertFallsBackTo(engine, PgEntitiesEngine.builder(this.database.dataSource()).defaultSchema(other).build(),
				declared, Map.of(this.schema + ".v", DriftStatus.CHANGED));
	}

	@Test
	void newOverloadThatWouldCaptureACallIsFound() {
		String library = this.schema + "_lib";
		this.database.execute("CREATE SCHEMA " + library + "; CREATE FUNCTION " + library
				+ ".half(n numeric) RETURNS numeric LANGUAGE sql AS 'SELECT n / 2'; CREATE VIEW " + this.schema
				+ ".v AS SELECT " + library + ".half(price) AS h FROM " + this.schema + ".items");
		List<PgEntity> declared = List.of(view("v", "SELECT " + library + ".half(price) AS h FROM %s.items"));
		PgEntitiesEngine engine = engine();
		assertThat(engine.check(declared).inSync()).isTrue();
		// the first check learns that the declarations reach a schema it did not read
		// beforehand; the second reads it first, and its answer can be kept
		assertThat(stamped(engine, declared).inSync()).isTrue();
		this.database.execute("CREATE FUNCTION " + library + ".half(n integer) RETURNS integer LANGUAGE sql "
				+ "AS 'SELECT n / 2'");
		assertFallsBackTo(engine, declared, Map.of(this.schema + ".v", DriftStatus.CHANGED));
	}

	@Test
	void editedDeclarationIsCheckedInFull() {
		this.database.execute("CREATE VIEW " + this.schema + ".v AS SELECT id, qty FROM " + this.schema + ".items");
		PgEntitiesEngine engine = engine();
		assertThat(stamped(engine, List.of(view("v", "SELECT id, qty FROM %s.items"))).inSync()).isTrue();
		assertFallsBackTo(engine, List.of(view("v", "SELECT id, qty + 1 AS qty FROM %s.items")),
				Map.of(this.schema + ".v", DriftStatus.CHANGED));
	}

	private void assertFallsBackTo(PgEntitiesEngine engine, List<PgEntity> declared, Map<String, DriftStatus> expected) {
		assertFallsBackTo(engine, PgEntitiesEngine.create(this.database.dataSource()), declared, expected);
	}

	/**
	 * The check after a change must simulate, and answer as a fresh engine does; the check
	 * after that needs no simulation again.
	 */
	private void assertFallsBackTo(PgEntitiesEngine engine, PgEntitiesEngine fresh, List<PgEntity> declared,
			Map<String, DriftStatus> expected) {
		this.recording.clear();
		DriftReport again = engine.check(declared);
		assertThat(this.recording.changing()).as("statements of the check after the change")
			.anyMatch((sql) -> sql.startsWith("CREATE SCHEMA"));
		assertThat(statuses(again)).containsAllEntriesOf(expected);
		assertThat(again.entities()).isEqualTo(fresh.check(declared).entities());
		this.recording.clear();
		assertThat(engine.check(declared).entities()).isEqualTo(again.entities());
		assertThat(this.recording.changing()).as("statements of the check after that").isEmpty();
	}

	/**
	 * Checks until a check is proven by the catalog's stamp alone: a full check, which keeps
	 * the stamp, then checks again.
	 * @return the report of the full check
	 */
	private DriftReport stamped(PgEntitiesEngine engine, List<PgEntity> declared) {
		DriftReport first = engine.check(declared);
		assertThat(provenByStamp(engine, declared).entities()).isEqualTo(first.entities());
		return first;
	}

	private DriftReport provenByStamp(PgEntitiesEngine engine, List<PgEntity> declared) {
		return Rechecked.provenByStamp(this.recording, () -> engine.check(declared));
	}

	private PgEntitiesEngine engine() {
		return PgEntitiesEngine.create(this.recording);
	}

	private PgView view(String name, String query) {
		return PgView.of(this.schema, name, query.replace("%s", this.schema));
	}

	private PgFunction function(String signature, String definition) {
		return PgFunction.of(this.schema, signature, definition.replace("%s", this.schema));
	}

	private static Map<String, DriftStatus> statuses(DriftReport report) {
		return report.entities().stream().collect(Collectors.toMap(EntityDrift::identity, EntityDrift::status));
	}

}
