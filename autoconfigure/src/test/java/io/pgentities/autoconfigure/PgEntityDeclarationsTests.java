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
package io.pgentities.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntityDeclarations}.
 */
class PgEntityDeclarationsTests {

	@Test
	void filesAtPatternsDeclareTheirStatementsWithFileAndLine() {
		PgEntityDeclarations declarations = PgEntityDeclarations.fromFiles(new PathMatchingResourcePatternResolver(),
				List.of("classpath*:entities/declarations/**/*.sql", "classpath*:no/such/directory/*.sql"), "public");
		assertThat(declarations.entities())
			.extracting((entity) -> entity.kind().sqlName() + " " + entity.identity() + " <- " + entity.source())
			.containsExactly("FUNCTION public.total(integer, numeric) <- file entities/declarations/functions.sql:1",
					"VIEW public.item_names <- file entities/declarations/views.sql:2",
					"VIEW app.item_ids <- file entities/declarations/views.sql:5");
	}

}
