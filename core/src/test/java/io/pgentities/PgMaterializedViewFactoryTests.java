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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PgMaterializedView#of(String, String, String)}.
 */
class PgMaterializedViewFactoryTests {

	@Test
	void createsWithDataByDefault() {
		PgMaterializedView view = PgMaterializedView.of("public", "top_items", "SELECT 1 AS a");
		assertThat(view.withData()).isTrue();
		assertThat(view.createStatement())
			.isEqualTo("CREATE MATERIALIZED VIEW public.top_items AS SELECT 1 AS a\nWITH DATA");
		assertThat(view.withData(false).createStatement()).endsWith("SELECT 1 AS a\nWITH NO DATA");
	}

	@Test
	void queryEndingInALineCommentDoesNotSwallowTheDataClause() {
		PgMaterializedView view = PgMaterializedView.of("public", "m", "SELECT 1 AS a -- the answer").withData(false);
		assertThat(view.createStatement()).endsWith("-- the answer\nWITH NO DATA");
	}

	@Test
	void indexesAreQualifiedWhenCreated() {
		PgMaterializedView view = PgMaterializedView.of("Reports", "top items", "SELECT 1 AS a")
			.withIndex("CREATE UNIQUE INDEX top_a ON \"top items\" (a)");
		assertThat(view.indexes()).containsExactly("CREATE UNIQUE INDEX top_a ON \"top items\" (a)");
		assertThat(view.createIndexStatements())
			.containsExactly("CREATE UNIQUE INDEX top_a ON \"Reports\".\"top items\" (a)");
	}

	@Test
	void indexOnAnotherRelationIsRejected() {
		PgMaterializedView view = PgMaterializedView.of("public", "top_items", "SELECT 1 AS a");
		assertThatIllegalArgumentException().isThrownBy(() -> view.withIndex("CREATE INDEX i ON items (a)"));
		assertThatIllegalArgumentException().isThrownBy(() -> view.withIndex("CREATE INDEX ON items (a)"));
	}

	@Test
	void indexWithoutANameIsAcceptedAsPostgresqlAcceptsIt() {
		PgMaterializedView view = PgMaterializedView.of("public", "top_items", "SELECT 1 AS a")
			.withIndex("CREATE UNIQUE INDEX ON top_items (a)");
		assertThat(view.createIndexStatements()).containsExactly("CREATE UNIQUE INDEX ON public.top_items (a)");
	}

}
