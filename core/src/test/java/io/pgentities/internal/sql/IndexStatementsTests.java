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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IndexStatements}.
 */
class IndexStatementsTests {

	@Test
	void nameIsReadAfterTheKeywordsThatMayPrecedeIt() {
		assertThat(IndexStatements.name("CREATE INDEX mv_a ON mv (a)")).contains("mv_a");
		assertThat(IndexStatements.name("create unique index if not exists \"Mv A\" on mv (a)")).contains("Mv A");
		assertThat(IndexStatements.name("CREATE INDEX /* by hand */ MV_A ON mv (a)")).contains("mv_a");
		assertThat(IndexStatements.name("CREATE INDEX \"on\" ON mv (a)")).contains("on");
	}

	@Test
	void indexLeftUnnamedHasNoName() {
		assertThat(IndexStatements.name("CREATE UNIQUE INDEX ON mv (a)")).isEmpty();
		assertThat(IndexStatements.name("CREATE INDEX ON mv USING btree (a)")).isEmpty();
	}

	@Test
	void definitionWithoutNameIsTheSameForIndexesThatDifferOnlyInTheirNames() {
		String printed = "CREATE UNIQUE INDEX mv_id_idx ON public.mv USING btree (id)";
		assertThat(IndexStatements.withoutName(printed)).isEqualTo("CREATE UNIQUE INDEX ON public.mv USING btree (id)");
		assertThat(IndexStatements.withoutName("CREATE UNIQUE INDEX \"Other\" ON public.mv USING btree (id)"))
			.isEqualTo(IndexStatements.withoutName(printed));
		assertThat(IndexStatements.withoutName("CREATE UNIQUE INDEX ON public.mv USING btree (id)"))
			.isEqualTo(IndexStatements.withoutName(printed));
	}

	@Test
	void unnamedIndexOnTheRelationIsAccepted() {
		IndexStatements.requireIndexOn("CREATE UNIQUE INDEX ON mv (id)", "public", "mv");
		IndexStatements.requireIndexOn("CREATE INDEX ON public.mv (id)", "public", "mv");
	}

	@Test
	void indexOnAnotherRelationOrBuiltConcurrentlyIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IndexStatements.requireIndexOn("CREATE INDEX ON other (id)", "public", "mv"))
			.withMessageContaining("is not on public.mv");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IndexStatements.requireIndexOn("CREATE INDEX CONCURRENTLY ON mv (id)", "public", "mv"))
			.withMessageContaining("CONCURRENTLY");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IndexStatements.requireIndexOn("CREATE TABLE mv (id int)", "public", "mv"))
			.withMessageContaining("Not a CREATE [UNIQUE] INDEX");
	}

}
