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
 * Tests that a server running out of a resource during a check is reported as such, and not
 * blamed on whichever declaration happened to be created when it ran out.
 */
class ResourceLimitTests {

	@Test
	void lockTableExhaustedDuringACheckIsReportedWithPostgresHintAndBlamesNoDeclaration() {
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.serverSetting("max_locks_per_transaction", "10")
			.serverSetting("max_connections", "10")
			.start()) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(server.jdbcUrl("postgres"));
			List<PgEntity> declared = new ArrayList<>();
			for (int i = 0; i < 4000; i++) {
				declared.add(PgView.of("public", "v" + i, "SELECT " + i + " AS n"));
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

}
