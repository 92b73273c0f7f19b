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

import java.nio.file.Path;

import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Integration tests for the startup check of a Spring Boot application with Flyway on a
 * real PostgreSQL: {@code warn} logs the drift Flyway's migrations leave,
 * {@code fail} stops the application with a failure analysis.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupCheckIntegrationTests {

	private static final String IN_SYNC_WITH_LEGACY_OBJECTS = """
			CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10, 2) NOT NULL DEFAULT 0);
			CREATE VIEW item_names AS SELECT id, name FROM items;
			CREATE VIEW expensive_items AS SELECT id FROM items WHERE price > 100;
			CREATE FUNCTION total(qty integer, price numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
			    AS $$ SELECT qty * price $$;
			CREATE FUNCTION legacy_double(value numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
			    AS $$ SELECT value * 2 $$;
			CREATE VIEW legacy_totals AS SELECT id, legacy_double(price) AS doubled FROM items;
			""";

	private final TestDatabase database = TestDatabase.create();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void warnLogsTheDriftedEntitiesAndStarts(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application("pg-entities.check-on-startup=warn").run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isFalse();
		}
		assertThat(output).containsPattern("WARN .* pg-entities: 3 of 3 entities differ from the database")
			.contains("MISSING VIEW public.item_names (declared in file it/entities/items.sql:2)")
			.contains("MISSING FUNCTION public.total(integer, numeric) (declared in file it/entities/items.sql:5)")
			.contains("MISSING VIEW public.expensive_items (declared in bean 'expensiveItems')")
			.contains("CREATE VIEW public.item_names")
			.contains("pg-entities.generate.on-startup=true");
	}

	@Test
	void warnLogsOneLineWhenInSync(CapturedOutput output) {
		this.database.execute("""
				CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10, 2) NOT NULL DEFAULT 0);
				CREATE VIEW item_names AS SELECT id, name FROM items;
				CREATE VIEW expensive_items AS SELECT id FROM items WHERE price > 100;
				CREATE FUNCTION total(qty integer, price numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
				    AS $$ SELECT qty * price $$;
				""");
		try (ConfigurableApplicationContext context = application("spring.flyway.baseline-on-migrate=true",
				"spring.flyway.baseline-version=1")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isTrue();
		}
		assertThat(output).containsPattern("INFO .* pg-entities: 3 entities in sync \\(\\d+ ms\\)")
			.doesNotContain("differ from the database");
	}

	@Test
	void failStopsTheApplicationWithAFailureAnalysis(CapturedOutput output) {
		this.database.execute("""
				CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10, 2) NOT NULL DEFAULT 0);
				CREATE VIEW item_names AS SELECT id FROM items;
				CREATE VIEW leftover AS SELECT 1 AS one;
				""");
		assertThatException().isThrownBy(() -> application("pg-entities.check-on-startup=fail",
				"spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=1")
			.run()).isInstanceOf(PgEntitiesDriftException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database differs from the declared entities and pg-entities.check-on-startup is 'fail'.")
			.contains("CHANGED VIEW public.item_names (declared in file it/entities/items.sql:2):")
			.contains("+++ declared")
			.contains("MISSING FUNCTION public.total(integer, numeric) (declared in file it/entities/items.sql:5)")
			.contains("MISSING VIEW public.expensive_items (declared in bean 'expensiveItems')")
			.contains("UNDECLARED VIEW public.leftover (in the database, declared nowhere)")
			.contains("Action:")
			.contains("Run the application once with pg-entities.generate.on-startup=true to write a Flyway migration")
			.contains("or set pg-entities.apply-on-migrate=true");
	}

	@Test
	void failPassesWhenTheObjectsNothingDeclaresAreIgnored(CapturedOutput output) {
		this.database.execute(IN_SYNC_WITH_LEGACY_OBJECTS);
		try (ConfigurableApplicationContext context = application("pg-entities.check-on-startup=fail",
				"pg-entities.ignore=public.legacy_*", "spring.flyway.baseline-on-migrate=true",
				"spring.flyway.baseline-version=1")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().entities())
				.extracting("identity")
				.containsExactlyInAnyOrder("public.item_names", "public.expensive_items", "public.total(integer, numeric)");
		}
		assertThat(output).containsPattern("INFO .* pg-entities: 3 entities in sync").doesNotContain("legacy");
	}

	@Test
	void adviceOnUndeclaredObjectsNamesIgnoreAndDropUndeclaredButNotGenerationThatIsOn(@TempDir Path migrations,
			CapturedOutput output) {
		this.database.execute(IN_SYNC_WITH_LEGACY_OBJECTS);
		try (ConfigurableApplicationContext context = application("pg-entities.generate.on-startup=true",
				"pg-entities.generate.directory=" + migrations, "spring.flyway.baseline-on-migrate=true",
				"spring.flyway.baseline-version=1")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().drifted()).hasSize(2);
		}
		assertThat(migrations).isEmptyDirectory();
		assertThat(output).contains("UNDECLARED VIEW public.legacy_totals (in the database, declared nowhere)")
			.contains("2 objects in the database are declared by nothing: declare them, list them in "
					+ "pg-entities.ignore to leave them alone (for example "
					+ "pg-entities.ignore=public.legacy_double,public.legacy_totals), or set "
					+ "pg-entities.drop-undeclared=true to drop them.")
			.doesNotContain("generate.on-startup=true")
			.doesNotContain("apply-on-migrate=true");
	}

	@Test
	void checksAfterFlywayWithLazyInitialization(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application("spring.main.lazy-initialization=true").run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().drifted()).hasSize(3);
		}
		assertThat(output).contains("pg-entities: 3 of 3 entities differ from the database")
			.doesNotContain("rejected");
	}

	@Test
	void offDoesNotCheck(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application("pg-entities.check-on-startup=off").run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis()).isNull();
		}
		assertThat(output).doesNotContain("pg-entities:");
	}

	@Test
	void backsOffEntirelyWhenDisabled(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application("pg-entities.enabled=false",
				"pg-entities.check-on-startup=fail")
			.run()) {
			assertThat(context.getBeansOfType(PgEntitiesChecker.class)).isEmpty();
		}
		assertThat(output).doesNotContain("pg-entities:");
	}

	private SpringApplicationBuilder application(String... properties) {
		return new SpringApplicationBuilder(CheckedApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password(),
					"spring.flyway.locations=classpath:flyway/items", "pg-entities.locations=classpath:it/entities/*.sql")
			.properties(properties);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CheckedApplication {

		@Bean
		PgEntity expensiveItems() {
			return PgView.of("public", "expensive_items", "SELECT id FROM items WHERE price > 100");
		}

	}

}
