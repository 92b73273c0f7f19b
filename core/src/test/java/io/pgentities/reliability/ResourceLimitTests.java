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
package io.pgentities.reliability;

import java.util.ArrayList;
import java.util.List;

import io.pgentities.DriftReport;
import io.pgentities.DriftStatus;
import io.pgentities.EntityDrift;
import io.pgentities.EntityRejectedException;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgView;
import io.pgentities.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests a check on a server whose lock table is too small to create every declaration in one
 * transaction: independent declarations are simulated in groups, and what cannot be split is
 * reported as the server running out, not blamed on a declaration.
 */
class ResourceLimitTests {

	@Test
	void declarationsTooManyForOneTransactionAreSimulatedInGroups() throws Exception {
		try (EmbeddedPostgres server = small()) {
			PGSimpleDataSource dataSource = dataSource(server);
			List<PgEntity> declared = new ArrayList<>();
			StringBuilder live = new StringBuilder();
			for (int i = 0; i < 4000; i++) {
				declared.add(PgView.of("public", "v" + i, "SELECT " + i + " AS n"));
				// the live side stays small: before PostgreSQL 16, printing a live view's definition
				// holds a lock on it until the check's read ends
				if (i % 20 == 0) {
					live.append("CREATE VIEW v").append(i).append(" AS SELECT ").append(i).append(" AS n;");
				}
			}
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute(live.toString());
				// the server cannot hold them all in one transaction
				connection.setAutoCommit(false);
				Throwable oneTransaction = catchThrowable(() -> {
					for (PgEntity view : declared) {
						statement.execute(view.createStatement().replace("public.", "pg_temp."));
					}
				});
				connection.rollback();
				assertThat(oneTransaction).hasMessageContaining("out of shared memory");
			}
			DriftReport report = PgEntitiesEngine.create(dataSource).check(declared);
			assertThat(report.entities()).hasSize(4000);
			assertThat(report.entities()).filteredOn((drift) -> drift.status() == DriftStatus.IN_SYNC).hasSize(200);
			assertThat(report.entities()).filteredOn((drift) -> drift.status() == DriftStatus.MISSING)
				.extracting(EntityDrift::name)
				.allMatch((name) -> Integer.parseInt(name.substring(1)) % 20 != 0)
				.hasSize(3800);
		}
	}

	@Test
	void lockTableExhaustedByDeclarationsThatCannotBeSplitIsReportedWithPostgresHint() {
		try (EmbeddedPostgres server = small()) {
			PGSimpleDataSource dataSource = dataSource(server);
			// a chain: each view reads the one before, so they must all exist at once
			List<PgEntity> declared = new ArrayList<>();
			declared.add(PgView.of("public", "v0", "SELECT 0 AS n"));
			for (int i = 1; i < 4000; i++) {
				declared.add(PgView.of("public", "v" + i, "SELECT n + 1 AS n FROM v" + (i - 1)));
			}
			Throwable failure = catchThrowable(() -> PgEntitiesEngine.create(dataSource).check(declared));
			assertThat(failure).isInstanceOf(PgEntitiesException.class)
				.isNotInstanceOf(EntityRejectedException.class)
				.hasMessageContaining("out of shared memory")
				.hasMessageContaining("max_locks_per_transaction");
			// nothing was left behind, and a smaller check still works on the same server
			assertThat(PgEntitiesEngine.create(dataSource).check(declared.subList(0, 5)).entities()).hasSize(5);
		}
	}

	/**
	 * A server whose lock table nominally holds 100 entries, a third of it about sixteen
	 * views; PostgreSQL's spare shared memory lets it hold a few thousand in practice.
	 */
	private static EmbeddedPostgres small() {
		return EmbeddedPostgres.builder()
			.serverSetting("max_connections", "10")
			.serverSetting("max_locks_per_transaction", "10")
			.start();
	}

	private static PGSimpleDataSource dataSource(EmbeddedPostgres server) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.jdbcUrl("postgres"));
		return dataSource;
	}

}
