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
package io.pgentities.autoconfigure;

import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.Hazard;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.PlanHazardException;
import io.pgentities.PlanRefusedException;
import io.pgentities.PlannedStatement;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Integration tests for {@code pg-entities.apply-on-migrate}: a Spring Boot application
 * whose Flyway migration creates a table gets the views and functions declared on it,
 * at startup and whenever it migrates again.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplyOnMigrateIntegrationTests {

	private final TestDatabase database = TestDatabase.create();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void appliesTheDeclarationsAfterTheMigrationsOfStartup(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(AppliedApplication.class).run()) {
			PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
			assertThat(checker.lastAnalysis().report().inSync()).isTrue();
			assertThat(checker.lastAnalysis().report().entities()).extracting(EntityDrift::identity)
				.containsExactlyInAnyOrder("public.item_names", "public.expensive_items",
						"public.total(integer, numeric)");
		}
		assertThat(output).contains("pg-entities: applied 3 statements after migrate:")
			.containsPattern("pg-entities: 3 entities in sync \\(\\d+ ms\\)")
			.doesNotContain("differ from the database");
		this.database.execute("INSERT INTO items VALUES (1, 'one', 150)");
		this.database.execute("SELECT * FROM expensive_items, item_names, total(2, 3)");
	}

	@Test
	void appliesAgainWhenTheApplicationMigrates(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(AppliedApplication.class).run()) {
			this.database.execute("DROP VIEW expensive_items; CREATE OR REPLACE VIEW item_names AS SELECT id, name, "
					+ "price FROM items");
			PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
			assertThat(checker.analyze().report().entities()).extracting(EntityDrift::status)
				.contains(DriftStatus.MISSING, DriftStatus.CHANGED);
			context.getBean(Flyway.class).migrate();
			assertThat(checker.analyze().report().inSync()).isTrue();
		}
		assertThat(output.toString().split("pg-entities: applied ", -1)).hasSize(3);
	}

	@Test
	void appliesWhenTheApplicationMigratesItself(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(SelfMigratingApplication.class)
			.properties("pg-entities.check-on-startup=off")
			.run()) {
			PgEntitiesChecker checker = context.getBean(PgEntitiesChecker.class);
			assertThat(output).doesNotContain("after migrate");
			context.getBean(Flyway.class).migrate();
			assertThat(checker.analyze().report().inSync()).isTrue();
		}
		assertThat(output).contains("pg-entities: applied 3 statements after migrate:");
	}

	@Test
	void failsTheMigrationWithTheRefusalWhenNoPlanCanBeMade(CapturedOutput output) {
		this.database.execute("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, "
				+ "price numeric(10, 2) NOT NULL DEFAULT 0);"
				+ "CREATE FUNCTION total(qty integer, price numeric) RETURNS double precision LANGUAGE sql IMMUTABLE "
				+ "AS $$ SELECT (qty * price)::float8 $$;"
				+ "CREATE TABLE orders (id integer, amount double precision DEFAULT total(1, 2))");
		Throwable failure = catchThrowable(() -> application(AppliedApplication.class)
			.properties("spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=1")
			.run());
		PlanRefusedException refused = deepestCause(failure, PlanRefusedException.class);
		assertThat(refused).as("the migrate fails with the refusal").isNotNull();
		assertThat(refused.getRefusal().identity()).isEqualTo("public.total(integer, numeric)");
		assertThat(refused.getMessage()).contains("default value for column amount of table public.orders")
			.contains("Write a Flyway migration by hand");
		assertThat(new JdbcTemplate(this.database.dataSource())
			.queryForObject("SELECT pg_get_function_result('total(integer, numeric)'::regprocedure)", String.class))
			.as("nothing was applied")
			.isEqualTo("double precision");
		String analysis = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(analysis).contains("No plan can bring the database to the declared entities: FUNCTION "
				+ "public.total(integer, numeric) needs drop and create")
			.contains("Write a Flyway migration by hand")
			.contains("set pg-entities.apply-on-migrate=false");
	}

	@Test
	void failsTheMigrationWhenThePlanHasHazardsThatAreNotAllowed(CapturedOutput output) {
		createTotalWithADependentView();
		Throwable failure = catchThrowable(() -> application(AppliedApplication.class)
			.properties("spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=1",
					"pg-entities.allowed-hazards=runs-query,changes-access")
			.run());
		PlanHazardException refused = deepestCause(failure, PlanHazardException.class);
		assertThat(refused).as("the migrate fails with the hazards").isNotNull();
		assertThat(refused.getStatements()).extracting(PlannedStatement::sql)
			.containsExactly("DROP VIEW public.item_totals");
		assertThat(refused.getAllowed()).containsExactly(Hazard.RUNS_QUERY, Hazard.CHANGES_ACCESS);
		assertThat(totalResultType()).as("nothing was applied").isEqualTo("double precision");
		String analysis = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(analysis).contains("pg-entities did not apply the plan for the declared entities: 1 statement has "
				+ "hazards that pg-entities.allowed-hazards does not allow (drops-dependent):")
			.contains("VIEW public.item_totals: DROPS_DEPENDENT in DROP VIEW public.item_totals")
			.contains("pg-entities.allowed-hazards=drops-dependent,runs-query,changes-access");
	}

	@Test
	void appliesAPlanWhoseHazardsAreAllowed(CapturedOutput output) {
		createTotalWithADependentView();
		try (ConfigurableApplicationContext context = application(AppliedApplication.class)
			.properties("spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=1")
			.run()) {
			// the view that reads total() is reported, but nothing declares it
			assertThat(context.getBean(PgEntitiesChecker.class).analyze().report().drifted())
				.extracting(EntityDrift::identity, EntityDrift::status)
				.containsExactly(tuple("public.item_totals", DriftStatus.UNDECLARED));
		}
		assertThat(totalResultType()).isEqualTo("numeric");
		assertThat(output).contains("pg-entities: applied").contains("DROP VIEW public.item_totals;");
		this.database.execute("SELECT * FROM item_totals");
	}

	/**
	 * A database made before the declarations: {@code total} returns another type, and an
	 * undeclared view reads it, so the plan drops and recreates the view ({@code DROPS_DEPENDENT}).
	 */
	private void createTotalWithADependentView() {
		this.database.execute("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, "
				+ "price numeric(10, 2) NOT NULL DEFAULT 0);"
				+ "CREATE FUNCTION total(qty integer, price numeric) RETURNS double precision LANGUAGE sql IMMUTABLE "
				+ "AS $$ SELECT (qty * price)::float8 $$;"
				+ "CREATE VIEW item_totals AS SELECT id, total(1, price) AS total FROM items");
	}

	private static <T extends Throwable> @Nullable T deepestCause(Throwable failure, Class<T> type) {
		T found = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				found = type.cast(cause);
			}
		}
		return found;
	}

	private String totalResultType() {
		return new JdbcTemplate(this.database.dataSource())
			.queryForObject("SELECT pg_get_function_result('total(integer, numeric)'::regprocedure)", String.class);
	}

	@Test
	void doesNotApplyByDefault(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(AppliedApplication.class)
			.properties("pg-entities.apply-on-migrate=false")
			.run()) {
			assertThat(context.getBeansOfType(PgEntitiesFlywayCallback.class)).isEmpty();
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isFalse();
		}
		assertThat(output).doesNotContain("after migrate");
	}

	private SpringApplicationBuilder application(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password(),
					"spring.flyway.locations=classpath:flyway/items", "pg-entities.locations=classpath:it/entities/*.sql",
					"pg-entities.apply-on-migrate=true");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class AppliedApplication {

		@Bean
		PgEntity expensiveItems() {
			return PgView.of("public", "expensive_items", "SELECT id FROM items WHERE price > 100");
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SelfMigratingApplication extends AppliedApplication {

		@Bean
		FlywayMigrationStrategy doNotMigrateAtStartup() {
			return (flyway) -> {
			};
		}

	}

}
