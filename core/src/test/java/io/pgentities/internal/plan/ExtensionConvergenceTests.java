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
package io.pgentities.internal.plan;

import java.nio.file.Path;
import java.util.List;

import io.pgentities.Analysis;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDeclaration;
import io.pgentities.EntityRejectedException;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgExtension;
import io.pgentities.PgView;
import io.pgentities.PlanRefusedException;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of declared extensions: created first, updated to another version, moved to
 * another schema, and left out of every other kind's objects. Extensions are database-wide,
 * so each test has a database of its own.
 */
class ExtensionConvergenceTests {

	private static final String SCHEMA = "ext_scenario";

	private static final String TABLE = """
			CREATE TABLE ext_scenario.items (id integer PRIMARY KEY, attributes text NOT NULL);
			INSERT INTO ext_scenario.items VALUES (1, 'color=>red, size=>L'), (2, 'color=>blue');
			""";

	private static final String QUIET_FUNCTION = """
			CREATE FUNCTION ext_scenario.quiet() RETURNS event_trigger LANGUAGE plpgsql AS $$
			BEGIN
			    PERFORM 1;
			END;
			$$;
			""";

	private static final String COLORS_QUERY = "SELECT id, (attributes::hstore) -> 'color' AS color "
			+ "FROM ext_scenario.items";

