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
import java.util.UUID;

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityRejectedException;
import io.pgentities.PgEntities;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of declared owners and privileges ({@code GRANT}, {@code REVOKE},
 * {@code ALTER ... OWNER TO} in entity files, {@code withGrant}/{@code withOwner} on
 * factories): compared only where declared, planned as {@code GRANT}/{@code REVOKE}.
 */
@PostgresTest
class DeclaredAccessConvergenceTests {

	private final TestDatabase database;

	private final String reader = uniqueRoleName();

	private final String auditor = uniqueRoleName();

	DeclaredAccessConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void createRoles() {
		this.database.execute("CREATE ROLE " + this.reader + " NOLOGIN; CREATE ROLE " + this.auditor + " NOLOGIN");
	}

	@AfterEach
	void dropRoles() {
		for (String role : List.of(this.reader, this.auditor)) {
			try {
				this.database.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
			}
			catch (RuntimeException ex) {
				// already gone
			}
		}
	}

	@Test
	void missingGrantIsDriftAndIsGranted(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_1", migrations);
		List<PgEntity> declared = List.of(PgView.of("access_1", "totals", "SELECT id, amount FROM access_1.orders")
			.withGrant("SELECT", this.reader));
		EntityDrift drift = scenario.check(declared).entities().get(0);
		assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
		assertThat(drift.diff()).contains("+GRANT SELECT ON TABLE access_1.totals TO " + this.reader);
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements())
			.containsExactly("GRANT SELECT ON TABLE access_1.totals TO " + this.reader);
		assertThat(scenario.string("SELECT has_table_privilege('" + this.reader + "', 'access_1.totals', 'SELECT')"))
			.isEqualTo("t");
	}

	@Test
	void extraGrantIsDriftAndIsRevoked(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_2", migrations);
		scenario.execute("GRANT SELECT, UPDATE ON access_2.totals TO " + this.reader + ", " + this.auditor);
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW access_2.totals AS SELECT id, amount FROM access_2.orders;
				GRANT SELECT ON access_2.totals TO %s;
				""".formatted(this.reader));
		EntityDrift drift = scenario.check(declared).entities().get(0);
		assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
		assertThat(drift.diff()).contains("-GRANT SELECT ON TABLE access_2.totals TO " + this.auditor)
			.contains("-GRANT UPDATE ON TABLE access_2.totals TO " + this.reader);
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactlyInAnyOrder(
				"REVOKE SELECT ON TABLE access_2.totals FROM " + this.auditor,
				"REVOKE UPDATE ON TABLE access_2.totals FROM " + this.auditor,
				"REVOKE UPDATE ON TABLE access_2.totals FROM " + this.reader);
		assertThat(scenario.string("SELECT has_table_privilege('" + this.auditor + "', 'access_2.totals', 'SELECT')"))
			.isEqualTo("f");
	}

	@Test
	void grantsWrittenDifferentlyAreInSync(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_3", migrations);
		scenario.execute("GRANT SELECT ON access_3.totals TO " + this.reader + "; GRANT SELECT ON access_3.totals TO "
				+ this.auditor);
		List<PgEntity> declared = PgEntities.fromSql("""
				create view access_3.totals as select id, amount from access_3.orders;
				grant select on table access_3.totals to %s, %s;
				""".formatted(this.auditor, this.reader));
		assertThat(scenario.statuses(declared)).containsOnly(entry("access_3.totals", DriftStatus.IN_SYNC));
		assertThat(scenario.engine().plan(declared).isEmpty()).isTrue();
	}

	@Test
	void undeclaredGrantsAreIgnoredWhenNoneAreDeclared(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_4", migrations);
		scenario.execute("GRANT SELECT ON access_4.totals TO " + this.reader + "; ALTER VIEW access_4.totals OWNER TO "
				+ this.auditor);
		List<PgEntity> declared = List.of(PgView.of("access_4", "totals", "SELECT id, amount FROM access_4.orders"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("access_4.totals", DriftStatus.IN_SYNC));
	}

	@Test
	void changedOwnerIsDriftAndIsSet(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_5", migrations);
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW access_5.totals AS SELECT id, amount FROM access_5.orders;
				ALTER VIEW access_5.totals OWNER TO %s;
				""".formatted(this.auditor));
		EntityDrift drift = scenario.check(declared).entities().get(0);
		assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
		assertThat(drift.diff()).contains("+ALTER VIEW access_5.totals OWNER TO " + this.auditor);
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements())
			.containsExactly("ALTER VIEW access_5.totals OWNER TO " + this.auditor);
		assertThat(scenario.string("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'access_5.totals'::regclass"))
			.isEqualTo(this.auditor);
	}

	@Test
	void revokedPublicExecuteOfFunctionIsCompared(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_6", migrations);
		scenario.execute("CREATE FUNCTION access_6.double(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x * 2'");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION access_6.double(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x * 2';
				REVOKE EXECUTE ON FUNCTION access_6.double(integer) FROM PUBLIC;
				GRANT EXECUTE ON FUNCTION access_6.double TO %s;
				""".formatted(this.reader));
		assertThat(scenario.statuses(declared)).contains(entry("access_6.double(integer)", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactly(
				"REVOKE EXECUTE ON FUNCTION access_6.double(integer) FROM PUBLIC",
				"GRANT EXECUTE ON FUNCTION access_6.double(integer) TO " + this.reader);
	}

	@Test
	void ownerAndPrivilegesDeclaredTogetherConverge(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_10", migrations);
		scenario.execute("CREATE FUNCTION access_10.half(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x / 2'");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION access_10.half(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x / 2';
				ALTER FUNCTION access_10.half(integer) OWNER TO %1$s;
				REVOKE ALL ON FUNCTION access_10.half(integer) FROM PUBLIC;
				GRANT EXECUTE ON FUNCTION access_10.half(integer) TO %2$s WITH GRANT OPTION;
				""".formatted(this.auditor, this.reader));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactly(
				"ALTER FUNCTION access_10.half(integer) OWNER TO " + this.auditor,
				"REVOKE EXECUTE ON FUNCTION access_10.half(integer) FROM PUBLIC",
				"GRANT EXECUTE ON FUNCTION access_10.half(integer) TO " + this.reader + " WITH GRANT OPTION");
		assertThat(scenario.string("SELECT has_function_privilege('" + this.reader
				+ "', 'access_10.half(integer)', 'EXECUTE WITH GRANT OPTION')"))
			.isEqualTo("t");
	}

	@Test
	void viewRecreatedForChangedFunctionEndsWithDeclaredGrants(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_7", migrations);
		scenario.execute("""
				CREATE FUNCTION access_7.tax(amount numeric) RETURNS numeric LANGUAGE sql AS 'SELECT amount * 0.2';
				CREATE VIEW access_7.taxed AS SELECT id, access_7.tax(amount) AS tax FROM access_7.orders;
				GRANT SELECT ON access_7.taxed TO %s;
				""".formatted(this.auditor));
		List<PgEntity> declared = List.of(
				PgFunction.of("access_7", "tax(amount numeric)", "RETURNS double precision LANGUAGE sql AS "
						+ "'SELECT (amount * 0.2)::double precision'"),
				PgView.of("access_7", "taxed", "SELECT id, access_7.tax(amount) AS tax FROM access_7.orders")
					.withGrant("SELECT", this.reader));
		assertThat(scenario.statuses(declared)).contains(entry("access_7.tax(numeric)", DriftStatus.CHANGED),
				entry("access_7.taxed", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP VIEW access_7.taxed"))
			.isLessThan(convergence.position("DROP FUNCTION access_7.tax(numeric)"));
		assertThat(convergence.statementsContaining("GRANT"))
			.as("declared privileges are set, not the old ones given back")
			.containsExactly("GRANT SELECT ON TABLE access_7.taxed TO " + this.reader);
		assertThat(scenario.string("SELECT has_table_privilege('" + this.reader + "', 'access_7.taxed', 'SELECT')"))
			.isEqualTo("t");
		assertThat(scenario.string("SELECT has_table_privilege('" + this.auditor + "', 'access_7.taxed', 'SELECT')"))
			.isEqualTo("f");
	}

	@Test
	void columnGrantsOnMaterializedViewAreCompared(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_9", migrations);
		scenario.execute("""
				CREATE MATERIALIZED VIEW access_9.big AS SELECT id, amount FROM access_9.orders WHERE amount > 100;
				GRANT SELECT (id, amount) ON access_9.big TO %s;
				""".formatted(this.reader));
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW access_9.big AS SELECT id, amount FROM access_9.orders WHERE amount > 100;
				GRANT SELECT (id) ON access_9.big TO %s;
				GRANT SELECT ON access_9.big TO %s;
				""".formatted(this.reader, this.auditor));
		EntityDrift drift = scenario.check(declared)
			.entities()
			.stream()
			.filter((entity) -> entity.identity().equals("access_9.big"))
			.findFirst()
			.orElseThrow();
		assertThat(drift.status()).isEqualTo(DriftStatus.CHANGED);
		assertThat(drift.diff()).contains("-GRANT SELECT (amount) ON TABLE access_9.big TO " + this.reader)
			.contains("+GRANT SELECT ON TABLE access_9.big TO " + this.auditor);
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).containsExactly(
				"REVOKE SELECT (amount) ON TABLE access_9.big FROM " + this.reader,
				"GRANT SELECT ON TABLE access_9.big TO " + this.auditor);
		assertThat(scenario.string("SELECT has_column_privilege('" + this.reader + "', 'access_9.big', 'amount', "
				+ "'SELECT')"))
			.isEqualTo("f");
	}

	@Test
	void grantToMissingRoleIsRejectedNamingTheRole(@TempDir Path migrations) {
		ConvergenceScenario scenario = scenario("access_8", migrations);
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW access_8.totals AS SELECT id, amount FROM access_8.orders;
				GRANT SELECT ON access_8.totals TO pge_no_such_role;
				""");
		assertThatExceptionOfType(EntityRejectedException.class).isThrownBy(() -> scenario.check(declared))
			.withMessageContaining("access_8.totals")
			.withMessageContaining("pge_no_such_role");
	}

	private ConvergenceScenario scenario(String schema, Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, schema, migrations);
		scenario.execute("""
				CREATE TABLE %1$s.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
				INSERT INTO %1$s.orders VALUES (1, 120), (2, 30);
				CREATE VIEW %1$s.totals AS SELECT id, amount FROM %1$s.orders;
				""".formatted(schema));
		return scenario;
	}

	private static String uniqueRoleName() {
		return "pge_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
