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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.pgentities.embedded.EmbeddedPostgresTests.execute;
import static io.pgentities.embedded.EmbeddedPostgresTests.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link EmbeddedPostgres#startStandby()}, against real primaries and standbys.
 */
class EmbeddedPostgresStandbyTests {

	@ParameterizedTest
	@ValueSource(ints = { 13, 17 })
	void standbyReplaysWhatThePrimaryCommitsAndRefusesToWrite(int majorVersion) throws SQLException {
		try (EmbeddedPostgres primary = EmbeddedPostgres.builder().majorVersion(majorVersion).start();
				EmbeddedPostgres standby = primary.startStandby()) {
			assertThat(standby.isStandby()).isTrue();
			assertThat(primary.isStandby()).isFalse();
			assertThat(standby.port()).isNotEqualTo(primary.port());
			assertThat(standby.version()).isEqualTo(primary.version());
			assertThat(queryString(primary, "select pg_is_in_recovery()::text")).isEqualTo("false");
			assertThat(queryString(standby, "select pg_is_in_recovery()::text")).isEqualTo("true");
			execute(primary, "create table replayed (id int); insert into replayed select generate_series(1, 1000)");
			standby.awaitReplay();
			assertThat(queryString(standby, "select sum(id)::text from replayed")).isEqualTo("500500");
			for (int round = 1; round <= 20; round++) {
				execute(primary, "insert into replayed values (0)");
				standby.awaitReplay();
				assertThat(queryString(standby, "select count(*) - 1000 from replayed"))
					.isEqualTo(String.valueOf(round));
			}
			SQLException refused = catchThrowableOfType(SQLException.class,
					() -> execute(standby, "create table refused (id int)"));
			// read_only_sql_transaction
			assertThat(refused.getSQLState()).isEqualTo("25006");
			assertThat(queryString(primary, "select count(*)::text from pg_stat_replication where state = 'streaming'"))
				.isEqualTo("1");
		}
	}

	@Test
	void standbyOfAPrimaryWithServerSettingsRunsWithTheSameSettings() throws SQLException {
		// A hot standby refuses to start with fewer connections than its primary allows
		try (EmbeddedPostgres primary = EmbeddedPostgres.builder().serverSetting("max_connections", "150").start();
				EmbeddedPostgres standby = primary.startStandby()) {
			assertThat(queryString(standby, "show max_connections")).isEqualTo("150");
		}
	}

	@Test
	void closingTheStandbyStopsItDeletesItsDataAndDropsItsSlot() throws SQLException {
		try (EmbeddedPostgres primary = EmbeddedPostgres.start()) {
			EmbeddedPostgres standby = primary.startStandby();
			Path dataDirectory = standby.dataDirectory();
			assertThat(queryString(primary, "select count(*)::text from pg_replication_slots")).isEqualTo("1");
			standby.close();
			assertThat(dataDirectory).doesNotExist();
			assertThat(acceptsConnections(standby.port())).isFalse();
			assertThat(queryString(primary, "select count(*)::text from pg_replication_slots")).isEqualTo("0");
			assertThat(queryString(primary, "select count(*)::text from pg_stat_replication")).isEqualTo("0");
			standby.close();
		}
	}

	@Test
	void closingThePrimaryStopsItsStandbysFirstAndKeepsNoSlotForThem() throws Exception {
		Path persistent = Path.of("target", "standby-primary-" + UUID.randomUUID()).toAbsolutePath();
		try {
			EmbeddedPostgres primary = EmbeddedPostgres.builder().dataDirectory(persistent).start();
			EmbeddedPostgres first = primary.startStandby();
			EmbeddedPostgres second = primary.startStandby();
			primary.close();
			for (EmbeddedPostgres server : new EmbeddedPostgres[] { primary, first, second }) {
				assertThat(acceptsConnections(server.port())).as("%s accepts connections", server).isFalse();
			}
			assertThat(first.dataDirectory()).doesNotExist();
			assertThat(second.dataDirectory()).doesNotExist();
			try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().dataDirectory(persistent).start()) {
				assertThat(queryString(restarted, "select count(*)::text from pg_replication_slots")).isEqualTo("0");
			}
		}
		finally {
			if (Files.isSymbolicLink(persistent)) {
				FileOperations.deleteRecursively(persistent.toRealPath());
			}
			FileOperations.deleteRecursively(persistent);
		}
	}

	@Test
	void standbyOfAStandbyAndReplayOfAPrimaryAreRefused() {
		try (EmbeddedPostgres primary = EmbeddedPostgres.start(); EmbeddedPostgres standby = primary.startStandby()) {
			assertThat(catchThrowableOfType(IllegalStateException.class, standby::startStandby))
				.hasMessageContaining("is a standby");
			assertThat(catchThrowableOfType(IllegalStateException.class, primary::awaitReplay))
				.hasMessageContaining("is not a standby");
		}
	}

	private static boolean acceptsConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
