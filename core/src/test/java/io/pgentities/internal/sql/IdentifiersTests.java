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
package io.pgentities.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Identifiers}.
 */
@PostgresTest
class IdentifiersTests {

	private final TestDatabase database;

	IdentifiersTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void quotesAsPostgresQuoteIdentDoes() throws SQLException {
		List<String> identifiers = List.of("items", "item_0_base", "_x9", "$a", "9lives", "a9", "Items",
				"a b", "a-b", "with\"quote", "", "é", "zz", "select", "user", "integer", "left", "name", "text");
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(?)")) {
			for (String identifier : identifiers) {
				statement.setString(1, identifier);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					assertThat(Identifiers.quote(identifier)).as(identifier).isEqualTo(result.getString(1));
				}
			}
		}
	}

	@Test
	void leavesDollarSignsAfterTheFirstCharacterUnquotedThoughQuoteIdentQuotesThem() {
		assertThat(Identifiers.quote("a$")).isEqualTo("a$");
		assertThat(Identifiers.quote("_x9$y")).isEqualTo("_x9$y");
		assertThat(Identifiers.quote("$a")).isEqualTo("\"$a\"");
	}

	@Test
	void qualifiesEachPartAsNeeded() {
		assertThat(Identifiers.qualify("public", "items")).isEqualTo("public.items");
		assertThat(Identifiers.qualify("Sales", "order", "t")).isEqualTo("\"Sales\".\"order\".t");
	}

}
