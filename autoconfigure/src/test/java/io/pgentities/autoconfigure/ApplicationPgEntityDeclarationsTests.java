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
import java.util.List;
import java.util.Set;

import io.pgentities.InvalidDeclarationException;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ApplicationPgEntityDeclarations}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationPgEntityDeclarationsTests {

	private static final String DEFAULT_LOCATION = new PgEntitiesProperties().getLocations().get(0);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner();

	@Test
	void collectsEntityBeansWithTheirBeanNamesAsSources() {
		this.contextRunner.withUserConfiguration(EntityBeansConfiguration.class)
			.run((context) -> assertThat(sources(declarations(context, List.of()))).containsExactlyInAnyOrder(
					"VIEW public.item_names <- bean 'itemNames'",
					"FUNCTION public.total(integer, numeric) <- bean 'total'"));
	}

	@Test
	void collectsTheElementsOfCollectionBeans() {
		this.contextRunner.withUserConfiguration(CollectionBeansConfiguration.class)
			.run((context) -> assertThat(sources(declarations(context, List.of()))).containsExactlyInAnyOrder(
					"VIEW public.a <- bean 'entities'", "FUNCTION public.f() <- bean 'entities'",
					"VIEW public.b <- bean 'views'", "VIEW public.c <- bean 'views'",
					"FUNCTION public.g() <- bean 'functions'"));
	}

	@Test
	void collectsOnlyTheBeansQualifiedForADataSource() {
		this.contextRunner.withUserConfiguration(QualifiedBeansConfiguration.class).run((context) -> {
			// the bean factory, as auto-configuration is given, knows the qualifiers of @Bean methods
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			List<PgEntity> reporting = new ApplicationPgEntityDeclarations(beanFactory,
					(bean) -> ApplicationPgEntityDeclarations.isQualified(beanFactory, bean, "reporting"), context,
					List.of(), "public", false)
				.entities();
			assertThat(sources(reporting)).containsExactlyInAnyOrder("VIEW public.reports <- bean 'reports'",
					"VIEW public.b <- bean 'reportViews'");
			assertThat(ApplicationPgEntityDeclarations.entityBeanNames(beanFactory)).containsExactly("items",
					"reports", "reportViews");
			assertThat(ApplicationPgEntityDeclarations.isQualified(beanFactory, "items", "main")).isTrue();
			assertThat(ApplicationPgEntityDeclarations.isQualified(beanFactory, "items", "reporting")).isFalse();
		});
	}

	@Test
	void readsClasspathFilesWithPathsRelativeToTheClasspathRoot() {
		this.contextRunner.run((context) -> assertThat(
				sources(declarations(context, List.of("classpath*:entities/declarations/**/*.sql"))))
			.containsExactly("FUNCTION public.total(integer, numeric) <- file entities/declarations/functions.sql:1",
					"VIEW public.item_names <- file entities/declarations/views.sql:2",
					"VIEW app.item_ids <- file entities/declarations/views.sql:5"));
	}

	@Test
	void readsEachFileOnceWhenLocationsOverlap() {
		this.contextRunner.run((context) -> assertThat(declarations(context,
				List.of("classpath:entities/declarations/views.sql", "classpath*:entities/declarations/*.sql")))
			.hasSize(3));
	}

	@Test
	void readsTheDefaultLocationFromEveryClasspathRoot(@TempDir Path root) throws IOException {
		Path file = root.resolve("db/entities/reports/views.sql");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "\n\nCREATE VIEW reports.daily AS SELECT 1 AS one;\n");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader)
				.run((context) -> assertThat(sources(declarations(context, List.of(DEFAULT_LOCATION))))
					.containsExactly("VIEW reports.daily <- file db/entities/reports/views.sql:3"));
		}
	}

	@Test
	void readsFilesFromTheFileSystem(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("views.sql");
		Files.writeString(file, "CREATE VIEW v AS SELECT 1 AS one;\n");
		this.contextRunner.run((context) -> assertThat(
				sources(declarations(context, List.of(directory.toUri().toString() + "*.sql"))))
			.containsExactly("VIEW public.v <- file " + file.toAbsolutePath().toString().replace('\\', '/') + ":1"));
	}

	@Test
	void readsFilesUnderTheWorkingDirectoryWithRelativePaths() {
		this.contextRunner.run((context) -> assertThat(
				sources(declarations(context, List.of("file:src/test/resources/entities/declarations/functions.sql"))))
			.containsExactly(
					"FUNCTION public.total(integer, numeric) <- file src/test/resources/entities/declarations/functions.sql:1"));
	}

	@Test
	void ignoresLocationsThatMatchNothing() {
		this.contextRunner.run((context) -> assertThat(
				declarations(context, List.of("classpath*:nothing/here/**/*.sql", "file:does-not-exist/*.sql", " ")))
			.isEmpty());
	}

	@Test
	void readsUnqualifiedNamesIntoTheDefaultSchema() {
		this.contextRunner.run((context) -> assertThat(new ApplicationPgEntityDeclarations(context, context,
				List.of("classpath:entities/declarations/functions.sql"), "app")
			.entities()).singleElement().satisfies((entity) -> assertThat(entity.schema()).isEqualTo("app")));
	}

	@Test
	void rejectsFilesThatDoMoreThanDeclare() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidDeclarationException.class)
			.isThrownBy(() -> declarations(context, List.of("classpath:entities/invalid/insert.sql")))
			.satisfies((ex) -> assertThat(ex.getSourceName()).isEqualTo("file entities/invalid/insert.sql")));
	}

	@Test
	void rejectsAnEntityDeclaredByABeanAndAFile() {
		this.contextRunner.withUserConfiguration(EntityBeansConfiguration.class)
			.run((context) -> assertThatExceptionOfType(InvalidDeclarationException.class)
				.isThrownBy(() -> declarations(context, List.of("classpath:entities/declarations/views.sql")))
				.withMessage("file entities/declarations/views.sql:2: VIEW public.item_names is declared twice: in "
						+ "bean 'itemNames' and in file entities/declarations/views.sql:2")
				.satisfies((ex) -> {
					assertThat(ex.getSourceName()).isEqualTo("file entities/declarations/views.sql");
					assertThat(ex.getLine()).isEqualTo(2);
				}));
	}

	@Test
	void rejectsAViewAndAMaterializedViewOfOneName() {
		this.contextRunner
			.withBean("view", PgView.class, () -> PgView.of("public", "item_names", "SELECT 1 AS one"))
			.withBean("materialized", PgEntity.class,
					() -> io.pgentities.PgMaterializedView.of("public", "item_names", "SELECT 1 AS one"))
			.run((context) -> assertThatExceptionOfType(PgEntitiesException.class)
				.isThrownBy(() -> declarations(context, List.of()))
				.withMessageContaining("is declared twice: in bean '")
				.withMessageContaining("(as "));
	}

	@Test
	void aCopyWhoseSourceWasDeletedCountsWithAWarningNamingIt(@TempDir Path module, CapturedOutput output)
			throws IOException {
		URL root = buildOutput(module);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root }, getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader)
				.run((context) -> assertThat(sources(declarations(context, List.of(DEFAULT_LOCATION))))
					.containsExactly("VIEW public.deleted <- file db/entities/deleted.sql:1",
							"VIEW public.kept <- file db/entities/kept.sql:1"));
		}
		assertThat(output).contains("pg-entities: entity file db/entities/deleted.sql at "
				+ module.resolve("target/classes/db/entities/deleted.sql") + " is a stale copy: its source "
				+ module.resolve("src/main/resources/db/entities/deleted.sql") + " no longer exists");
	}

	@Test
	void inDevelopmentFilesAreReadFromTheirSourcesAndStaleCopiesIgnored(@TempDir Path module, CapturedOutput output)
			throws IOException {
		URL root = buildOutput(module);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { root }, getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader).run((context) -> {
				List<PgEntity> entities = new ApplicationPgEntityDeclarations(context, context,
						List.of(DEFAULT_LOCATION), "public", true)
					.entities();
				assertThat(sources(entities)).containsExactly("VIEW public.kept <- file db/entities/kept.sql:2");
				assertThat(((PgView) entities.get(0)).query()).contains("2 AS edited");
			});
		}
		assertThat(output).contains("pg-entities: ignoring entity file db/entities/deleted.sql at "
				+ module.resolve("target/classes/db/entities/deleted.sql") + ": its source "
				+ module.resolve("src/main/resources/db/entities/deleted.sql") + " no longer exists");
	}

	/**
	 * A module built before an edit and a deletion: {@code kept.sql} was edited in the
	 * source tree, {@code deleted.sql} deleted from it, and the build output still has
	 * the copies of both as they were.
	 */
	private static URL buildOutput(Path module) throws IOException {
		Path copies = Files.createDirectories(module.resolve("target/classes/db/entities"));
		Files.writeString(copies.resolve("kept.sql"), "CREATE VIEW kept AS SELECT 1 AS original;\n");
		Files.writeString(copies.resolve("deleted.sql"), "CREATE VIEW deleted AS SELECT 1 AS one;\n");
		Path sources = Files.createDirectories(module.resolve("src/main/resources/db/entities"));
		Files.writeString(sources.resolve("kept.sql"), "-- edited\nCREATE VIEW kept AS SELECT 2 AS edited;\n");
		return module.resolve("target/classes").toUri().toURL();
	}

	private static List<PgEntity> declarations(org.springframework.context.ApplicationContext context,
			List<String> locations) {
		return new ApplicationPgEntityDeclarations(context, context, locations, "public").entities();
	}

	private static List<String> sources(List<PgEntity> entities) {
		return entities.stream()
			.map((entity) -> entity.kind().sqlName() + " " + entity.identity() + " <- " + entity.source())
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class EntityBeansConfiguration {

		@Bean
		PgView itemNames() {
			return PgView.of("public", "item_names", "SELECT name FROM items");
		}

		@Bean
		PgEntity total() {
			return PgFunction.of("public", "total(qty integer, price numeric)",
					"RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT qty * price $$");
		}

		@Bean
		List<String> notEntities() {
			return List.of("CREATE VIEW x AS SELECT 1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedBeansConfiguration {

		@Bean
		@Qualifier("main")
		PgView items() {
			return PgView.of("public", "items", "SELECT 1 AS one");
		}

		@Bean
		@Qualifier("reporting")
		PgView reports() {
			return PgView.of("public", "reports", "SELECT 1 AS one");
		}

		@Bean
		@Qualifier("reporting")
		List<PgView> reportViews() {
			return List.of(PgView.of("public", "b", "SELECT 1 AS one"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CollectionBeansConfiguration {

		@Bean
		List<PgEntity> entities() {
			return List.of(PgView.of("public", "a", "SELECT 1 AS one"),
					PgFunction.of("public", "f()", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"));
		}

		@Bean
		List<PgView> views() {
			return List.of(PgView.of("public", "b", "SELECT 1 AS one"), PgView.of("public", "c", "SELECT 1 AS one"));
		}

		@Bean
		Set<PgFunction> functions() {
			return Set.of(PgFunction.of("public", "g()", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"));
		}

	}

}
