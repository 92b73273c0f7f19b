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

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@code pg-entities.generate.on-startup}: the dev-mode loop of a
 * Spring Boot application with Flyway. The first start writes the drift as the next
 * migration; Flyway applies it on the next start, which is then in sync.
 */
@ExtendWith(OutputCaptureExtension.class)
class GenerateOnStartupIntegrationTests {

	private final TestDatabase database = TestDatabase.create();

	@TempDir
	Path migrations;

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void writesAMigrationThatFlywayAppliesOnTheNextStart(CapturedOutput output) throws IOException {
		Files.copy(new org.springframework.core.io.ClassPathResource("flyway/items/V1__items.sql").getInputStream(),
				this.migrations.resolve("V1__items.sql"));
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isFalse();
		}
		Path generated = this.migrations.resolve("V2__pg_entities.sql");
		assertThat(generated).content()
			.contains("CREATE VIEW public.item_names")
			.contains("CREATE VIEW public.expensive_items")
			.contains("FUNCTION public.total(qty integer, price numeric)");
		assertThat(output).contains("pg-entities: wrote migration " + generated)
			.contains("The plan was written to " + generated + "; restart to apply it.");
		try (ConfigurableApplicationContext context = application().run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isTrue();
		}
		assertThat(output).containsPattern("pg-entities: 3 entities in sync \\(\\d+ ms\\)")
			.contains("pg-entities: the database matches the declarations, no migration written");
		assertThat(files()).containsExactly("V1__items.sql", "V2__pg_entities.sql");
	}

	@Test
	void writesAnUndoScriptBesideTheMigrationWhenUndoIsSet() throws IOException {
		Files.copy(new org.springframework.core.io.ClassPathResource("flyway/items/V1__items.sql").getInputStream(),
				this.migrations.resolve("V1__items.sql"));
		application().properties("pg-entities.generate.undo=true").run().close();
		assertThat(files()).containsExactly("U2__pg_entities.sql", "V1__items.sql", "V2__pg_entities.sql");
		assertThat(this.migrations.resolve("U2__pg_entities.sql")).content()
			.contains("DROP VIEW public.item_names")
			.contains("DROP FUNCTION public.total(integer, numeric)");
		// Flyway's community edition leaves undo scripts alone
		try (ConfigurableApplicationContext context = application().properties("pg-entities.generate.undo=true")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isTrue();
		}
		assertThat(files()).hasSize(3);
	}

	@Test
	void writesNothingAndSaysWhyWhenNoPlanCanBeMade(CapturedOutput output) throws IOException {
		Files.copy(new org.springframework.core.io.ClassPathResource("flyway/items/V1__items.sql").getInputStream(),
				this.migrations.resolve("V1__items.sql"));
		Files.writeString(this.migrations.resolve("V2__orders.sql"), "CREATE FUNCTION total(qty integer, price numeric) RETURNS double precision LANGUAGE sql IMMUTABLE "
				+ "AS $$ SELECT (qty * price)::float8 $$;"
				+ "CREATE TABLE orders (id integer, amount double precision DEFAULT total(1, 2))");
		try (ConfigurableApplicationContext context = application().properties("pg-entities.check-on-startup=warn")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().plan().isRefused()).isTrue();
		}
		assertThat(files()).containsExactly("V1__items.sql", "V2__orders.sql");
		assertThat(output).containsPattern("WARN .* pg-entities: no migration written, because no plan can resolve "
				+ "the drift: FUNCTION public.total\\(integer, numeric\\) needs drop and create")
			.contains("default value for column amount of table public.orders depends on it")
			.contains("Write a Flyway migration by hand")
			.doesNotContain("wrote migration")
			.doesNotContain("restart to apply it");
	}

	@Test
	void writesNothingWhenInSync(CapturedOutput output) throws IOException {
		// a first start applies the declarations: generating turns the callback off
		application().properties("pg-entities.apply-on-migrate=true", "pg-entities.generate.on-startup=false",
				"spring.flyway.locations=classpath:flyway/items")
			.run()
			.close();
		try (ConfigurableApplicationContext context = application()
			.properties("spring.flyway.locations=classpath:flyway/items")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isTrue();
		}
		assertThat(files()).isEmpty();
		assertThat(output).contains("pg-entities: the database matches the declarations, no migration written");
	}

	@Test
	void writesNothingWhenNotEnabled() throws IOException {
		try (ConfigurableApplicationContext context = application().properties("pg-entities.generate.on-startup=false",
				"pg-entities.check-on-startup=warn", "spring.flyway.locations=classpath:flyway/items")
			.run()) {
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isFalse();
		}
		assertThat(files()).isEmpty();
	}

	@Test
	void underDevToolsTheEditedSourceIsGeneratedAndAStaleCopyIgnored(@TempDir Path module) throws IOException {
		Files.copy(new org.springframework.core.io.ClassPathResource("flyway/items/V1__items.sql").getInputStream(),
				this.migrations.resolve("V1__items.sql"));
		// the build copied two files; since then one was edited in the IDE and the other deleted
		Path copies = Files.createDirectories(module.resolve("target/classes/db/entities"));
		Files.writeString(copies.resolve("names.sql"), "CREATE VIEW item_names AS SELECT name FROM items;\n");
		Files.writeString(copies.resolve("gone.sql"), "CREATE VIEW gone AS SELECT * FROM no_such_table;\n");
		Path sources = Files.createDirectories(module.resolve("src/main/resources/db/entities"));
		Files.writeString(sources.resolve("names.sql"), "CREATE VIEW item_names AS SELECT id, upper(name) AS name FROM items;\n");
		try (URLClassLoader classLoader = new URLClassLoader(
				new URL[] { module.resolve("target/classes").toUri().toURL() }, getClass().getClassLoader())) {
			try (ConfigurableApplicationContext context = application()
				.resourceLoader(new DefaultResourceLoader(classLoader))
				.sources(DevToolsRestarting.class)
				.properties("pg-entities.locations=classpath*:db/entities/**/*.sql")
				.run()) {
				assertThat(context.getBean(PgEntitiesRestartTrigger.class).getDirectories()).containsExactly(sources);
			}
		}
		assertThat(this.migrations.resolve("V2__pg_entities.sql")).content()
			.contains("CREATE VIEW public.item_names")
			// PostgreSQL 16 and later leave out the table name of a single-table view's columns
			.containsPattern("upper\\((items\\.)?name\\)")
			.doesNotContain("gone");
	}

	private Stream<String> files() throws IOException {
		return Files.list(this.migrations).map((file) -> file.getFileName().toString()).sorted();
	}

	private SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(GeneratingApplication.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.user(),
					"spring.datasource.password=" + this.database.password(),
					"spring.flyway.locations=filesystem:" + this.migrations,
					"pg-entities.locations=classpath:it/entities/*.sql", "pg-entities.generate.on-startup=true",
					"pg-entities.generate.directory=" + this.migrations, "pg-entities.check-on-startup=fail");
	}

	/**
	 * What DevTools' auto-configuration provides while it restarts an application.
	 */
	@Configuration(proxyBeanMethods = false)
	static class DevToolsRestarting {

		@Bean
		FileSystemWatcherFactory fileSystemWatcherFactory() {
			return FileSystemWatcher::new;
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class GeneratingApplication {

		@Bean
		PgEntity expensiveItems() {
			return PgView.of("public", "expensive_items", "SELECT id FROM items WHERE price > 100");
		}

	}

}
