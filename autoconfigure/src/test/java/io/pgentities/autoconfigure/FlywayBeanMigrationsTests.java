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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.pgentities.PgView;
import io.pgentities.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlywayBeanMigrations}: generated migrations go to the first location of
 * the application's Flyway that is a directory of the project, and follow every version
 * Flyway knows, in a real generation run on PostgreSQL.
 */
class FlywayBeanMigrationsTests {

	private static final String ITEMS = "CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);";

	private final TestDatabase database = TestDatabase.create();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, PgEntitiesAutoConfiguration.class))
		.withBean(DataSource.class, this.database::dataSource)
		.withBean("itemNames", PgView.class, () -> PgView.of("public", "item_names", "SELECT id, name FROM items"))
		.withPropertyValues("pg-entities.locations=classpath:entities/none/*.sql",
				"pg-entities.generate.on-startup=true");

	@TempDir
	Path directory;

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void filesystemLocationIsTheDirectoryAsItIs() {
		assertThat(FlywayBeanMigrations.directory(new Location("filesystem:/srv/app/migrations")))
			.isEqualTo(Path.of("/srv/app/migrations"));
		assertThat(FlywayBeanMigrations.directory(new Location("filesystem:db/sql"))).isEqualTo(Path.of("db/sql"));
	}

	@Test
	void classpathLocationIsUnderTheProjectsMainResources() {
		assertThat(FlywayBeanMigrations.directory(new Location("classpath:db/flyway")))
			.isEqualTo(Path.of("src/main/resources/db/flyway"));
		assertThat(FlywayBeanMigrations.directory(new Location("db/migration")))
			.isEqualTo(Path.of("src/main/resources/db/migration"));
	}

	@Test
	void generatedMigrationGoesToTheFilesystemLocationAndFlywayAppliesIt() throws IOException {
		Path somewhere = write("somewhere", "V1__items.sql", ITEMS);
		String locations = "spring.flyway.locations=filesystem:" + somewhere;
		this.contextRunner.withPropertyValues(locations).run((context) -> assertThat(context).hasNotFailed());
		assertThat(files(somewhere)).containsExactly("V1__items.sql", "V2__pg_entities.sql");
		assertThat(somewhere.resolve("V2__pg_entities.sql")).content().contains("CREATE VIEW public.item_names");
		this.contextRunner.withPropertyValues(locations).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PgEntitiesChecker.class).lastAnalysis().report().inSync()).isTrue();
		});
		assertThat(files(somewhere)).containsExactly("V1__items.sql", "V2__pg_entities.sql");
	}

	@Test
	void generatedMigrationOfAClasspathLocationGoesUnderMainResources() throws IOException {
		Path sources = Path.of("src/main/resources/flyway");
		assertThat(sources).as("a directory this test creates and deletes").doesNotExist();
		try {
			this.contextRunner.withPropertyValues("spring.flyway.locations=classpath:flyway/items")
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(files(sources.resolve("items"))).containsExactly("V2__pg_entities.sql");
			assertThat(sources.resolve("items/V2__pg_entities.sql")).content()
				.contains("CREATE VIEW public.item_names");
		}
		finally {
			FileSystemUtils.deleteRecursively(sources);
		}
	}

	@Test
	void filesystemLocationWinsOverAClasspathOne() throws IOException {
		Path somewhere = Files.createDirectories(this.directory.resolve("somewhere"));
		this.contextRunner
			.withPropertyValues("spring.flyway.locations=classpath:flyway/items,filesystem:" + somewhere)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(files(somewhere)).containsExactly("V2__pg_entities.sql");
	}

	@Test
	void nextVersionFollowsTheVersionsOfEveryLocation() throws IOException {
		Path first = write("first", "V2__names.sql", "ALTER TABLE items ADD COLUMN note text;");
		Path second = write("second", "V5__prices.sql", "ALTER TABLE items ADD COLUMN stock integer;");
		this.contextRunner
			.withPropertyValues("spring.flyway.locations=filesystem:" + first + ",filesystem:" + second
					+ ",classpath:flyway/items")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(files(first)).containsExactly("V2__names.sql", "V6__pg_entities.sql");
		assertThat(files(second)).containsExactly("V5__prices.sql");
	}

	@Test
	void nextVersionFollowsAppliedVersionsNoLocationHoldsAnyMore() throws IOException {
		Path old = write("old", "V7__old.sql", "SELECT 1;");
		Path current = write("current", "V1__items.sql", ITEMS);
		this.contextRunner
			.withPropertyValues("spring.flyway.locations=filesystem:" + current + ",filesystem:" + old,
					"pg-entities.generate.on-startup=false")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("spring.flyway.locations=filesystem:" + current,
					"spring.flyway.validate-on-migrate=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(files(current)).containsExactly("V1__items.sql", "V8__pg_entities.sql");
	}

	@Test
	void versionsAreThoseOfEveryMigrationFlywayKnows() throws IOException {
		Path first = write("first", "V1__items.sql", ITEMS);
		Path second = write("second", "V1_5__note.sql", "ALTER TABLE items ADD COLUMN note text;");
		Files.writeString(second.resolve("R__repeatable.sql"), "SELECT 1;");
		Flyway flyway = Flyway.configure()
			.dataSource(this.database.dataSource())
			.locations("filesystem:" + first, "filesystem:" + second)
			.load();
		flyway.migrate();
		Files.writeString(second.resolve("V3__pending.sql"), "SELECT 1;");
		FlywayBeanMigrations migrations = new FlywayBeanMigrations(flyway);
		assertThat(migrations.versions()).containsExactly("1", "1.5", "3");
		assertThat(migrations.firstDirectory()).isEqualTo(first);
	}

	@Test
	void setDirectoryWinsOverFlywaysLocations() throws IOException {
		Path somewhere = write("somewhere", "V1__items.sql", ITEMS);
		Path elsewhere = this.directory.resolve("elsewhere");
		this.contextRunner
			.withPropertyValues("spring.flyway.locations=filesystem:" + somewhere,
					"pg-entities.generate.directory=" + elsewhere)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(files(elsewhere)).containsExactly("V2__pg_entities.sql");
		assertThat(files(somewhere)).containsExactly("V1__items.sql");
	}

	private Path write(String location, String file, String sql) throws IOException {
		Path directory = Files.createDirectories(this.directory.resolve(location));
		Files.writeString(directory.resolve(file), sql);
		return directory;
	}

	private static List<String> files(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
