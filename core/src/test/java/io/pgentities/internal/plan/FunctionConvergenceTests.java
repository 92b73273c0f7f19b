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

import io.pgentities.DriftStatus;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgProcedure;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Convergence of plans that change functions, in place or by dropping and creating them
 * together with what depends on them.
 */
@PostgresTest
class FunctionConvergenceTests {

	private final TestDatabase database;

	FunctionConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void changedFunctionBodyIsReplacedInPlace(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_3", migrations);
		scenario.execute("""
				CREATE TABLE scenario_3.products (id integer PRIMARY KEY, price numeric(10, 2) NOT NULL);
				INSERT INTO scenario_3.products VALUES (1, 100), (2, 19.99);
				CREATE FUNCTION scenario_3.discount(p_price numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_price * 0.9 $$;
				CREATE VIEW scenario_3.discounted AS SELECT id, scenario_3.discount(price) AS price FROM scenario_3.products;
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("scenario_3", "discount(p_price numeric)",
						"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_price * 0.8 $$"),
				PgView.of("scenario_3", "discounted",
						"SELECT id, scenario_3.discount(price) AS price FROM scenario_3.products"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("scenario_3.discount(numeric)", DriftStatus.CHANGED),
				entry("scenario_3.discounted", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.startsWith("CREATE OR REPLACE FUNCTION scenario_3.discount(p_price numeric)");
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(scenario.string("SELECT price FROM scenario_3.discounted WHERE id = 1")).isEqualTo("80.000");
	}

	@Test
	void changedReturnTypeDropsAndRecreatesTheViewAndTriggerUsingTheFunction(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_4", migrations);
		scenario.execute("""
				CREATE TABLE scenario_4.products (id integer PRIMARY KEY, price numeric(10, 2) NOT NULL,
				    last_edited timestamptz);
				INSERT INTO scenario_4.products VALUES (1, 100, NULL), (2, 5, '2024-01-01 00:00:00+00');
				CREATE FUNCTION scenario_4.with_tax(p_price numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_price * 1.2 $$;
				CREATE VIEW scenario_4.gross_prices AS
				    SELECT id, scenario_4.with_tax(price) AS gross FROM scenario_4.products;
				CREATE FUNCTION scenario_4.touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.last_edited = now();
				    RETURN NEW;
				END;
				$$;
				CREATE TRIGGER expensive_touch BEFORE UPDATE ON scenario_4.products FOR EACH ROW
				    WHEN (scenario_4.with_tax(NEW.price) > 50) EXECUTE FUNCTION scenario_4.touch();
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("scenario_4", "with_tax(p_price numeric)", """
						RETURNS double precision LANGUAGE sql IMMUTABLE
						AS $$ SELECT (p_price * 1.2)::double precision $$"""),
				PgView.of("scenario_4", "gross_prices",
						"SELECT id, scenario_4.with_tax(price) AS gross FROM scenario_4.products"),
				PgFunction.of("scenario_4", "touch()", """
						RETURNS trigger LANGUAGE plpgsql AS $$
						BEGIN
						    NEW.last_edited = now();
						    RETURN NEW;
						END;
						$$"""),
				PgTrigger.of("scenario_4", "expensive_touch", "products", """
						BEFORE UPDATE ON scenario_4.products FOR EACH ROW
						WHEN (scenario_4.with_tax(NEW.price) > 50) EXECUTE FUNCTION scenario_4.touch()"""));
		assertThat(scenario.statuses(declared)).containsOnlyKeys("scenario_4.with_tax(numeric)",
				"scenario_4.gross_prices", "scenario_4.touch()", "scenario_4.products.expensive_touch")
			.containsEntry("scenario_4.with_tax(numeric)", DriftStatus.CHANGED)
			.containsEntry("scenario_4.touch()", DriftStatus.IN_SYNC)
			.hasEntrySatisfying("scenario_4.gross_prices",
					(status) -> assertThat(status).isIn(DriftStatus.IN_SYNC, DriftStatus.CHANGED))
			.hasEntrySatisfying("scenario_4.products.expensive_touch",
					(status) -> assertThat(status).isIn(DriftStatus.IN_SYNC, DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		int dropFunction = convergence.position("DROP FUNCTION scenario_4.with_tax(");
		assertThat(convergence.position("DROP VIEW scenario_4.gross_prices")).isLessThan(dropFunction);
		assertThat(convergence.position("DROP TRIGGER expensive_touch")).isLessThan(dropFunction);
		int createFunction = convergence.position("FUNCTION scenario_4.with_tax(p_price numeric)");
		assertThat(createFunction).isGreaterThan(dropFunction);
		assertThat(convergence.position("CREATE VIEW scenario_4.gross_prices")).isGreaterThan(createFunction);
		assertThat(convergence.position("CREATE TRIGGER expensive_touch")).isGreaterThan(createFunction);
		assertThat(convergence.statementsContaining("scenario_4.touch()")).as("the trigger function is kept")
			.noneMatch((statement) -> statement.startsWith("DROP"));
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(scenario.string("SELECT pg_typeof(gross)::text FROM scenario_4.gross_prices WHERE id = 1"))
			.isEqualTo("double precision");
		scenario.execute("UPDATE scenario_4.products SET price = price + 1");
		assertThat(scenario.strings("SELECT id || ':' || (last_edited IS NOT NULL) FROM scenario_4.products"
				+ " ORDER BY id")).as("the trigger fires only when the taxed price exceeds 50")
			.containsExactly("1:true", "2:true");
		assertThat(scenario.string("SELECT last_edited::text FROM scenario_4.products WHERE id = 2"))
			.startsWith("2024-01-01");
	}

	@Test
	void renamedFunctionArgumentDropsAndRecreatesTheFunctionWithItsPrivileges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_5", migrations);
		scenario.execute("""
				CREATE TABLE scenario_5.prices (id integer PRIMARY KEY, price numeric NOT NULL, discount numeric NOT NULL);
				INSERT INTO scenario_5.prices VALUES (1, 10, 3), (2, 7.5, 0);
				CREATE FUNCTION scenario_5.net_price(p_price numeric, p_discount numeric) RETURNS numeric
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_price - p_discount $$;
				REVOKE EXECUTE ON FUNCTION scenario_5.net_price(numeric, numeric) FROM PUBLIC;
				COMMENT ON FUNCTION scenario_5.net_price(numeric, numeric) IS 'Price after discount';
				CREATE VIEW scenario_5.net_prices AS
				    SELECT id, scenario_5.net_price(price, discount) AS net FROM scenario_5.prices;
				""");
		String aclBefore = scenario.string("SELECT proacl::text FROM pg_proc WHERE proname = 'net_price'");
		List<PgEntity> declared = List.of(
				PgFunction.of("scenario_5", "net_price(price numeric, discount numeric)",
						"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT price - discount $$"),
				PgView.of("scenario_5", "net_prices",
						"SELECT id, scenario_5.net_price(price, discount) AS net FROM scenario_5.prices"));
		assertThat(scenario.statuses(declared)).containsOnlyKeys("scenario_5.net_price(numeric, numeric)",
				"scenario_5.net_prices")
			.containsEntry("scenario_5.net_price(numeric, numeric)", DriftStatus.CHANGED);
		Convergence convergence = scenario.converge(declared);
		int dropFunction = convergence.position("DROP FUNCTION scenario_5.net_price(");
		assertThat(convergence.position("DROP VIEW scenario_5.net_prices")).isLessThan(dropFunction);
		int createFunction = convergence.position("FUNCTION scenario_5.net_price(price numeric, discount numeric)");
		assertThat(createFunction).isGreaterThan(dropFunction);
		assertThat(convergence.position("CREATE VIEW scenario_5.net_prices")).isGreaterThan(createFunction);
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(scenario.string("SELECT proacl::text FROM pg_proc WHERE proname = 'net_price'"))
			.isEqualTo(aclBefore);
		assertThat(scenario.string("SELECT obj_description('scenario_5.net_price(numeric, numeric)'::regprocedure,"
				+ " 'pg_proc')")).isEqualTo("Price after discount");
		assertThat(scenario.string("SELECT scenario_5.net_price(price => 10, discount => 3)")).isEqualTo("7");
	}

	@Test
	void addedOverloadIsCreatedNextToTheExistingOne(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_6", migrations);
		scenario.execute("""
				CREATE TABLE scenario_6.plots (id integer PRIMARY KEY, width integer NOT NULL, height integer NOT NULL);
				INSERT INTO scenario_6.plots VALUES (1, 3, 4);
				CREATE FUNCTION scenario_6.area(p_side integer) RETURNS integer
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_side * p_side $$;
				""");
		PgFunction square = PgFunction.of("scenario_6", "area(p_side integer)",
				"RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p_side * p_side $$");
		PgFunction rectangle = PgFunction.of("scenario_6", "area(p_width integer, p_height integer)",
				"RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p_width * p_height $$");
		List<PgEntity> declared = List.of(square, rectangle);
		assertThat(scenario.statuses(declared)).containsOnly(entry("scenario_6.area(integer)", DriftStatus.IN_SYNC),
				entry("scenario_6.area(integer, integer)", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).singleElement()
			.asString()
			.contains("FUNCTION scenario_6.area(p_width integer, p_height integer)");
		assertThat(scenario.strings("SELECT oid::regprocedure::text FROM pg_proc"
				+ " WHERE pronamespace = 'scenario_6'::regnamespace ORDER BY 1"))
			.containsExactly("scenario_6.area(integer)", "scenario_6.area(integer,integer)");
		assertThat(scenario.string("SELECT scenario_6.area(3) + scenario_6.area(3, 4)")).isEqualTo("21");
	}

	@Test
	void viewAndTheFunctionItCallsBothChanged(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_14", migrations);
		scenario.execute("""
				CREATE TABLE scenario_14.people (id integer PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL,
				    born date);
				INSERT INTO scenario_14.people VALUES (1, 'Ada', 'Lovelace', '1815-12-10'), (2, 'Alan', 'Turing', NULL);
				CREATE FUNCTION scenario_14.full_name(p_first text, p_last text) RETURNS text
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_first || ' ' || p_last $$;
				CREATE VIEW scenario_14.directory AS
				    SELECT id, scenario_14.full_name(first_name, last_name) AS name, born FROM scenario_14.people;
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("scenario_14", "full_name(p_first text, p_last text)",
						"RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT (p_last || ', ' || p_first)::varchar $$"),
				PgView.of("scenario_14", "directory", """
						SELECT id, scenario_14.full_name(first_name, last_name) AS name, upper(last_name) AS sort_key
						FROM scenario_14.people"""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_14.full_name(text, text)", DriftStatus.CHANGED),
				entry("scenario_14.directory", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		int dropFunction = convergence.position("DROP FUNCTION scenario_14.full_name(");
		assertThat(convergence.position("DROP VIEW scenario_14.directory")).isLessThan(dropFunction);
		int createFunction = convergence.position("FUNCTION scenario_14.full_name(p_first text, p_last text)");
		assertThat(createFunction).isGreaterThan(dropFunction);
		assertThat(convergence.position("CREATE VIEW scenario_14.directory")).isGreaterThan(createFunction);
		assertThat(scenario.strings("SELECT name || '|' || sort_key FROM scenario_14.directory ORDER BY id"))
			.containsExactly("Lovelace, Ada|LOVELACE", "Turing, Alan|TURING");
	}

	@Test
	void functionBodyAndViewAppendingAColumnThatCallsItBothChangeInPlace(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_14_in_place", migrations);
		scenario.execute("""
				CREATE TABLE scenario_14_in_place.people (id integer PRIMARY KEY, first_name text NOT NULL,
				    last_name text NOT NULL);
				INSERT INTO scenario_14_in_place.people VALUES (1, 'Ada', 'Lovelace');
				CREATE FUNCTION scenario_14_in_place.initials(p_first text, p_last text) RETURNS text
				    LANGUAGE sql IMMUTABLE AS $$ SELECT left(p_first, 1) || left(p_last, 1) $$;
				CREATE VIEW scenario_14_in_place.directory AS SELECT id, last_name FROM scenario_14_in_place.people;
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("scenario_14_in_place", "initials(p_first text, p_last text)", """
						RETURNS text LANGUAGE sql IMMUTABLE
						AS $$ SELECT left(p_first, 1) || '.' || left(p_last, 1) || '.' $$"""),
				PgView.of("scenario_14_in_place", "directory", """
						SELECT id, last_name, scenario_14_in_place.initials(first_name, last_name) AS initials
						FROM scenario_14_in_place.people"""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_14_in_place.initials(text, text)", DriftStatus.CHANGED),
				entry("scenario_14_in_place.directory", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(convergence.position("CREATE OR REPLACE FUNCTION scenario_14_in_place.initials"))
			.isLessThan(convergence.position("CREATE OR REPLACE VIEW scenario_14_in_place.directory"));
		assertThat(scenario.string("SELECT initials FROM scenario_14_in_place.directory")).isEqualTo("A.L.");
	}

	@Test
	void changedReturnTypeDropsAndRecreatesThePolicyUsingTheFunction(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "function_policy", migrations);
		scenario.execute("""
				CREATE TABLE function_policy.documents (id integer PRIMARY KEY, owner_name text NOT NULL);
				ALTER TABLE function_policy.documents ENABLE ROW LEVEL SECURITY;
				INSERT INTO function_policy.documents VALUES (1, 'ada');
				CREATE FUNCTION function_policy.normalized(p_name text) RETURNS text
				    LANGUAGE sql IMMUTABLE AS $$ SELECT lower(p_name) $$;
				CREATE POLICY documents_owner ON function_policy.documents FOR SELECT TO public
				    USING (function_policy.normalized(owner_name) = function_policy.normalized(current_user));
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("function_policy", "normalized(p_name text)",
						"RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT lower(p_name)::varchar $$"),
				PgPolicy.of("function_policy", "documents_owner", "documents", """
						FOR SELECT TO public
						USING (function_policy.normalized(owner_name) = function_policy.normalized(current_user))"""));
		assertThat(scenario.statuses(declared)).containsEntry("function_policy.normalized(text)", DriftStatus.CHANGED)
			.containsKey("function_policy.documents.documents_owner");
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP POLICY documents_owner"))
			.isLessThan(convergence.position("DROP FUNCTION function_policy.normalized(text)"));
		assertThat(convergence.position("CREATE POLICY documents_owner"))
			.isGreaterThan(convergence.position("FUNCTION function_policy.normalized(p_name text)"));
	}

	@Test
	void changedReturnTypeDropsAndRecreatesAFunctionWithStandardBodyCallingIt(@TempDir Path migrations) {
		assumeTrue(this.database.serverMajorVersion() >= 14, "BEGIN ATOMIC bodies came with PostgreSQL 14");
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "function_atomic", migrations);
		scenario.execute("""
				CREATE TABLE function_atomic.prices (id integer PRIMARY KEY, price numeric NOT NULL);
				INSERT INTO function_atomic.prices VALUES (1, 10);
				CREATE FUNCTION function_atomic.rate() RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT 0.2 $$;
				CREATE FUNCTION function_atomic.with_rate(p_price numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
				    BEGIN ATOMIC SELECT p_price * (1 + function_atomic.rate()); END;
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("function_atomic", "rate()",
						"RETURNS double precision LANGUAGE sql IMMUTABLE AS $$ SELECT 0.2::double precision $$"),
				PgFunction.of("function_atomic", "with_rate(p_price numeric)", """
						RETURNS numeric LANGUAGE sql IMMUTABLE
						BEGIN ATOMIC SELECT p_price * (1 + function_atomic.rate()::numeric); END"""));
		assertThat(scenario.statuses(declared)).containsOnly(entry("function_atomic.rate()", DriftStatus.CHANGED),
				entry("function_atomic.with_rate(numeric)", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP FUNCTION function_atomic.with_rate(numeric)"))
			.isLessThan(convergence.position("DROP FUNCTION function_atomic.rate()"));
		assertThat(scenario.string("SELECT function_atomic.with_rate(10)::text")).isEqualTo("12.0");
	}

	@Test
	void removedParameterDefaultDropsAndRecreatesTheFunction(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "function_default", migrations);
		scenario.execute("""
				CREATE TABLE function_default.items (id integer PRIMARY KEY, qty integer NOT NULL);
				INSERT INTO function_default.items VALUES (1, 3);
				CREATE FUNCTION function_default.scaled(p_qty integer, p_factor integer DEFAULT 2) RETURNS integer
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_qty * p_factor $$;
				CREATE FUNCTION function_default.shifted(p_qty integer, p_by integer) RETURNS integer
				    LANGUAGE sql IMMUTABLE AS $$ SELECT p_qty + p_by $$;
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("function_default", "scaled(p_qty integer, p_factor integer)",
						"RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p_qty * p_factor $$"),
				PgFunction.of("function_default", "shifted(p_qty integer, p_by integer DEFAULT 1)",
						"RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p_qty + p_by $$"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("function_default.scaled(integer, integer)", DriftStatus.CHANGED),
				entry("function_default.shifted(integer, integer)", DriftStatus.CHANGED));
		scenario.converge(declared);
		assertThat(scenario.string("SELECT pg_get_function_arguments('function_default.scaled(integer, integer)'"
				+ "::regprocedure)")).isEqualTo("p_qty integer, p_factor integer");
		assertThat(scenario.string("SELECT function_default.shifted(3)::text")).isEqualTo("4");
	}

	@Test
	void changedColumnsOfAFunctionReturningATableConverge(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "function_table", migrations);
		scenario.execute("""
				CREATE TABLE function_table.items (id integer PRIMARY KEY, name text NOT NULL, qty integer NOT NULL);
				INSERT INTO function_table.items VALUES (1, 'pen', 3);
				CREATE FUNCTION function_table.listing() RETURNS TABLE (id integer, name text)
				    LANGUAGE sql STABLE AS $$ SELECT id, name FROM function_table.items $$;
				CREATE VIEW function_table.listing_view AS SELECT * FROM function_table.listing();
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("function_table", "listing()", """
						RETURNS TABLE (id integer, name text, qty integer)
						LANGUAGE sql STABLE AS $$ SELECT id, name, qty FROM function_table.items $$"""),
				PgView.of("function_table", "listing_view", "SELECT * FROM function_table.listing()"));
		assertThat(scenario.statuses(declared)).containsEntry("function_table.listing()", DriftStatus.CHANGED);
		scenario.converge(declared);
		assertThat(scenario.string("SELECT name || ':' || qty FROM function_table.listing_view")).isEqualTo("pen:3");
	}

	@Test
	void renamedProcedureArgumentConverges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "procedure_rename", migrations);
		scenario.execute("""
				CREATE TABLE procedure_rename.accounts (id integer PRIMARY KEY, balance integer NOT NULL);
				INSERT INTO procedure_rename.accounts VALUES (1, 10);
				CREATE PROCEDURE procedure_rename.deposit(p_id integer, p_amount integer) LANGUAGE sql
				    AS $$ UPDATE procedure_rename.accounts SET balance = balance + p_amount WHERE id = p_id $$;
				""");
		List<PgEntity> declared = List.of(PgProcedure.of("procedure_rename", "deposit(account integer, amount integer)",
				"""
						LANGUAGE sql
						AS $$ UPDATE procedure_rename.accounts SET balance = balance + amount WHERE id = account $$"""));
		assertThat(scenario.statuses(declared))
			.containsOnly(entry("procedure_rename.deposit(integer, integer)", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		// PostgreSQL 14 started printing the IN of procedure arguments
		String arguments = (this.database.serverMajorVersion() >= 14) ? "IN account integer, IN amount integer"
				: "account integer, amount integer";
		int create = convergence.position("PROCEDURE procedure_rename.deposit(" + arguments + ")");
		assertThat(convergence.position("DROP PROCEDURE procedure_rename.deposit(integer, integer)")).isLessThan(create);
		scenario.execute("CALL procedure_rename.deposit(amount => 5, account => 1)");
		assertThat(scenario.string("SELECT balance::text FROM procedure_rename.accounts")).isEqualTo("15");
	}

	@Test
	void securityAndSettingsOfAFunctionConvergeBothWays(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "function_settings", migrations);
		scenario.execute("""
				CREATE TABLE function_settings.items (id integer PRIMARY KEY);
				INSERT INTO function_settings.items VALUES (1);
				CREATE FUNCTION function_settings.guarded() RETURNS integer LANGUAGE sql STABLE
				    AS $$ SELECT count(*)::integer FROM function_settings.items $$;
				CREATE FUNCTION function_settings.relaxed() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
				    SET search_path = pg_catalog, pg_temp SET work_mem = '8MB'
				    AS $$ SELECT 1 $$;
				""");
		List<PgEntity> declared = List.of(PgFunction.of("function_settings", "guarded()", """
				RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
				AS $$ SELECT count(*)::integer FROM function_settings.items $$"""),
				PgFunction.of("function_settings", "relaxed()",
						"RETURNS integer LANGUAGE sql STABLE AS $$ SELECT 1 $$"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("function_settings.guarded()", DriftStatus.CHANGED),
				entry("function_settings.relaxed()", DriftStatus.CHANGED));
		scenario.converge(declared);
		assertThat(scenario.strings("SELECT proname || ':' || prosecdef || ':' || coalesce(proconfig::text, '-')"
				+ " FROM pg_proc WHERE pronamespace = 'function_settings'::regnamespace ORDER BY 1"))
			.containsExactly("guarded:true:{\"search_path=pg_catalog, pg_temp\"}", "relaxed:false:-");
	}

}
