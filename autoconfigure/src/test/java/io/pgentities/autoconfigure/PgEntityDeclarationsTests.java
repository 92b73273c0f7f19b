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

import io.pgentities.PgEntity;
import io.pgentities.PgView;
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

	@Test
	void fingerprintIsShortAndIndependentOfOrderAndSource() {
		PgEntity a = PgView.of("public", "a", "SELECT 1 AS one");
		PgEntity b = PgView.of("public", "b", "SELECT 2 AS two");
		PgEntityDeclarations declarations = () -> List.of(a, b);
		PgEntityDeclarations reordered = () -> List.of(b.withSource("file b.sql:1"), a.withSource("bean 'a'"));
		assertThat(declarations.fingerprint()).matches("[0-9a-f]{12}").isEqualTo(reordered.fingerprint());
	}

	@Test
	void fingerprintChangesWithADeclaration() {
		PgEntity a = PgView.of("public", "a", "SELECT 1 AS one");
		PgEntityDeclarations declarations = () -> List.of(a);
		PgEntityDeclarations changed = () -> List.of(PgView.of("public", "a", "SELECT 2 AS one"));
		PgEntityDeclarations more = () -> List.of(a, PgView.of("public", "b", "SELECT 2 AS two"));
		assertThat(declarations.fingerprint()).isNotEqualTo(changed.fingerprint())
			.isNotEqualTo(more.fingerprint());
	}

}
