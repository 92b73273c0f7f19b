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
package io.pgentities;

import java.util.List;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link EntityRejectedException}: PostgreSQL's error position, in the statement
 * sent to the scratch schemas, is shown at its line in the file that declared the entity.
 */
@PostgresTest
class EntityRejectedExceptionTests {

	private final TestDatabase database;

	EntityRejectedExceptionTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeAll
	static void createTable(TestDatabase database) {
		database.execute("CREATE TABLE items (id integer PRIMARY KEY, name text, price numeric)");
	}

	@Test
	void errorOnTheFirstLineOfTheFileIsOnLineOne() {
		EntityRejectedException ex = rejected("CREATE VIEW v AS SELECT id, nope FROM items;\n");
		assertThat(ex.getSourceName()).isEqualTo("file views.sql");
		assertThat(ex.isLineInSource()).isTrue();
		assertThat(ex.getLine()).isEqualTo(1);
		assertThat(ex.getLineText()).isEqualTo("CREATE VIEW v AS SELECT id, nope FROM items;");
		assertThat(ex.getPostgresMessage()).contains("column \"nope\" does not exist");
		assertThat(ex.getMessage()).contains("at line 1 of file views.sql: CREATE VIEW v AS");
	}

	@Test
	void errorOnAMiddleLineIsOnThatLineOfTheFile() {
		EntityRejectedException ex = rejected("""
				CREATE VIEW v AS
				SELECT id,
				       nope,
				       name
				FROM items;
				""");
		assertThat(ex.getLine()).isEqualTo(3);
		assertThat(ex.getLineText()).isEqualTo("       nope,");
	}

	@Test
	void errorOnTheLastLineIsOnThatLineOfTheFile() {
		EntityRejectedException ex = rejected("""
				CREATE VIEW v AS
				SELECT id,
				       name
				FROM no_such_table;
				""");
		assertThat(ex.getPostgresMessage()).contains("no_such_table");
		assertThat(ex.getLine()).isEqualTo(4);
	}

	@Test
	void errorAtTheEndOfTheStatementIsOnItsLastLine() {
		EntityRejectedException ex = rejected("""
				CREATE VIEW v AS
				SELECT id,
				       name
				FROM items WHERE;

				CREATE VIEW w AS SELECT 1 AS one;
				""");
		assertThat(ex.getPostgresMessage()).contains("syntax error at end of input");
		assertThat(ex.getLine()).isEqualTo(4);
		assertThat(ex.getLineText()).isEqualTo("FROM items WHERE;");
	}

	@Test
	void commentsAndBlankLinesBeforeTheStatementCount() {
		EntityRejectedException ex = rejected("""
				-- the views of the shop

				/* written by hand,
				   checked by pg-entities */
				CREATE OR REPLACE VIEW
				    v
				AS
				SELECT nope FROM items;
				""");
		assertThat(ex.getLine()).isEqualTo(8);
		assertThat(ex.getLineText()).isEqualTo("SELECT nope FROM items;");
	}

	@Test
	void errorInTheSecondStatementOfAFileIsOnItsLineInTheFile() {
		EntityRejectedException ex = rejected("""
				CREATE VIEW first_view AS
				SELECT id FROM items;

				CREATE FUNCTION total(qty integer, price numeric)
				RETURNS numeric
				LANGUAGE sql
				AS $$
				    SELECT qty
				           * prize
				$$;
				""");
		assertThat(ex.getIdentity()).isEqualTo("public.total(integer, numeric)");
		assertThat(ex.getEntitySource()).isEqualTo("file views.sql:4");
		assertThat(ex.getPostgresMessage()).contains("prize");
		assertThat(ex.getLine()).isEqualTo(9);
		assertThat(ex.getLineText()).isEqualTo("           * prize");
	}

	@Test
	void errorAfterANameRewrittenForTheScratchSchemaIsAtTheDeclaredColumn() {
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE VIEW a AS SELECT id FROM items;
				CREATE VIEW b AS SELECT a.id FROM public.a WHERE nope > 0;
				""", "file views.sql", "public");
		EntityRejectedException ex = catchThrowableOfType(EntityRejectedException.class,
				() -> PgEntitiesEngine.create(this.database.dataSource()).check(declared));
		assertThat(ex.getLine()).isEqualTo(2);
		assertThat(declared.get(1).createStatement().substring(ex.getPosition() - 1)).startsWith("nope > 0");
	}

	@Test
	void errorWithoutAPositionIsOnTheFirstLineOfItsStatement() {
		EntityRejectedException ex = rejected("""
				CREATE MATERIALIZED VIEW totals AS
				SELECT id, price FROM items
				WITH DATA;

				CREATE INDEX totals_price
				    ON totals (no_such_column);
				""");
		assertThat(ex.getPostgresMessage()).contains("no_such_column");
		assertThat(ex.getPosition()).as("PostgreSQL gives no position for an index column").isZero();
		assertThat(ex.getLine()).isEqualTo(5);
		assertThat(ex.getLineText()).isEqualTo("CREATE INDEX totals_price");
		assertThat(ex.getMessage()).contains("in the statement at line 5 of file views.sql: CREATE INDEX totals_price");
	}

	@Test
	void entityNotReadFromAFileHasTheLineOfItsStatement() {
		PgView view = PgView.of("public", "v", "SELECT id,\n  nope\nFROM items").withSource("bean 'v'");
		EntityRejectedException ex = catchThrowableOfType(EntityRejectedException.class,
				() -> PgEntitiesEngine.create(this.database.dataSource()).check(List.of(view)));
		assertThat(ex.getSourceName()).isEqualTo("bean 'v'");
		assertThat(ex.isLineInSource()).isFalse();
		assertThat(ex.getLine()).isEqualTo(2);
		assertThat(ex.getMessage()).contains("at line 2 of the statement: nope");
	}

	private EntityRejectedException rejected(String file) {
		List<PgEntity> declared = PgEntities.fromSql(file, "file views.sql", "public");
		EntityRejectedException ex = catchThrowableOfType(EntityRejectedException.class,
				() -> PgEntitiesEngine.create(this.database.dataSource()).check(declared));
		assertThat(ex).as("PostgreSQL rejects a declaration").isNotNull();
		return ex;
	}

}
