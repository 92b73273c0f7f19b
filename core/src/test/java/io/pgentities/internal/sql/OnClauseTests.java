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

/**
 * Tests for {@link OnClause}.
 */
class OnClauseTests {

	@Test
	void findsAnUnqualifiedTable() {
		String definition = "BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION f()";
		OnClause on = OnClause.find(definition).orElseThrow();
		assertThat(on.name()).isEqualTo(new QualifiedName(null, "products"));
		assertThat(definition.substring(on.start(), on.end())).isEqualTo("products");
	}

	@Test
	void findsAQualifiedQuotedTable() {
		String definition = "AFTER INSERT ON \"Sales\" . \"Order Lines\" FOR EACH ROW EXECUTE FUNCTION f()";
		OnClause on = OnClause.find(definition).orElseThrow();
		assertThat(on.name()).isEqualTo(new QualifiedName("Sales", "Order Lines"));
		assertThat(definition.substring(on.start(), on.end())).isEqualTo("\"Sales\" . \"Order Lines\"");
	}

	@Test
	void foldsUnquotedNames() {
		assertThat(OnClause.find("ON Public.Products").orElseThrow().name())
			.isEqualTo(new QualifiedName("public", "products"));
	}

	@Test
	void skipsOnly() {
		assertThat(OnClause.find("CREATE INDEX i ON ONLY mv (a)").orElseThrow().name())
			.isEqualTo(new QualifiedName(null, "mv"));
	}

	@Test
	void ignoresOnInsideParenthesesStringsAndComments() {
		String definition = "AFTER UPDATE OF a /* ON x */ ON t WHEN (old.a IS DISTINCT FROM 'on y') "
				+ "EXECUTE FUNCTION f()";
		assertThat(OnClause.find(definition).orElseThrow().name()).isEqualTo(new QualifiedName(null, "t"));
		assertThat(OnClause.find("(SELECT 1 FROM a JOIN b ON true)")).isEmpty();
	}

	@Test
	void isEmptyWithoutOnOrName() {
		assertThat(OnClause.find("BEFORE UPDATE FOR EACH ROW")).isEmpty();
		assertThat(OnClause.find("BEFORE UPDATE ON")).isEmpty();
	}

	@Test
	void replacesTheName() {
		String definition = "BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION f()";
		OnClause on = OnClause.find(definition).orElseThrow();
		assertThat(on.replaceIn(definition, "public.products"))
			.isEqualTo("BEFORE UPDATE ON public.products FOR EACH ROW EXECUTE FUNCTION f()");
	}

}
