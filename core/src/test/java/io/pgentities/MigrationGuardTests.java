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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link MigrationGuard}.
 */
@PostgresTest
class MigrationGuardTests {

	private final TestDatabase database;

	MigrationGuardTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void migrationAppliedToTheDatabaseItWasGeneratedFromPassesTheGuard(@TempDir Path directory) throws Exception {
		String schema = liveSchema("passes");
		List<PgEntity> declared = declared(schema);
		Path file = generate(schema, declared, directory);

		assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("DO $pg_entities_guard$");
		migrate(directory, schema);

		assertThat(engine(schema).check(declared).inSync()).isTrue();
		assertThat(queryString("SELECT count(*) FROM " + schema + "_history.flyway_schema_history WHERE version = '1' AND success"))
			.isEqualTo("1");
	}

	@Test
	void migrationFailsNamingTheObjectChangedByHandSinceAndChangesNothing(@TempDir Path directory) throws Exception {
		String schema = liveSchema("changed");
		generate(schema, declared(schema), directory);
		this.database.execute("CREATE OR REPLACE FUNCTION " + schema
				+ ".total(quantity integer) RETURNS integer LANGUAGE sql AS $$ SELECT quantity * 3 $$");

		assertThatException().isThrownBy(() -> migrate(directory, schema))
			.withStackTraceContaining("pg-entities: the database changed since this migration was generated: FUNCTION "
					+ schema + ".total(integer)");

		assertThat(queryString("SELECT pg_get_viewdef('" + schema + ".report'::regclass)")).doesNotContain("AS two");
		assertThat(queryString("SELECT count(*) FROM pg_class WHERE relname = 'old_report' AND relnamespace = '" + schema
				+ "'::regnamespace")).isEqualTo("1");
		assertThat(queryString("SELECT count(*) FROM pg_class WHERE relname = 'fresh' AND relnamespace = '" + schema
				+ "'::regnamespace")).isEqualTo("0");
		assertThat(queryString("SELECT count(*) FROM " + schema + "_history.flyway_schema_history WHERE version = '1' AND success"))
			.isEqualTo("0");
	}

	@Test
	void migrationFailsWhenAnObjectItCreatesWasCreatedByHandSince(@TempDir Path directory) {
		String schema = liveSchema("created");
		generate(schema, declared(schema), directory);
		this.database.execute("CREATE VIEW " + schema + ".fresh AS SELECT 3 AS three");

		assertThatException().isThrownBy(() -> migrate(directory, schema))
			.withStackTraceContaining("generated: VIEW " + schema + ".fresh");
		assertThat(queryString("SELECT pg_get_viewdef('" + schema + ".fresh'::regclass)")).contains("three");
	}

	@Test
	void guardChecksTheTriggersAndPoliciesItReplaces(@TempDir Path directory) {
		String schema = liveSchema("dependents");
		generate(schema, declared(schema), directory);
		this.database.execute("DROP POLICY own_items ON " + schema + ".items; CREATE POLICY own_items ON " + schema
				+ ".items USING (id > 100)");
		this.database.execute("DROP TRIGGER touch ON " + schema + ".items; CREATE TRIGGER touch AFTER INSERT ON "
				+ schema + ".items FOR EACH ROW EXECUTE FUNCTION " + schema + ".touch()");

		assertThatException().isThrownBy(() -> migrate(directory, schema))
			.withStackTraceContaining("TRIGGER " + schema + ".items.touch")
			.withStackTraceContaining("POLICY " + schema + ".items.own_items");
	}

	@Test
	void guardChecksADependentThePlanDropsAndCreatesAgain(@TempDir Path directory) {
		this.database.execute("""
				CREATE SCHEMA recreated;
				CREATE VIEW recreated.base AS SELECT 1 AS one, 'x'::text AS description;
				CREATE VIEW recreated.dependent AS SELECT one FROM recreated.base;
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW recreated.base AS SELECT 1 AS one;
				CREATE VIEW recreated.dependent AS SELECT one FROM recreated.base;
				""");
		PgEntitiesEngine engine = engine("recreated");
		Analysis analysis = engine.analyze(declared);

		assertThat(engine.guard(analysis).objects()).extracting(MigrationGuard.GuardedObject::identity)
			.containsExactlyInAnyOrder("recreated.base", "recreated.dependent");
		new FlywayMigrationWriter(directory).withGuard(engine.guard(analysis)).write(analysis.plan(), "guarded");
		this.database.execute("CREATE OR REPLACE VIEW recreated.dependent AS SELECT one, 2 AS two FROM recreated.base");
		assertThatException().isThrownBy(() -> migrate(directory, "recreated"))
			.withStackTraceContaining("generated: VIEW recreated.dependent");
	}

