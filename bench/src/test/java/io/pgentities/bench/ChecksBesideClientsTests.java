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

package io.pgentities.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChecksBesideClients}.
 */
@PostgresTest
class ChecksBesideClientsTests {

	private static final Workload WORKLOAD = Workload.ofScale(2);

	private final TestDatabase database;

	private final BenchDatabase benchDatabase;

	ChecksBesideClientsTests(TestDatabase database) {
		this.database = database;
		this.benchDatabase = new BenchDatabase(PostgresServer.connect(database.jdbcUrl()), "unused",
				database.dataSource());
	}

	@BeforeAll
	static void createWorkload(TestDatabase database) {
		database.execute(WORKLOAD.tablesSql());
		WORKLOAD.entityFiles().forEach((file) -> database.execute(file.sql()));
	}

	@Test
	void measuresClientsAloneBesideChecksAndBesideAPlainSession() throws Exception {
		ClientLatency latency = new ChecksBesideClients(3, 1).measure(this.benchDatabase, WORKLOAD,
				WORKLOAD.entities());
		assertThat(latency.problem()).isEmpty();
		assertThat(latency.scale()).isEqualTo(2);
		assertThat(latency.entities()).isEqualTo(20);
		assertThat(latency.clients()).isEqualTo(3);
		assertThat(latency.checks()).isEqualTo(ChecksBesideClients.CHECKS);
		assertThat(latency.checkMillis()).isPositive();
		for (ClientLatency.Latencies phase : new ClientLatency.Latencies[] { latency.alone(),
				latency.besideChecks(), latency.besideSession() }) {
			assertThat(phase.operations()).isGreaterThan(100);
			assertThat(phase.p50Millis()).isPositive().isLessThanOrEqualTo(phase.p99Millis());
		}
		// the clients updated rows of both tables, through the trigger
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT (SELECT sum(qty) FROM public.item_0), "
						+ "(SELECT sum(qty) FROM public.item_1), (SELECT count(*) FROM public.item_0 "
						+ "WHERE last_edited IS NOT NULL AND qty > 1 + id % 5)")) {
			result.next();
			long initial = 2000 * 3;
			assertThat(result.getLong(1)).isGreaterThan(initial);
			assertThat(result.getLong(2)).isGreaterThan(initial);
			assertThat(result.getLong(3)).isPositive();
		}
		assertThat(latency.resultLine()).startsWith(
				"RESULT scale=2 entities=20 scenario=checks-beside-clients clients=3 checks=50 check_ms=");
	}

	@Test
	void reportsChecksThatDoNotFindEverythingInSync() throws Exception {
		ClientLatency latency = new ChecksBesideClients(1, 0).measure(this.benchDatabase, WORKLOAD,
				WORKLOAD.entitiesWithOneViewChanged());
		assertThat(latency.problem()).isEqualTo("expected every entity in sync, found 1 drifted");
		assertThat(latency.checks()).isZero();
	}

}
