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
package io.pgentities.internal.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import io.pgentities.EntityDrift;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgFunction;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link IdentityResolver}, through {@link PgEntitiesEngine#resolveIdentity(String)}.
 */
@PostgresTest
class IdentityResolverTests {

	private final TestDatabase database;

	IdentityResolverTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createTypes(TestDatabase database) {
		database.execute("""
				CREATE SCHEMA app;
				CREATE DOMAIN app.amount AS numeric(12, 2);
				CREATE TYPE public.mood AS ENUM ('sad', 'happy');
				CREATE TABLE public.items (id integer PRIMARY KEY);
				""");
	}

	@Test
	void unqualifiedNameIsInTheDefaultSchemaAndAliasesResolve() {
		assertThat(resolve("f(int)")).containsExactly("public.f(integer)");
		assertThat(resolve("public.f(int4)")).containsExactly("public.f(integer)");
	}

	@Test
	void everyArgumentTypeIsResolvedAsIdentitiesPrintIt() {
		assertThat(resolve("public.f(integer,timestamptz)"))
			.containsExactly("public.f(integer, timestamp with time zone)");
		assertThat(resolve("Public.F(VARCHAR(10)[], decimal(10, 2), bool, float8, double precision, int[], text)"))
			.containsExactly("public.f(character varying[], numeric, boolean, double precision, double precision, "
					+ "integer[], text)");
	}

	@Test
	void argumentNamesAndDefaultsAreLeftOut() {
		assertThat(resolve("f(p_id int, p_note text DEFAULT 'x')")).containsExactly("public.f(integer, text)");
	}

	@Test
	void typesOutsidePgCatalogPrintQualifiedAsIdentitiesDo() {
		assertThat(resolve("f(app.amount, mood)")).containsExactly("public.f(app.amount, public.mood)");
	}

	@Test
	void resolvedIdentityEqualsTheOneAReportPrints() {
		this.database.execute("CREATE FUNCTION app.classify(m mood, a app.amount, at timestamptz) RETURNS int "
				+ "LANGUAGE sql AS $$ SELECT 1 $$");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas("app").build();
		List<String> reported = engine.check(List.of()).entities().stream().map(EntityDrift::identity).toList();
		assertThat(reported).contains(engine.resolveIdentity("app.classify(mood, app.amount, timestamptz)").get(0));
		this.database.execute("DROP FUNCTION app.classify(mood, app.amount, timestamptz)");
	}

	@Test
	void unknownTypeIsKeptAsWritten() {
		assertThat(resolve("f(no_such_type, int)")).containsExactly("public.f(no_such_type, integer)");
	}

	@Test
	void textThatIsNoTypeNameIsKeptAndTheRestStillResolves() {
		assertThat(resolve("f(int, 1 + 2)")).containsExactly("public.f(integer, 1 + 2)");
	}

	@Test
	void quotedNamesKeepTheirCase() {
		assertThat(resolve("\"My Schema\".\"Odd Fn\"(int)")).containsExactly("\"My Schema\".\"Odd Fn\"(integer)");
		assertThat(resolve("\"Report\"")).containsExactly("public.\"Report\"", "\"Report\"");
	}

	@Test
	void namesWithoutArgumentsAreViewsTriggersPoliciesOrExtensions() {
		assertThat(resolve("Item_Names")).containsExactly("public.item_names", "item_names");
		assertThat(resolve("app.item_names")).containsExactly("app.item_names", "public.app.item_names");
		assertThat(resolve("public.products.audit")).containsExactly("public.products.audit");
	}

	@Test
	void emptyArgumentListStaysEmpty() {
		assertThat(resolve("public.touch()")).containsExactly("public.touch()");
	}

	@Test
	void textThatIsNoIdentityIsReturnedAsWritten() {
		assertThat(resolve(" f( ")).containsExactly("f(");
		assertThat(resolve("a.b.c.d")).containsExactly("a.b.c.d");
		assertThat(resolve("public.")).containsExactly("public.");
	}

	@Test
	void moreArgumentsThanARoutineCanHaveAreNotResolved() {
		String arguments = String.join(",", Collections.nCopies(101, "int"));
		assertThat(resolve("f(" + arguments + ")")).containsExactly("f(" + arguments + ")");
	}

	@Test
	void defaultSchemaOfTheEngineApplies() {
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).defaultSchema("app").build();
		assertThat(engine.resolveIdentity("f(amount)")).containsExactly("app.f(app.amount)");
	}

	@Test
	void resolvingNeedsNoLockOnTablesAndLeavesNoTransactionOpen() throws Exception {
		try (Connection writer = this.database.connect()) {
			writer.setAutoCommit(false);
			try (Statement statement = writer.createStatement()) {
				statement.execute("LOCK TABLE public.items IN ACCESS EXCLUSIVE MODE");
			}
			PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
				.lockTimeout(Duration.ofSeconds(2))
				.build();
			assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> engine.resolveIdentity("f(mood, int)")))
				.containsExactly("public.f(public.mood, integer)");
			writer.rollback();
		}
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
						+ "WHERE datname = current_database() AND state LIKE 'idle in transaction%'")) {
			result.next();
			assertThat(result.getInt(1)).isZero();
		}
	}

	@Test
	void argumentTextIsBoundNeverExecuted() {
		assertThat(resolve("f(int'); DROP TABLE public.items; --')"))
			.containsExactly("public.f('); DROP TABLE public.items; --')");
		this.database.execute("SELECT 1 FROM public.items");
	}

	private List<String> resolve(String identity) {
		return PgEntitiesEngine.create(this.database.dataSource()).resolveIdentity(identity);
	}

}