	@Test
	void guardChecksTheAggregatesItReplaces(@TempDir Path directory) {
		this.database.execute("CREATE SCHEMA aggregates; CREATE AGGREGATE aggregates.total(integer) "
				+ "(SFUNC = int4pl, STYPE = integer, INITCOND = '0')");
		PgEntitiesEngine engine = engine("aggregates");
		String declared = "CREATE AGGREGATE aggregates.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '%s')";
		Analysis first = engine.analyze(PgEntities.fromSql(declared.formatted("1")));
		assertThat(engine.guard(first).objects()).singleElement()
			.satisfies((object) -> assertThat(object.fingerprint()).isNotNull());
		new FlywayMigrationWriter(directory).withGuard(engine.guard(first)).write(first.plan(), "guarded");
		migrate(directory, "aggregates");

		Analysis second = engine.analyze(PgEntities.fromSql(declared.formatted("2")));
		new FlywayMigrationWriter(directory).withGuard(engine.guard(second)).write(second.plan(), "guarded again");
		this.database.execute("CREATE OR REPLACE AGGREGATE aggregates.total(integer) "
				+ "(SFUNC = int4pl, STYPE = integer, INITCOND = '3')");
		assertThatException().isThrownBy(() -> migrate(directory, "aggregates"))
			.withStackTraceContaining("generated: AGGREGATE aggregates.total(integer)");
	}

	@Test
	void guardIsEmptyWhenThePlanIs() {
		String schema = liveSchema("insync");
		PgEntitiesEngine engine = engine(schema);
		List<PgEntity> live = PgEntities.fromSql(liveDefinitions(schema));

		MigrationGuard guard = engine.guard(engine.analyze(live.stream()
			.filter((entity) -> entity.kind() != EntityKind.MATERIALIZED_VIEW)
			.toList()));

		assertThat(guard.isEmpty()).isTrue();
		assertThat(guard.toSql()).isEmpty();
	}

	private String liveSchema(String schema) {
		this.database.execute("CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".items (id integer);"
				+ liveDefinitions(schema));
		return schema;
	}

	private static String liveDefinitions(String schema) {
		return """
				CREATE FUNCTION %1$s.total(quantity integer) RETURNS integer LANGUAGE sql AS $$ SELECT quantity * 2 $$;
				CREATE FUNCTION %1$s.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				CREATE VIEW %1$s.report AS SELECT 1 AS one;
				CREATE VIEW %1$s.old_report AS SELECT 1 AS one;
				CREATE TRIGGER touch BEFORE INSERT ON %1$s.items FOR EACH ROW EXECUTE FUNCTION %1$s.touch();
				CREATE POLICY own_items ON %1$s.items USING (id > 0);
				""".formatted(schema);
	}

	private static List<PgEntity> declared(String schema) {
		return PgEntities.fromSql("""
				CREATE FUNCTION %1$s.total(quantity integer) RETURNS integer LANGUAGE sql AS $$ SELECT quantity * 4 $$;
				CREATE FUNCTION %1$s.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				CREATE VIEW %1$s.report AS SELECT 1 AS one, 2 AS two;
				CREATE VIEW %1$s.fresh AS SELECT 1 AS one;
				CREATE TRIGGER touch BEFORE INSERT OR UPDATE ON %1$s.items FOR EACH ROW EXECUTE FUNCTION %1$s.touch();
				CREATE POLICY own_items ON %1$s.items USING (id > 1);
				""".formatted(schema));
	}

	private PgEntitiesEngine engine(String schema) {
		return PgEntitiesEngine.builder(this.database.dataSource()).schemas(schema).dropUndeclared(true).build();
	}

	private Path generate(String schema, List<PgEntity> declared, Path directory) {
		PgEntitiesEngine engine = engine(schema);
		Analysis analysis = engine.analyze(declared);
		return new FlywayMigrationWriter(directory).withGuard(engine.guard(analysis))
			.write(analysis.plan(), "guarded")
			.orElseThrow();
	}

	private void migrate(Path locations, String schema) {
		Flyway.configure()
			.dataSource(this.database.jdbcUrl(), this.database.user(), this.database.password())
			.locations("filesystem:" + locations.toAbsolutePath())
			.schemas(schema + "_history")
			.load()
			.migrate();
	}

	private String queryString(String sql) {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
