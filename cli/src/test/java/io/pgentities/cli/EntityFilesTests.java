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
import java.util.List;

import io.pgentities.PgEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EntityFiles}.
 */
class EntityFilesTests {

	@TempDir
	Path directory;

	@Test
	void directoriesAreSearchedRecursivelyForSqlFilesInPathOrder() throws IOException {
		write("db/entities/b.sql", "CREATE VIEW b AS SELECT 1;");
		write("db/entities/nested/a.sql", "CREATE VIEW a AS SELECT 1;");
		write("db/entities/readme.md", "not SQL");

		List<Path> files = new EntityFiles(this.directory).find(List.of("db/entities"));

		assertThat(files).containsExactly(this.directory.resolve("db/entities/b.sql"),
				this.directory.resolve("db/entities/nested/a.sql"));
	}

	@Test
	void globsFilesAndDirectoriesCombineEachFileOnce() throws IOException {
		write("db/entities/views.sql", "CREATE VIEW v AS SELECT 1;");
		write("db/entities/more/functions.sql", "CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS 'SELECT 1';");
		write("other/extra.sql", "CREATE VIEW w AS SELECT 2;");

		List<Path> files = new EntityFiles(this.directory)
			.find(List.of("db/**/*.sql", "db/entities/views.sql", "other/*.sql"));

		assertThat(files).containsExactly(this.directory.resolve("db/entities/more/functions.sql"),
				this.directory.resolve("db/entities/views.sql"), this.directory.resolve("other/extra.sql"));
	}

	@Test
	void sourcesArePathsRelativeToTheWorkingDirectoryWithTheLine() throws IOException {
		write("db/entities/views.sql", "-- first\n\nCREATE VIEW v AS SELECT 1;\nCREATE VIEW w AS SELECT 2;\n");

		List<PgEntity> entities = new EntityFiles(this.directory).read(List.of(this.directory.resolve("db").toString()));

		assertThat(entities).extracting(PgEntity::source)
			.containsExactly("db/entities/views.sql:3", "db/entities/views.sql:4");
	}

	@Test
	void missingPathsAndGlobsThatMatchNothingAreErrors() {
		EntityFiles files = new EntityFiles(this.directory);

		assertThatExceptionOfType(GateException.class).isThrownBy(() -> files.find(List.of("absent")))
			.withMessageContaining("Entity path absent does not exist");
		assertThatExceptionOfType(GateException.class).isThrownBy(() -> files.find(List.of("db/*.sql")))
			.withMessageContaining("Entity pattern db/*.sql matches no file");
	}

	private void write(String file, String text) throws IOException {
		Path path = this.directory.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, text);
	}

}
