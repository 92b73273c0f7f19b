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
package io.pgentities.reliability;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.pgentities.DriftReport;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for what the database role of a check needs, as the threat model states it: a
 * role that is no superuser and owns nothing can check with {@code CREATE} on the
 * database, and without it fails with PostgreSQL's message, changing nothing.
 */
@PostgresTest
class RolePrivilegeTests {

	private static final String SUFFIX = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private static final String CHECKER = "pge_checker_" + SUFFIX;

	private static final String READER = "pge_reader_" + SUFFIX;

	private static final String PASSWORD = "pge-" + SUFFIX;

	private final TestDatabase database;

	RolePrivilegeTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createSchemaAndRoles(TestDatabase database) {
		database.execute("""
				CREATE SCHEMA privileged;
				CREATE TABLE privileged.accounts (id integer PRIMARY KEY, owner_name text NOT NULL,
				    last_edited timestamptz);
				CREATE FUNCTION privileged.touch() RETURNS trigger LANGUAGE plpgsql
				    AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$;
				CREATE VIEW privileged.names AS SELECT id, owner_name FROM privileged.accounts;
				CREATE TRIGGER touch BEFORE UPDATE ON privileged.accounts
				    FOR EACH ROW EXECUTE FUNCTION privileged.touch();
				CREATE POLICY own ON privileged.accounts USING (owner_name = current_user);
				""");
		for (String role : List.of(CHECKER, READER)) {
			database.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER PASSWORD '" + PASSWORD + "';"
					+ "GRANT USAGE ON SCHEMA privileged TO " + role + ";"
					+ "GRANT SELECT ON privileged.accounts TO " + role);
		}
		database.execute("GRANT CREATE ON DATABASE \"" + database.name() + "\" TO " + CHECKER);
	}

	@AfterAll
	static void dropRoles(TestDatabase database) {
		for (String role : List.of(CHECKER, READER)) {
			database.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
		}
	}

	private static List<PgEntity> declared() {
		return List.of(
				PgFunction.of("privileged", "touch()",
						"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.last_edited = now(); RETURN NEW; END $$"),
				PgView.of("privileged", "names", "SELECT id, owner_name FROM privileged.accounts"),
				PgTrigger.of("privileged", "touch", "accounts",
						"BEFORE UPDATE ON privileged.accounts FOR EACH ROW EXECUTE FUNCTION privileged.touch()"),
				PgPolicy.of("privileged", "own", "accounts", "USING (owner_name = current_user)"));
	}

	@Test
	void roleWithCreateOnTheDatabaseAndNoOwnershipCanCheck() {
		String before = fingerprint();
		DriftReport report = PgEntitiesEngine.create(dataSource(CHECKER)).check(declared());
		assertThat(report.drifted()).isEmpty();
		assertThat(report.entities()).hasSize(4);
		assertThat(fingerprint()).isEqualTo(before);
		assertThat(CatalogFingerprint.scratchSchemas(this.database.dataSource())).isZero();
	}

	@Test
	void roleWithoutCreateOnTheDatabaseFailsWithPostgresMessageAndChangesNothing() {
		String before = fingerprint();
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> PgEntitiesEngine.create(dataSource(READER)).check(declared()))
			.withMessageContaining("permission denied for database");
		assertThat(fingerprint()).isEqualTo(before);
	}

	private DataSource dataSource(String role) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.database.jdbcUrl());
		dataSource.setUser(role);
		dataSource.setPassword(PASSWORD);
		return dataSource;
	}

	private String fingerprint() {
		return CatalogFingerprint.of(this.database.dataSource(), "privileged.accounts");
	}

}
