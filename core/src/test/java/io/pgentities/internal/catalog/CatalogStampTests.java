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
package io.pgentities.internal.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CatalogStampReader}: every committed change of a definition changes the
 * stamp, and work that changes no definition leaves it as it was.
 */
@PostgresTest
class CatalogStampTests {

	private static final AtomicInteger schemas = new AtomicInteger();

	private final TestDatabase database;

	private final String schema = "stamp_" + schemas.incrementAndGet();

	private final String role = this.schema + "_" + ProcessHandle.current().pid();

	CatalogStampTests(TestDatabase database) {
		this.database = database;
		database.execute(("CREATE SCHEMA %s; CREATE TABLE %s.items (id integer PRIMARY KEY, qty integer, price integer);"
				+ " CREATE VIEW %s.v AS SELECT id, qty FROM %s.items; CREATE SEQUENCE %s.counter;"
				+ " CREATE FUNCTION %s.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';"
				+ " CREATE FUNCTION %s.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'")
			.replace("%s", this.schema));
	}

	@AfterEach
	void dropRoles() {
		this.database.execute("DROP ROLE IF EXISTS " + this.role + "; DROP ROLE IF EXISTS " + this.role + "_renamed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE VIEW %s.w AS SELECT 1 AS one",
			"CREATE OR REPLACE VIEW %s.v AS SELECT id, qty + 0 AS qty FROM %s.items", "DROP VIEW %s.v",
			"COMMENT ON VIEW %s.v IS 'counted'", "GRANT SELECT ON %s.v TO PUBLIC",
			"ALTER FUNCTION %s.f() SET search_path = pg_catalog", "DROP FUNCTION %s.f()",
			"ALTER TABLE %s.items ALTER COLUMN price TYPE bigint", "ALTER TABLE %s.items ENABLE ROW LEVEL SECURITY",
			"CREATE POLICY p ON %s.items USING (true)",
			"CREATE TRIGGER t BEFORE INSERT ON %s.items FOR EACH ROW EXECUTE FUNCTION %s.touch()",
			"CREATE INDEX ON %s.items (qty)", "CREATE TYPE %s.mood AS ENUM ('ok')",
			"ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT SELECT ON TABLES TO PUBLIC",
			"ALTER SEQUENCE %s.counter INCREMENT BY 2", "ALTER SCHEMA %s RENAME TO %s_renamed" })
	void committedChangeOfADefinitionChangesTheStamp(String change) {
		CatalogStamp before = stamp();
		this.database.execute(change.replace("%s", this.schema));
		assertThat(stamp()).isNotEqualTo(before);
	}

	@Test
	void rolesAndTheirMembershipsChangeTheStamp() {
		CatalogStamp before = stamp();
		this.database.execute("CREATE ROLE " + this.role);
		CatalogStamp created = stamp();
		assertThat(created).isNotEqualTo(before);
		this.database.execute("GRANT " + this.role + " TO CURRENT_USER");
		CatalogStamp granted = stamp();
		assertThat(granted).isNotEqualTo(created);
		this.database.execute("REVOKE " + this.role + " FROM CURRENT_USER; ALTER ROLE " + this.role + " RENAME TO "
				+ this.role + "_renamed");
		assertThat(stamp()).isNotEqualTo(granted);
	}

	@Test
	void roleWithoutPrivilegesReadsTheStamp() throws SQLException {
		this.database.execute("CREATE ROLE " + this.role);
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			CatalogStamp own = CatalogStampReader.read(connection);
			statement.execute("SET ROLE " + this.role);
			CatalogStamp unprivileged = CatalogStampReader.read(connection);
			assertThat(unprivileged.value()).hasSize(32);
			assertThat(unprivileged).as("the current user is part of the stamp").isNotEqualTo(own);
		}
	}

	@Test
	void sessionSettingsThatChangePrintingAndTheTemporarySchemaChangeTheStamp() throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			CatalogStamp before = CatalogStampReader.read(connection);
			statement.execute("SET TimeZone = 'Asia/Tokyo'");
			CatalogStamp zoned = CatalogStampReader.read(connection);
			assertThat(zoned).isNotEqualTo(before);
			statement.execute("SET quote_all_identifiers = on");
			CatalogStamp quoting = CatalogStampReader.read(connection);
			assertThat(quoting).isNotEqualTo(zoned);
			statement.execute("CREATE TEMPORARY TABLE scratch (id integer)");
			CatalogStamp temporary = CatalogStampReader.read(connection);
			assertThat(temporary).isNotEqualTo(quoting);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "INSERT INTO %s.items VALUES (1, 1, 1)", "UPDATE %s.items SET qty = 2",
			"ANALYZE %s.items", "VACUUM %s.items", "SELECT nextval('%s.counter')",
			"SELECT pg_get_viewdef('%s.v'::regclass)",
			"CREATE VIEW %s.w AS SELECT 1 AS one; DROP VIEW %s.w" })
	void workThatChangesNoDefinitionKeepsTheStamp(String work) {
		assertUnchangedBy(() -> this.database.execute(work.replace("%s", this.schema)));
	}

	@Test
	void rolledBackChangeKeepsTheStamp() {
		assertUnchangedBy(() -> {
			try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute("CREATE VIEW " + this.schema + ".w AS SELECT 1 AS one");
				statement.execute("ALTER TABLE " + this.schema + ".items ALTER COLUMN price TYPE bigint");
				connection.rollback();
			}
		});
	}

	@Test
	void fullCheckKeepsTheStamp() {
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		List<PgView> declared = List.of(PgView.of(this.schema, "v", "SELECT id, qty + 1 AS qty FROM " + this.schema
				+ ".items"), PgView.of(this.schema, "w", "SELECT id FROM " + this.schema + ".items"));
		assertUnchangedBy(() -> assertThat(engine.check(declared).inSync()).isFalse());
	}

	/**
	 * The server is shared with other test classes, whose roles are part of the stamp: the work
	 * must leave the stamp unchanged in one of a few attempts.
	 */
	private void assertUnchangedBy(Work work) {
		List<String> changed = new ArrayList<>();
		for (int attempt = 0; attempt < 5; attempt++) {
			CatalogStamp before = stamp();
			try {
				work.run();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			CatalogStamp after = stamp();
			if (after.equals(before)) {
				return;
			}
			changed.add(before.value() + " -> " + after.value());
		}
		throw new AssertionError("The stamp changed every time: " + changed);
	}

	private CatalogStamp stamp() {
		try (Connection connection = this.database.connect()) {
			return CatalogStampReader.read(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Work {

		void run() throws SQLException;

	}

}
