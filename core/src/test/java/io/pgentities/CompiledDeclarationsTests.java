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
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.RecordingDataSource;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CompiledDeclarations} and {@link PgEntitiesEngine#check(CompiledDeclarations)}:
 * the declared side comes from the compilation only where nothing it depended on changed,
 * and the answer is always the full check's.
 */
@PostgresTest
class CompiledDeclarationsTests {

	private static final AtomicInteger schemas = new AtomicInteger();

	private final TestDatabase database;

	private final RecordingDataSource recording;

	private final String schema = "compiled_" + schemas.incrementAndGet();

	CompiledDeclarationsTests(TestDatabase database) {
		this.database = database;
		this.recording = new RecordingDataSource(database.dataSource());
		database.execute(sql("""
				CREATE SCHEMA %s;
				CREATE TABLE %s.items (id integer PRIMARY KEY, qty integer NOT NULL, price numeric NOT NULL);
				ALTER TABLE %s.items ENABLE ROW LEVEL SECURITY;
				CREATE FUNCTION %s.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				CREATE VIEW %s.in_sync AS SELECT id, qty FROM %s.items WHERE qty > 0;
				CREATE VIEW %s.changed AS SELECT id FROM %s.items;
				CREATE VIEW %s.undeclared AS SELECT id FROM %s.items;
				CREATE TRIGGER touched BEFORE UPDATE ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch();
				CREATE POLICY mine ON %s.items USING (qty > 0);
				"""));
	}

	@Test
	void compiledCheckGivesTheStatusesOfAFullCheckAndOnlyReads() {
		List<PgEntity> declared = declared();
		CompiledDeclarations compiled = engine().compile(declared);
		this.recording.clear();
		DriftReport report = engine().check(compiled);
		assertThat(this.recording.changing()).isEmpty();
		assertThat(report.entities()).isEqualTo(PgEntitiesEngine.create(this.database.dataSource()).check(declared).entities());
		assertThat(report.entities()).extracting(EntityDrift::status)
			.contains(DriftStatus.IN_SYNC, DriftStatus.CHANGED, DriftStatus.MISSING, DriftStatus.UNDECLARED);
	}

	@Test
	void compiledCheckWithNothingChangedRunsInAReadOnlySession() {
		List<PgEntity> declared = declared();
		CompiledDeclarations compiled = engine().compile(declared);
		DataSource readOnly = this.database.readOnlyDataSource();
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> PgEntitiesEngine.create(readOnly).check(declared))
			.withMessageContaining("read-only transaction");
		DriftReport report = PgEntitiesEngine.create(readOnly).check(compiled);
		assertThat(report.entities()).isEqualTo(PgEntitiesEngine.create(this.database.dataSource()).check(declared).entities());
	}

	@Test
	void sameEngineChecksCompiledDeclarationsAgainByTheCatalogStampUntilSomethingChanges() {
		List<PgEntity> declared = declared();
		CompiledDeclarations compiled = engine().compile(declared);
		PgEntitiesEngine engine = engine();
		DriftReport first = engine.check(compiled);
		assertThat(engine.check(compiled).entities()).isEqualTo(first.entities());
		assertThat(provenByStamp(engine, compiled).entities()).isEqualTo(first.entities());
		this.database.execute(sql("CREATE OR REPLACE VIEW %s.in_sync AS SELECT id, qty FROM %s.items WHERE qty > 1"));
		DriftReport changed = engine.check(compiled);
		assertThat(changed.entities()).isEqualTo(PgEntitiesEngine.create(this.database.dataSource()).check(declared).entities());
		assertThat(changed.entities()).filteredOn((drift) -> drift.identity().equals(this.schema + ".in_sync"))
			.singleElement()
			.extracting(EntityDrift::status)
			.isEqualTo(DriftStatus.CHANGED);
		engine.check(compiled);
		assertThat(provenByStamp(engine, compiled).entities()).isEqualTo(changed.entities());
	}

	@Test
	void jsonFormReadsBackAsTheSameCompilation() {
		CompiledDeclarations compiled = engine().compile(declared());
		String json = compiled.toJson();
		CompiledDeclarations read = CompiledDeclarations.fromJson(json);
		assertThat(read.toJson()).isEqualTo(json);
		assertThat(read.declarations()).isEqualTo(declared());
		assertThat(read.serverMajorVersion()).isEqualTo(this.database.serverMajorVersion());
		assertThat(json).startsWith("{\"@type\":\"Compilation\",\"format\":1,");
		this.recording.clear();
		assertThat(engine().check(read).entities()).isEqualTo(engine().check(compiled).entities());
		assertThat(this.recording.changing()).isEmpty();
	}

	@Test
	void textThatIsNotCompiledDeclarationsIsRefused() {
		String json = engine().compile(declared()).toJson();
		assertThatIllegalArgumentException().isThrownBy(() -> CompiledDeclarations.fromJson("{\"declarations\": ["));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CompiledDeclarations.fromJson(json.replace("\"format\":1,", "\"format\":2,")))
			.withMessageContaining("format 2");
	}

	@Test
	void compilationFromAnotherServerMajorVersionIsCheckedInFull() {
		List<PgEntity> declared = declared();
		String json = engine().compile(declared).toJson();
		int major = this.database.serverMajorVersion();
		String other = json.replaceFirst("\"serverVersion\":" + major + "(\\d{4})",
				"\"serverVersion\":" + (major - 1) + "$1");
		assertThat(other).isNotEqualTo(json);
		assertFallsBackToFullCheck(CompiledDeclarations.fromJson(other), declared);
	}

	@Test
	void declarationEditedAfterCompilationIsCheckedInFull() {
		List<PgEntity> declared = declared();
		String json = engine().compile(declared).toJson();
		// the view's query as declared, edited in the artifact; its hash and canonical form are left
		String edited = json.replace("WHERE qty > 0\"", "WHERE qty > 1\"");
		assertThat(edited).isNotEqualTo(json);
		CompiledDeclarations compiled = CompiledDeclarations.fromJson(edited);
		DriftReport report = assertFallsBackToFullCheck(compiled, compiled.declarations());
		assertThat(report.entities()).filteredOn((drift) -> drift.identity().equals(this.schema + ".in_sync"))
			.singleElement()
			.extracting(EntityDrift::status)
			.isEqualTo(DriftStatus.CHANGED);
	}

	@Test
	void referencedTableChangedAfterCompilationIsCheckedInFull() {
		List<PgEntity> declared = declared();
		CompiledDeclarations compiled = engine().compile(declared);
		this.database.execute(sql("ALTER TABLE %s.items ADD COLUMN note text"));
		assertFallsBackToFullCheck(compiled, declared);
	}

	@Test
	void objectThatWouldCaptureACallIsCheckedInFull() {
		List<PgEntity> declared = List.of(view("halves", "SELECT %s.half(price) AS h FROM %s.items"));
		this.database.execute(sql("CREATE FUNCTION %s.half(n numeric) RETURNS numeric LANGUAGE sql AS 'SELECT n / 2'"));
		CompiledDeclarations compiled = engine().compile(declared);
		this.database.execute(sql("CREATE FUNCTION %s.half(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n / 2'"));
		assertFallsBackToFullCheck(compiled, declared);
	}

	@Test
	void liveObjectsOfTheDeclaredIdentitiesDoNotCountAsChanges() {
		// compiled where nothing declared exists yet, checked where it all does: the fast path
		// still applies, since the simulation shadows the live objects
		List<PgEntity> declared = List.of(view("fresh", "SELECT id FROM %s.items"),
				PgFunction.of(this.schema, "twice(n integer)", "RETURNS integer LANGUAGE sql AS 'SELECT n * 2'"));
		CompiledDeclarations compiled = engine().compile(declared);
		this.database.execute(sql("CREATE VIEW %s.fresh AS SELECT id FROM %s.items; CREATE FUNCTION "
				+ "%s.twice(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n * 2'"));
		this.recording.clear();
		DriftReport report = engine().check(compiled);
		assertThat(this.recording.changing()).isEmpty();
		assertThat(report.entities()).isEqualTo(PgEntitiesEngine.create(this.database.dataSource()).check(declared).entities());
	}

	private DriftReport assertFallsBackToFullCheck(CompiledDeclarations compiled, List<PgEntity> declared) {
		this.recording.clear();
		DriftReport report = engine().check(compiled);
		assertThat(this.recording.changing()).anyMatch((sql) -> sql.startsWith("CREATE SCHEMA"));
		assertThat(report.entities()).isEqualTo(PgEntitiesEngine.create(this.database.dataSource()).check(declared).entities());
		return report;
	}

	private DriftReport provenByStamp(PgEntitiesEngine engine, CompiledDeclarations compiled) {
		return Rechecked.provenByStamp(this.recording, () -> engine.check(compiled));
	}

	private List<PgEntity> declared() {
		return List.of(view("in_sync", "SELECT id, qty FROM %s.items WHERE qty > 0"),
				view("changed", "SELECT id, qty FROM %s.items"),
				PgMaterializedView.of(this.schema, "totals", sql("SELECT id, qty * price AS total FROM %s.items"))
					.withIndex(sql("CREATE INDEX ON %s.totals (id)")),
				PgFunction.of(this.schema, "touch()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
				PgTrigger.of(this.schema, "touched", "items", sql("BEFORE UPDATE ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch()")),
				PgPolicy.of(this.schema, "mine", "items", "USING (qty > 0)"));
	}

	private PgView view(String name, String query) {
		return PgView.of(this.schema, name, sql(query));
	}

	private PgEntitiesEngine engine() {
		return PgEntitiesEngine.create(this.recording);
	}

	private String sql(String text) {
		return text.replace("%s", this.schema);
	}

}
