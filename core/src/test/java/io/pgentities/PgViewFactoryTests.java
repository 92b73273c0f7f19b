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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgView#of(String, String, String)}.
 */
class PgViewFactoryTests {

	@Test
	void createStatementQualifiesTheName() {
		PgView view = PgView.of("public", "order_line_items", "\n select 1 as one \n");
		assertThat(view.identity()).isEqualTo("public.order_line_items");
		assertThat(view.createStatement()).isEqualTo("CREATE VIEW public.order_line_items AS select 1 as one");
	}

	@Test
	void namesAreNeverInterpreted() {
		PgView view = PgView.of("Sales \"EU\"", "v; DROP TABLE users; --", "SELECT 1");
		assertThat(view.schema()).isEqualTo("Sales \"EU\"");
		assertThat(view.name()).isEqualTo("v; DROP TABLE users; --");
		assertThat(view.createStatement())
			.isEqualTo("CREATE VIEW \"Sales \"\"EU\"\"\".\"v; DROP TABLE users; --\" AS SELECT 1");
	}

	@Test
	void unicodeUpperCaseAndKeywordNamesAreQuoted() {
		assertThat(PgView.of("public", "Übersicht", "SELECT 1").createStatement())
			.isEqualTo("CREATE VIEW public.\"Übersicht\" AS SELECT 1");
		assertThat(PgView.of("Public", "select", "SELECT 1").createStatement())
			.isEqualTo("CREATE VIEW \"Public\".\"select\" AS SELECT 1");
		assertThat(PgView.of("public", "order lines", "SELECT 1").identity()).isEqualTo("public.\"order lines\"");
	}

	@Test
	void createStatementReadsBackAsTheSameView() {
		PgView view = PgView.of("Sales \"EU\"", "café; --", "SELECT 1 AS \"x;y\"");
		List<PgEntity> read = PgEntities.fromSql(view.createStatement());
		assertThat(read).hasSize(1);
		assertThat(read.get(0)).isEqualTo(view.withSource("sql:1"));
	}

}