	@Test
	void missingExtensionIsCreatedBeforeTheViewThatUsesIt(@TempDir Path migrations) {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, migrations);
			scenario.execute(TABLE);
			List<PgEntity> declared = List.of(PgView.of(SCHEMA, "item_colors", COLORS_QUERY),
					PgExtension.of(SCHEMA, "hstore"));
			assertThat(scenario.statuses(declared)).containsOnly(entry("hstore", DriftStatus.MISSING),
					entry("ext_scenario.item_colors", DriftStatus.MISSING));
			Convergence convergence = scenario.converge(declared);
			String version = defaultVersion(scenario, "hstore");
			assertThat(convergence.plan().statements().get(0))
				.isEqualTo("CREATE EXTENSION hstore WITH SCHEMA ext_scenario VERSION '" + version + "'");
			assertThat(convergence.position("CREATE VIEW ext_scenario.item_colors")).isPositive();
			assertThat(scenario.strings("SELECT color FROM ext_scenario.item_colors ORDER BY id"))
				.containsExactly("red", "blue");
			assertThat(scenario.statuses(declared)).as("no member of the extension is reported")
				.containsOnly(entry("hstore", DriftStatus.IN_SYNC), entry("ext_scenario.item_colors", DriftStatus.IN_SYNC));
		}
	}

	@Test
	void anotherVersionIsAnUpdateThatKeepsDependents(@TempDir Path migrations) {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, migrations);
			String version = defaultVersion(scenario, "hstore");
			installOldestHstore(scenario);
			scenario.execute(TABLE);
			scenario.execute("SET search_path = ext_scenario; CREATE VIEW ext_scenario.item_colors AS " + COLORS_QUERY);
			String viewOid = scenario.string("SELECT 'ext_scenario.item_colors'::regclass::oid::text");
			List<PgEntity> declared = PgEntities.fromSql("""
					create extension if not exists HSTORE with schema ext_scenario;
					create view ext_scenario.item_colors as
					    select id, (attributes::hstore) -> 'color' as color from ext_scenario.items;
					""");
			assertThat(scenario.statuses(declared)).containsOnly(entry("hstore", DriftStatus.CHANGED),
					entry("ext_scenario.item_colors", DriftStatus.IN_SYNC));
			Convergence convergence = scenario.converge(declared);
			assertThat(convergence.plan().statements())
				.containsExactly("ALTER EXTENSION hstore UPDATE TO '" + version + "'");
			assertThat(scenario.string("SELECT extversion FROM pg_extension WHERE extname = 'hstore'"))
				.isEqualTo(version);
			assertThat(scenario.string("SELECT 'ext_scenario.item_colors'::regclass::oid::text")).isEqualTo(viewOid);
		}
	}

	@Test
	void declaredVersionWrittenDifferentlyIsInSync() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			String oldest = installOldestHstore(scenario);
			scenario.execute("COMMENT ON EXTENSION hstore IS 'key/value pairs'");
			List<PgEntity> declared = PgEntities.fromSql("""
					CREATE EXTENSION "hstore" SCHEMA "ext_scenario" VERSION "%s";
					COMMENT ON EXTENSION hstore IS 'key/value pairs';
					""".formatted(oldest));
			assertThat(scenario.statuses(declared)).containsOnly(entry("hstore", DriftStatus.IN_SYNC));
			assertThat(scenario.engine().plan(declared).isEmpty()).isTrue();
		}
	}

	@Test
	void anotherSchemaMovesARelocatableExtension(@TempDir Path migrations) {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, migrations);
			scenario.execute(TABLE);
			scenario.execute("CREATE SCHEMA ext_elsewhere; CREATE EXTENSION citext WITH SCHEMA ext_elsewhere");
			List<PgEntity> declared = List.of(PgExtension.of(SCHEMA, "citext").withComment("case-insensitive text"));
			assertThat(scenario.statuses(declared)).containsOnly(entry("citext", DriftStatus.CHANGED));
			Convergence convergence = scenario.converge(declared);
			assertThat(convergence.plan().statements()).containsExactly(
					"ALTER EXTENSION citext SET SCHEMA ext_scenario",
					"COMMENT ON EXTENSION citext IS 'case-insensitive text'");
			assertThat(scenario.string("SELECT 'ext_scenario.citext'::regtype::text")).isEqualTo("ext_scenario.citext");
		}
	}

	@Test
	void anotherSchemaRecreatesAnExtensionThatIsNotRelocatable(@TempDir Path migrations) {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, migrations);
			scenario.execute(TABLE);
			try {
				scenario.execute("CREATE SCHEMA ext_elsewhere; CREATE EXTENSION xml2 WITH SCHEMA ext_elsewhere");
			}
			catch (IllegalStateException ex) {
				Assumptions.abort("xml2 (not relocatable) cannot be installed on this server: " + ex.getMessage());
			}
			List<PgEntity> declared = List.of(PgExtension.of(SCHEMA, "xml2"));
			assertThat(scenario.statuses(declared)).containsOnly(entry("xml2", DriftStatus.CHANGED));
			Convergence convergence = scenario.converge(declared);
			String comment = scenario.string("SELECT quote_literal(comment) FROM pg_available_extensions WHERE name = 'xml2'");
			// recreated, it gets its comment back, as any recreated object does
			assertThat(convergence.plan().statements()).containsExactly("DROP EXTENSION xml2",
					"CREATE EXTENSION xml2 WITH SCHEMA ext_scenario VERSION '" + defaultVersion(scenario, "xml2") + "'",
					"COMMENT ON EXTENSION xml2 IS " + comment);
			assertThat(convergence.plan().summary()).singleElement()
				.asString()
				.contains("extension xml2 is not relocatable");
		}
	}

	@Test
	void undeclaredExtensionIsReportedAndDroppedAfterItsDependentsButNeverPlpgsql(@TempDir Path migrations) {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, migrations).dropUndeclared(true);
			scenario.execute(TABLE);
			scenario.execute("CREATE EXTENSION hstore WITH SCHEMA ext_scenario");
			scenario.execute("SET search_path = ext_scenario; CREATE VIEW ext_scenario.item_colors AS " + COLORS_QUERY);
			scenario.execute("CREATE SCHEMA ext_elsewhere; CREATE EXTENSION citext WITH SCHEMA ext_elsewhere");
			List<PgEntity> declared = List.of(PgView.of(SCHEMA, "item_ids", "SELECT id FROM ext_scenario.items"));
			assertThat(scenario.statuses(declared)).as("citext is outside the managed schema, plpgsql in pg_catalog")
				.containsOnly(entry("ext_scenario.item_ids", DriftStatus.MISSING), entry("hstore", DriftStatus.UNDECLARED),
						entry("ext_scenario.item_colors", DriftStatus.UNDECLARED));
			Convergence convergence = scenario.converge(declared);
			assertThat(convergence.plan().drops()).containsExactlyInAnyOrder("hstore", "ext_scenario.item_colors");
			assertThat(convergence.position("DROP VIEW ext_scenario.item_colors"))
				.isLessThan(convergence.position("DROP EXTENSION hstore"));
			assertThat(scenario.strings("SELECT extname FROM pg_extension ORDER BY 1")).containsExactly("citext",
					"plpgsql");
		}
	}

	@Test
	void undeclaredExtensionThatADeclaredViewUsesIsKept() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused")).dropUndeclared(true);
			scenario.execute(TABLE);
			scenario.execute("CREATE EXTENSION hstore WITH SCHEMA ext_scenario");
			List<PgEntity> declared = List.of(PgView.of(SCHEMA, "item_colors", COLORS_QUERY));
			assertThat(scenario.statuses(declared)).containsOnly(entry("hstore", DriftStatus.UNDECLARED),
					entry("ext_scenario.item_colors", DriftStatus.MISSING));
			MigrationPlan plan = scenario.engine().plan(declared);
			assertThat(plan.drops()).isEmpty();
			assertThat(plan.statements()).noneMatch((statement) -> statement.contains("EXTENSION"));
			assertThat(plan.summary()).contains("UNDECLARED EXTENSION hstore: kept: a declared object depends on it");
		}
	}

	@Test
	void undeclaredExtensionUsedByATableColumnIsNotDropped() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"))
				.dropUndeclared(true);
			scenario.execute("CREATE EXTENSION hstore WITH SCHEMA ext_scenario");
			scenario.execute(TABLE);
			scenario.execute("ALTER TABLE ext_scenario.items ADD COLUMN tags ext_scenario.hstore");
			assertThatExceptionOfType(PlanRefusedException.class).isThrownBy(() -> scenario.engine().plan(List.of()))
				.satisfies((ex) -> {
					assertThat(ex.getRefusal().identity()).isEqualTo("hstore");
					assertThat(ex.getRefusal().dependents()).containsExactly("column tags of table ext_scenario.items");
				});
		}
	}

	@Test
	void checkNeverInstallsADeclaredExtension() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			scenario.execute(TABLE);
			List<String> before = scenario.strings("SELECT extname || ' ' || extversion FROM pg_extension ORDER BY 1");
			List<PgEntity> declared = List.of(PgExtension.of(SCHEMA, "hstore"), PgExtension.of(SCHEMA, "pg_trgm"),
					PgView.of(SCHEMA, "item_colors", COLORS_QUERY));
			assertThat(scenario.check(declared).inSync()).isFalse();
			assertThat(scenario.engine().plan(declared).statements()).hasSizeGreaterThan(2);
			assertThat(scenario.strings("SELECT extname || ' ' || extversion FROM pg_extension ORDER BY 1"))
				.isEqualTo(before);
			assertThat(scenario.strings("SELECT typname FROM pg_type WHERE typname = 'hstore'")).isEmpty();
		}
	}

	@Test
	void extensionTheServerDoesNotHaveIsRejectedWithPostgresMessage() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			List<PgEntity> declared = PgEntities.fromSql("CREATE EXTENSION no_such_extension;", "file ext.sql",
					SCHEMA);
			assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> scenario.check(declared))
				// PostgreSQL 15 and later say the extension is not available, older ones that its
				// control file cannot be opened
				.satisfies((ex) -> assertThat(ex.getMessage())
					.startsWith("PostgreSQL rejected EXTENSION no_such_extension declared in file ext.sql:1: ")
					.containsPattern("extension \"no_such_extension\" is not available|no_such_extension\\.control"));
		}
	}

	@Test
	void versionTheServerDoesNotHaveIsRejected() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			scenario.execute("CREATE EXTENSION hstore WITH SCHEMA ext_scenario");
			List<PgEntity> declared = PgEntities.fromSql("CREATE EXTENSION hstore VERSION '9.9';", "file ext.sql",
					SCHEMA);
			assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> scenario.check(declared))
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("ext.sql:1",
						"version '9.9' of extension hstore is not available on this server"));
		}
	}

	@Test
	void importRendersExtensionsOfTheSchemasAndTheGuardFingerprintsThem() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			String oldest = installOldestHstore(scenario);
			scenario.execute("CREATE SCHEMA ext_elsewhere; CREATE EXTENSION citext WITH SCHEMA ext_elsewhere");
			PgEntitiesEngine engine = scenario.engine();
			List<EntityDeclaration> declarations = engine.declarations();
			assertThat(declarations).extracting(EntityDeclaration::identity).containsExactly("hstore");
			List<PgEntity> imported = PgEntities.fromSql(String.join(";\n", declarations.get(0).statements()));
			assertThat(scenario.statuses(imported)).containsOnly(entry("hstore", DriftStatus.IN_SYNC));
			Analysis analysis = engine.analyze(List.of(PgExtension.of(SCHEMA, "hstore")));
			assertThat(engine.guard(analysis).objects()).singleElement()
				.satisfies((guarded) -> assertThat(guarded.identity()).isEqualTo("hstore"))
				.satisfies((guarded) -> assertThat(guarded.fingerprint()).isEqualTo(
						scenario.string("SELECT md5('ext_scenario ' || ?)", oldest)));
		}
	}

	@Test
	void declaredExtensionAndLiveEventTriggerOfTheSameNameFailTheCheck() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			scenario.execute("CREATE EXTENSION citext WITH SCHEMA ext_scenario;\n" + QUIET_FUNCTION + """
					CREATE EVENT TRIGGER citext ON ddl_command_end EXECUTE FUNCTION ext_scenario.quiet();
					""");
			List<PgEntity> declared = List.of(PgExtension.of(SCHEMA, "citext"));
			assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> scenario.engine().check(declared))
				.withMessageStartingWith("EXTENSION citext (declared in " + declared.get(0).source()
						+ ") and EVENT TRIGGER citext (in the database, in schema ext_scenario) have the same identity")
				.withMessageEndingWith("Rename the event trigger: an extension's name is that of its control file.");
			assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> scenario.engine().plan(declared))
				.withMessageContaining("EVENT TRIGGER citext (in the database");
		}
	}

	@Test
	void declaredEventTriggerAndLiveExtensionOfTheSameNameFailTheCheck() {
		try (TestDatabase database = TestDatabase.create()) {
			ConvergenceScenario scenario = ConvergenceScenario.in(database, SCHEMA, Path.of("unused"));
			scenario.execute("CREATE EXTENSION hstore WITH SCHEMA ext_scenario");
			List<PgEntity> declared = PgEntities.fromSql(QUIET_FUNCTION + """
					CREATE EVENT TRIGGER hstore ON ddl_command_end EXECUTE FUNCTION ext_scenario.quiet();
					""");
			assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(() -> scenario.engine().check(declared))
				.withMessageStartingWith("EVENT TRIGGER hstore (declared in " + declared.get(1).source()
						+ ") and EXTENSION hstore (in the database, in schema ext_scenario) have the same identity")
				.withMessageEndingWith("Rename the event trigger: an extension's name is that of its control file.");
			assertThat(scenario.string("SELECT count(*)::text FROM pg_event_trigger")).as("the check created nothing")
				.isEqualTo("0");
		}
	}

	private static String defaultVersion(ConvergenceScenario scenario, String extension) {
		return scenario.string("SELECT default_version FROM pg_available_extensions WHERE name = ?", extension);
	}

	/**
	 * Installs hstore in the scenario's schema at the oldest version the server has other than
	 * the default, for an update to the default.
	 * @return that version
	 */
	private static String installOldestHstore(ConvergenceScenario scenario) {
		String oldest = scenario.strings("""
				SELECT v.version FROM pg_available_extension_versions v
				JOIN pg_available_extensions a ON a.name = v.name
				WHERE v.name = 'hstore' AND v.version <> a.default_version
				ORDER BY string_to_array(v.version, '.')::int[] LIMIT 1""").get(0);
		scenario.execute("CREATE EXTENSION hstore WITH SCHEMA ext_scenario VERSION '" + oldest + "'");
		return oldest;
	}

}
