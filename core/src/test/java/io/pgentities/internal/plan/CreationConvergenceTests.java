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

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.pgentities.DriftStatus;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgMaterializedView;
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

/**
 * Convergence of plans that create entities in a database that has none of them yet.
 */
@PostgresTest
class CreationConvergenceTests {

	private final TestDatabase database;

	CreationConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void oneEntityOfEachKindIsCreatedFromNothing(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_1", migrations);
		scenario.execute("""
				CREATE TABLE scenario_1.accounts (id integer PRIMARY KEY, owner_name text NOT NULL,
				    balance numeric(12, 2) NOT NULL DEFAULT 0, last_edited timestamptz);
				ALTER TABLE scenario_1.accounts ENABLE ROW LEVEL SECURITY;
				INSERT INTO scenario_1.accounts VALUES (1, 'alice', 100, NULL), (2, 'bob', 250.50, NULL),
				    (3, 'alice', 10, '2024-01-01 00:00:00+00');
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("scenario_1", "with_interest(p_balance numeric, p_rate numeric)", """
						RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p_balance * (1 + p_rate) $$"""),
				PgFunction.of("scenario_1", "touch()", """
						RETURNS trigger LANGUAGE plpgsql AS $$
						BEGIN
						    NEW.last_edited = now();
						    RETURN NEW;
						END;
						$$"""),
				PgProcedure.of("scenario_1", "deposit(p_id integer, p_amount numeric)", """
						LANGUAGE plpgsql AS $$
						BEGIN
						    UPDATE scenario_1.accounts SET balance = balance + p_amount WHERE id = p_id;
						END;
						$$"""),
				PgView.of("scenario_1", "projected_balances", """
						SELECT id, owner_name, scenario_1.with_interest(balance, 0.05) AS projected
						FROM scenario_1.accounts"""),
				PgMaterializedView
					.of("scenario_1", "balance_totals",
							"SELECT owner_name, sum(balance) AS total FROM scenario_1.accounts GROUP BY owner_name")
					.withIndex("CREATE UNIQUE INDEX balance_totals_owner ON balance_totals (owner_name)"),
				PgTrigger.of("scenario_1", "accounts_touch", "accounts",
						"BEFORE UPDATE ON scenario_1.accounts FOR EACH ROW EXECUTE FUNCTION scenario_1.touch()"),
				PgPolicy.of("scenario_1", "accounts_owner", "accounts",
						"AS PERMISSIVE FOR SELECT TO public USING (owner_name = current_user)"));
		assertThat(scenario.statuses(declared)).containsOnlyKeys(identities(declared))
			.allSatisfy((identity, status) -> assertThat(status).isEqualTo(DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(convergence.position("balance_totals_owner"))
			.isGreaterThan(convergence.position("CREATE MATERIALIZED VIEW"));
		assertThat(convergence.position("with_interest")).isLessThan(convergence.position("projected_balances"));
		assertThat(convergence.position("touch()")).isLessThan(convergence.position("accounts_touch"));
		assertThat(scenario.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'scenario_1'"
				+ " AND tablename = 'balance_totals'")).containsExactly("balance_totals_owner");
		assertThat(scenario.strings("SELECT owner_name || '=' || total FROM scenario_1.balance_totals ORDER BY 1"))
			.containsExactly("alice=110.00", "bob=250.50");
		assertThat(scenario.string("SELECT projected FROM scenario_1.projected_balances WHERE id = 1"))
			.isEqualTo("105.0000");
	}

	@Test
	void seedTutorialEntitiesAreCreatedFromNothingInOnePlan(@TempDir Path migrations) throws Exception {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "public", migrations);
		scenario.execute(seedTutorial("TABLES"));
		scenario.execute("""
				INSERT INTO customers (customer_name) VALUES ('Ada'), ('Grace');
				INSERT INTO products (product_name, description, price) VALUES ('pen', 'blue', 1.50), ('book', NULL, 12);
				INSERT INTO orders (customer_id, order_date) VALUES (1, '2024-05-01 10:00:00+00'),
				    (2, '2024-05-02 11:00:00+00');
				INSERT INTO order_products VALUES (1, 1, 3), (1, 2, 1), (2, 2, 2);
				INSERT INTO tags (tag_name) VALUES ('office');
				INSERT INTO product_tags VALUES (1, 1);
				""");
		List<PgEntity> declared = seedTutorial("ENTITIES");
		assertThat(scenario.statuses(declared)).containsOnlyKeys("public.order_line_items",
				"public.timestamp_update_on_edit()", "public.products.timestamp_update_apply_products_trigger")
			.allSatisfy((identity, status) -> assertThat(status).isEqualTo(DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(convergence.plan().statements()).hasSize(3);
		assertThat(convergence.position("FUNCTION public.timestamp_update_on_edit()"))
			.isLessThan(convergence.position("TRIGGER timestamp_update_apply_products_trigger"));
		assertThat(scenario.strings("SELECT product_name || ':' || order_price FROM public.order_line_items"
				+ " ORDER BY order_id, product_id")).containsExactly("pen:4.50", "book:12.00", "book:24.00");
	}

	@Test
	void functionBodyWithPlaceholderLikeTextGoesThroughFlywayUnchanged(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_19", migrations);
		scenario.execute("""
				CREATE TABLE scenario_19.templates (id integer PRIMARY KEY, body text NOT NULL);
				INSERT INTO scenario_19.templates VALUES (1, 'Dear ${name}');
				""");
		List<PgEntity> declared = List.of(PgFunction.of("scenario_19", "render(p_template text)", """
				RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
				BEGIN
				    -- ${not_a_placeholder} is literal text, not a Flyway placeholder
				    RETURN replace(p_template, '${not_a_placeholder}', 'value');
				END;
				$$"""));
		assertThat(scenario.statuses(declared)).containsExactly(
				entry("scenario_19.render(text)", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		Path configuration = convergence.file().resolveSibling(convergence.file().getFileName() + ".conf");
		assertThat(configuration).exists();
		assertThat(ConvergenceScenario.read(configuration)).contains("placeholderReplacement=false");
		assertThat(scenario.string("SELECT prosrc FROM pg_proc WHERE proname = 'render'"
				+ " AND pronamespace = 'scenario_19'::regnamespace"))
			.contains("-- ${not_a_placeholder} is literal text")
			.contains("replace(p_template, '${not_a_placeholder}', 'value')");
		assertThat(scenario.string("SELECT scenario_19.render('a ${not_a_placeholder} b')")).isEqualTo("a value b");
	}

	@Test
	void planWithoutPlaceholderLikeTextHasNoFlywayConfiguration(@TempDir Path migrations) throws Exception {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_19_plain", migrations);
		scenario.execute("""
				CREATE TABLE scenario_19_plain.templates (id integer PRIMARY KEY, body text NOT NULL);
				INSERT INTO scenario_19_plain.templates VALUES (1, 'Dear');
				""");
		Convergence convergence = scenario.converge(List.of(PgFunction.of("scenario_19_plain", "render()",
				"RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'plain' $$")));
		try (var files = Files.list(migrations)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactly(convergence.file().getFileName().toString());
		}
	}

	private static String[] identities(List<PgEntity> entities) {
		return entities.stream().map(PgEntity::identity).toArray(String[]::new);
	}

	/**
	 * Reads a constant of the package-private {@code io.pgentities.SeedTutorial}, so that the
	 * tutorial's model is declared once.
	 */
	@SuppressWarnings("unchecked")
	private static <T> T seedTutorial(String constant) throws ReflectiveOperationException {
		Field field = Class.forName("io.pgentities.SeedTutorial").getDeclaredField(constant);
		field.setAccessible(true);
		return (T) field.get(null);
	}

}
