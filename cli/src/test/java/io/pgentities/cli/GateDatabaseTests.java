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
package io.pgentities.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link GateDatabase}: the embedded PostgreSQL built from Flyway migrations.
 */
class GateDatabaseTests {

	@TempDir
	Path directory;

	@Test
	void withoutUrlTheMigrationsRunOnAnEmbeddedPostgresqlThatStopsOnClose() throws IOException, SQLException {
		write("db/migration/V1__tables.sql", "CREATE TABLE products (id integer PRIMARY KEY, price numeric);");
		write("db/migration/V2__view.sql", "CREATE VIEW cheap AS SELECT id FROM products WHERE price < 10;");
		String url;
		try (GateDatabase database = GateDatabase.open(settings(null, List.of("db/migration")))) {
			assertThat(database.description()).startsWith("embedded PostgreSQL ");
			try (Connection connection = database.dataSource().getConnection();
					Statement statement = connection.createStatement();
					ResultSet versions = statement
						.executeQuery("select string_agg(version, ',' order by installed_rank) from flyway_schema_history")) {
				versions.next();
				assertThat(versions.getString(1)).isEqualTo("1,2");
				url = connection.getMetaData().getURL();
			}
		}
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> java.sql.DriverManager.getConnection(url, "postgres", "").close());
	}

	@Test
	void failingMigrationsAndMissingInputAreGateErrors() throws IOException {
		write("broken/V1__broken.sql", "CREATE TABLE (;");

		assertThatExceptionOfType(GateException.class)
			.isThrownBy(() -> GateDatabase.open(settings(null, List.of("broken"))))
			.withMessageContaining("Running the migrations")
			.withMessageContaining("V1__broken.sql");
		assertThatExceptionOfType(GateException.class)
			.isThrownBy(() -> GateDatabase.open(settings(null, List.of("absent"))))
			.withMessageContaining("Migrations directory absent does not exist");
		assertThatExceptionOfType(GateException.class).isThrownBy(() -> GateDatabase.open(settings(null, List.of())))
			.withMessageContaining("No database");
		assertThatExceptionOfType(GateException.class)
			.isThrownBy(() -> GateDatabase.open(settings("jdbc:mysql://localhost/app", List.of())))
			.withMessageContaining("Not a PostgreSQL JDBC URL");
		assertThatExceptionOfType(GateException.class)
			.isThrownBy(() -> GateDatabase.open(settings("jdbc:postgresql://127.0.0.1:1/app?password=secret", List.of())))
			.withMessageContaining("Cannot connect to jdbc:postgresql://127.0.0.1:1/app?password=***")
			.withMessageNotContaining("secret");
	}

	private GateSettings settings(String url, List<String> migrations) {
		return new GateSettings(url, null, null, List.of(), migrations, null, List.of(), List.of(), false, this.directory);
	}

	private void write(String file, String text) throws IOException {
		Path path = this.directory.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
