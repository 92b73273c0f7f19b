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

package io.pgentities.sample.docs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.pgentities.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL as {@code docs/development.md} shows it.
 */
final class EmbeddedPostgresExamples {

	private EmbeddedPostgresExamples() {
	}

	static int serverMajorVersion() throws SQLException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().majorVersion(17).start();
				Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"))) {
			return connection.getMetaData().getDatabaseMajorVersion();
		}
	}

}
