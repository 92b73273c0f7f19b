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

package io.pgentities.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the harness: SQL run through a {@link TestDatabase} reaches a real server, whose
 * catalog tells it back.
 */
@PostgresTest
class HarnessTests {

	@Test
	void functionAndViewAreReadBackFromTheCatalog(TestDatabase database) throws SQLException {
		database.execute("""
				CREATE FUNCTION public.add_tax(amount numeric) RETURNS numeric
				LANGUAGE plpgsql IMMUTABLE AS $$
				BEGIN
					RETURN amount * 1.25;
				END;
				$$;
				CREATE VIEW public.taxed_price AS SELECT public.add_tax(8) AS total;
				""");
		try (Connection connection = database.connect()) {
			assertThat(queryString(connection, """
					SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
					WHERE n.nspname = ? AND p.proname = 'add_tax'
					""", "public")).isEqualTo("\nBEGIN\n\tRETURN amount * 1.25;\nEND;\n");
			assertThat(queryString(connection, """
					SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
					WHERE p.oid = ?::regprocedure
					""", "public.add_tax(numeric)")).isEqualTo("plpgsql");
			assertThat(queryString(connection, "SELECT pg_get_viewdef(?::regclass, true)", "public.taxed_price"))
				.isEqualTo(" SELECT add_tax(8::numeric) AS total;");
			assertThat(queryString(connection, "SELECT total::text FROM public.taxed_price")).isEqualTo("10.00");
		}
	}

	@Test
	void databaseIsTheClassOwn(TestDatabase database) throws SQLException {
		assertThat(database.name()).startsWith("pge_harnesstests_").hasSize("pge_harnesstests_".length() + 6);
		try (Connection connection = database.connect()) {
			assertThat(queryString(connection, "SELECT current_database()")).isEqualTo(database.name());
		}
	}

	private static String queryString(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				assertThat(result.next()).as("a row from %s", sql).isTrue();
				return result.getString(1);
			}
		}
	}

}
