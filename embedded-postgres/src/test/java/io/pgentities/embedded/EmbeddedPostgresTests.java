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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedPostgres}, against real servers.
 */
class EmbeddedPostgresTests {

	@Test
	void defaultServerAcceptsConnectionsAndLeavesNothingBehind() throws SQLException {
		Path dataDirectory;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			dataDirectory = postgres.dataDirectory();
			assertThat(postgres.host()).isEqualTo("127.0.0.1");
			assertThat(postgres.user()).isEqualTo("postgres");
			assertThat(postgres.jdbcUrl("postgres"))
				.isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres?user=postgres");
			assertThat(postgres.version()).startsWith(postgres.majorVersion() + ".");
			assertThat(dataDirectory).isDirectory();
			assertThat(queryString(postgres, "select version()"))
				.startsWith("PostgreSQL " + postgres.majorVersion() + ".");
		}
		assertThat(dataDirectory).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(ints = { 13, 18 })
	void startsMajorVersion(int majorVersion) throws SQLException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().majorVersion(majorVersion).start()) {
			assertThat(postgres.majorVersion()).isEqualTo(majorVersion);
			assertThat(queryString(postgres, "select current_setting('server_version_num')"))
				.startsWith(String.valueOf(majorVersion));
			assertThat(queryString(postgres, "select string_agg(x::text, ',') from generate_series(1, 3) x"))
				.isEqualTo("1,2,3");
		}
	}

	@Test
	void persistentDataDirectoryIsKeptAndReused() throws Exception {
		Path dataDirectory = Path.of("target", "persistent-" + UUID.randomUUID()).toAbsolutePath();
		try {
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(dataDirectory).start()) {
				execute(postgres, "create table kept (id int); insert into kept values (42)");
			}
			assertThat(dataDirectory.resolve("PG_VERSION")).isRegularFile();
			try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().dataDirectory(dataDirectory).start()) {
				assertThat(postgres.dataDirectory().toRealPath()).isEqualTo(dataDirectory.toRealPath());
				assertThat(queryString(postgres, "select id from kept")).isEqualTo("42");
			}
			assertThat(dataDirectory.resolve("PG_VERSION")).isRegularFile();
		}
		finally {
			if (Files.isSymbolicLink(dataDirectory)) {
				FileOperations.deleteRecursively(dataDirectory.toRealPath());
			}
			FileOperations.deleteRecursively(dataDirectory);
		}
	}

	@Test
	void baseDirectoryInAPrivateDirectoryWorksAndTheDirectoryStaysPrivate(@TempDir Path temporary) throws Exception {
		Path home = Files.createDirectory(temporary.resolve("home"));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		Path baseDirectory = home.resolve("project").resolve("target").resolve("embedded-postgres");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().baseDirectory(baseDirectory).start()) {
			assertThat(queryString(postgres, "select 1")).isEqualTo("1");
			if (ServerUser.detect().isSwitched()) {
				assertThat(postgres.dataDirectory().startsWith(home)).isFalse();
			}
			else {
				assertThat(postgres.dataDirectory()).startsWith(baseDirectory);
			}
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
	}

	@Test
	void serverSettingIsPassedToTheServer() throws SQLException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().serverSetting("work_mem", "7MB").start()) {
			assertThat(queryString(postgres, "show work_mem")).isEqualTo("7MB");
			assertThat(queryString(postgres, "show fsync")).isEqualTo("off");
		}
	}

	@Test
	void closeIsIdempotent() {
		EmbeddedPostgres postgres = EmbeddedPostgres.start();
		postgres.close();
		postgres.close();
		assertThat(postgres.dataDirectory()).doesNotExist();
	}

	static String queryString(EmbeddedPostgres postgres, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery(sql)) {
			assertThat(resultSet.next()).isTrue();
			return resultSet.getString(1);
		}
	}

	static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
