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

package io.pgentities.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link PersistentDataDirectory}, against real servers. When the build runs
 * as root, the server runs as an unprivileged user who cannot reach the private
 * directories these tests make.
 */
class PersistentDataDirectoryTests {

	@Test
	void dataDirectoryInAPrivateDirectoryIsKeptAndReusedAndThePrivateDirectoryStaysPrivate(@TempDir Path temporary)
			throws Exception {
		Path home = privateDirectory(temporary.resolve("home"));
		Path requested = home.resolve("project").resolve("target").resolve("db");
		try {
			Path used;
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(requested).start()) {
				used = postgres.dataDirectory();
				execute(postgres, "create table kept (id int); insert into kept values (42)");
				assertThat(queryString(postgres, "select current_setting('data_directory')"))
					.isEqualTo(used.toString());
			}
			assertThat(requested.resolve("PG_VERSION")).isRegularFile();
			assertThat(requested.toRealPath()).isEqualTo(used.toRealPath());
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(requested).start()) {
				assertThat(postgres.dataDirectory()).isEqualTo(used);
				assertThat(queryString(postgres, "select id from kept")).isEqualTo("42");
			}
			assertThat(mode(home)).isEqualTo("rwx------");
			if (ServerUser.detect().isSwitched()) {
				assertThat(requested).isSymbolicLink();
				assertThat(used.startsWith(home)).isFalse();
			}
			else {
				assertThat(used).isEqualTo(requested);
			}
		}
		finally {
			deleteWithLinkTarget(requested);
		}
	}

	@Test
	void deletingTheLinkOfAMovedDataDirectoryStartsAfreshAndAbandonedClustersAreDeleted(@TempDir Path temporary)
			throws Exception {
		assumeThat(ServerUser.detect().isSwitched()).as("the server runs as another user (the build runs as root)")
			.isTrue();
		Path home = privateDirectory(temporary.resolve("home"));
		Path requested = home.resolve("db");
		Path abandonedRequest = home.resolve("abandoned-db");
		try {
			Path abandoned;
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(abandonedRequest).start()) {
				abandoned = postgres.dataDirectory();
			}
			Files.delete(abandonedRequest);
			Path used;
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(requested).start()) {
				used = postgres.dataDirectory();
				execute(postgres, "create table kept (id int)");
			}
			assertThat(abandoned).doesNotExist();
			Files.delete(requested);
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(requested).start()) {
				assertThat(postgres.dataDirectory()).isEqualTo(used);
				assertThat(queryString(postgres, "select count(*) from pg_class where relname = 'kept'"))
					.isEqualTo("0");
			}
			assertThat(requested).isSymbolicLink();
			assertThat(mode(home)).isEqualTo("rwx------");
		}
		finally {
			deleteWithLinkTarget(requested);
			deleteWithLinkTarget(abandonedRequest);
		}
	}

	@Test
	void dataDirectoryHoldingSomethingElseIsRefused(@TempDir Path temporary) throws IOException {
		Path requested = Files.createDirectories(temporary.resolve("db"));
		Files.writeString(requested.resolve("notes.txt"), "not a cluster");
		assertThatIllegalStateException()
			.isThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(requested).start().close())
			.withMessageContaining(requested.toString());
		assertThat(requested.resolve("notes.txt")).hasContent("not a cluster");
	}

	private static Path privateDirectory(Path directory) throws IOException {
		Files.createDirectory(directory);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		return directory;
	}

	private static String mode(Path directory) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(directory));
	}

	private static void deleteWithLinkTarget(Path path) throws IOException {
		if (Files.isSymbolicLink(path) && Files.exists(path)) {
			FileOperations.deleteRecursively(path.toRealPath());
		}
		FileOperations.deleteRecursively(path);
	}

	private static String queryString(EmbeddedPostgres postgres, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery(sql)) {
			assertThat(resultSet.next()).isTrue();
			return resultSet.getString(1);
		}
	}

	private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
