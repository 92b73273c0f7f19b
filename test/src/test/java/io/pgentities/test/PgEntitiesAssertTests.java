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
package io.pgentities.test;

import java.util.List;

import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.pgentities.test.PgEntitiesAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PgEntitiesAssert}.
 */
@PostgresTest
class PgEntitiesAssertTests {

	private static final List<PgEntity> DECLARED = PgEntities.fromSql("""
			CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;

			CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM items $$;
			""", "file db/entities/items.sql", "public");

	private final TestDatabase database;

	PgEntitiesAssertTests(TestDatabase database) {
		this.database = database;
	}

	@BeforeEach
	void createTables() {
		this.database.execute("""
				DROP SCHEMA public CASCADE;
				CREATE SCHEMA public;
				CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10, 2) NOT NULL);
				INSERT INTO items VALUES (1, 'pencil', 1.50), (2, 'lamp', 0);
				""");
	}

	@Test
	void entitiesAsTheDatabaseHasThemAreInSync() {
		this.database.execute("""
				CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;
				CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM items $$;
				""");
		assertThat(this.database.dataSource()).hasEntitiesInSync(DECLARED);
	}

	@Test
	void driftFailsWithEachDriftedEntityItsStatusSourceAndDiff() {
		this.database.execute("CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 5");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.database.dataSource()).hasEntitiesInSync(DECLARED))
			.withMessageContaining("Expected the declared entities to be in sync with the database, but 2 of 2 entities drifted:")
			.withMessageContaining("VIEW public.cheap_items: CHANGED (file db/entities/items.sql:1)")
			.withMessageContaining("FUNCTION public.item_count(): MISSING (file db/entities/items.sql:3)")
			.withMessageContaining("    --- database")
			.withMessageContaining("    +++ declared")
			// PostgreSQL 16 and later leave out the table name of a single-table view's columns
			.withMessageMatching("(?s).*\\n    -  WHERE (items\\.)?price < 5::numeric\\R.*")
			.withMessageMatching("(?s).*\\n    \\+  WHERE (items\\.)?price < 10::numeric\\R.*");
	}

	@Test
	void undeclaredObjectsInAManagedSchemaFailTheCheck() {
		this.database.execute("""
				CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;
				CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM items $$;
				CREATE VIEW forgotten AS SELECT 1 AS one;
				""");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.database.dataSource()).hasEntitiesInSync(DECLARED))
			.withMessageContaining("1 of 3 entities drifted")
			.withMessageContaining("VIEW public.forgotten: UNDECLARED (database)");
	}

	@Test
	void aPlanFromNothingConvergesAndLeavesTheDatabaseAsItWas() {
		assertThat(this.database.dataSource()).converges(DECLARED);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.database.dataSource()).hasEntitiesInSync(DECLARED))
			.withMessageContaining("VIEW public.cheap_items: MISSING")
			.withMessageContaining("FUNCTION public.item_count(): MISSING");
	}

	@Test
	void aPlanThatFailsToApplyDoesNotConvergeAndNamesTheStatement() {
		List<PgEntity> ratios = PgEntities.fromSql(
				"CREATE MATERIALIZED VIEW price_ratios AS SELECT id, 1 / price AS ratio FROM items;",
				"file db/entities/ratios.sql", "public");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.database.dataSource()).converges(ratios))
			.withMessageContaining("Could not apply the plan of the declared entities")
			.withMessageContaining("CREATE MATERIALIZED VIEW public.price_ratios")
			.withMessageContaining("division by zero");
	}

	@Test
	void theEnginesSettingsDecideWhetherUndeclaredObjectsConverge() {
		this.database.execute("CREATE VIEW forgotten AS SELECT 1 AS one");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.database.dataSource()).converges(DECLARED))
			.withMessageContaining("Expected the plan to bring the declared entities in sync, but 1 of 3 entities drifted:")
			.withMessageContaining("VIEW public.forgotten: UNDECLARED")
			.withMessageContaining("The plan:");
		assertThat(PgEntitiesEngine.builder(this.database.dataSource()).dropUndeclared(true).build())
			.converges(DECLARED);
	}

	@Test
	void declarationsWithoutFindingsPassTheLint() {
		assertThat(this.database.dataSource()).hasNoLintFindings(DECLARED);
	}

	@Test
	void lintFindingsFailWithTheRuleTheEntityItsSourceAndTheFix() {
		List<PgEntity> definer = PgEntities.fromSql("""
				CREATE FUNCTION item_total() RETURNS numeric LANGUAGE sql SECURITY DEFINER
				    AS $$ SELECT sum(price) FROM items $$;
				""", "file db/entities/totals.sql", "public");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.database.dataSource()).hasNoLintFindings(definer))
			.withMessageStartingWith("Expected no lint findings in the declared entities, but found ")
			.withMessageContaining("[security-definer-search-path] FUNCTION public.item_total() "
					+ "(file db/entities/totals.sql:1)")
			.withMessageContaining("Fix: ");
	}

	@Test
	void aSilencedFindingDoesNotCount() {
		List<PgEntity> definer = PgEntities.fromSql("""
				-- pg-entities:allow security-definer-search-path, security-definer-public-execute
				CREATE FUNCTION item_total() RETURNS numeric LANGUAGE sql SECURITY DEFINER
				    AS $$ SELECT sum(price) FROM items $$;
				""", "file db/entities/totals.sql", "public");
		assertThat(this.database.dataSource()).hasNoLintFindings(definer);
	}

}
