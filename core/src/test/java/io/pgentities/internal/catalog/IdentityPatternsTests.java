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
package io.pgentities.internal.catalog;

import java.util.List;

import io.pgentities.EntityKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IdentityPatterns}.
 */
class IdentityPatternsTests {

	@Test
	void starMatchesAnyRunOfCharactersWithinAName() {
		IdentityPatterns patterns = IdentityPatterns.of(List.of("public.legacy_*"));
		assertThat(patterns.matches(view("public", "legacy_totals"))).isTrue();
		assertThat(patterns.matches(view("public", "legacy_"))).isTrue();
		assertThat(patterns.matches(view("public", "order_totals"))).isFalse();
		assertThat(patterns.matches(view("reporting", "legacy_totals"))).isFalse();
	}

	@Test
	void schemaPatternMatchesEveryKindInTheSchemaTriggersAndPoliciesIncluded() {
		IdentityPatterns patterns = IdentityPatterns.of(List.of("reporting.*"));
		assertThat(patterns.matches(view("reporting", "monthly"))).isTrue();
		assertThat(patterns.matches(function("reporting", "total", "integer, numeric"))).isTrue();
		assertThat(patterns.matches(trigger("reporting", "orders", "audit"))).isTrue();
		assertThat(patterns.matches(view("reporting_archive", "monthly"))).isFalse();
	}

	@Test
	void triggerPatternNamesTheTable() {
		IdentityPatterns patterns = IdentityPatterns.of(List.of("public.products.audit_*"));
		assertThat(patterns.matches(trigger("public", "products", "audit_changes"))).isTrue();
		assertThat(patterns.matches(trigger("public", "orders", "audit_changes"))).isFalse();
		assertThat(patterns.matches(trigger("public", "products", "set_updated_at"))).isFalse();
	}

	@Test
	void patternWithoutArgumentListMatchesEveryOverload() {
		IdentityPatterns patterns = IdentityPatterns.of(List.of("public.f"));
		assertThat(patterns.matches(function("public", "f", "integer"))).isTrue();
		assertThat(patterns.matches(function("public", "f", ""))).isTrue();
		assertThat(patterns.matches(function("public", "f2", "integer"))).isFalse();
		assertThat(patterns.matches(view("public", "f"))).isTrue();
	}

	@Test
	void patternWithArgumentListMatchesOneOverloadWhateverItsSpacing() {
		IdentityPatterns patterns = IdentityPatterns.of(List.of("public.f(integer,timestamp with time zone)"));
		assertThat(patterns.matches(function("public", "f", "integer, timestamp with time zone"))).isTrue();
		assertThat(patterns.matches(function("public", "f", "integer"))).isFalse();
		assertThat(IdentityPatterns.of(List.of("public.f(*)")).matches(function("public", "f", "text, text")))
			.isTrue();
	}

	@Test
	void argumentListWithoutWildcardIsReadLikeADeclarations() {
		CatalogRoutine f = function("public", "f", "integer, timestamp with time zone, character varying[]");
		assertThat(IdentityPatterns.of(List.of("public.f(int, timestamptz, varchar(20)[])")).matches(f)).isTrue();
		assertThat(IdentityPatterns.of(List.of("public.f(p_id int4, p_at timestamptz, p_tags varchar[])")).matches(f))
			.isTrue();
		assertThat(IdentityPatterns.of(List.of("public.f(int)")).matches(f)).isFalse();
	}

	@Test
	void argumentListWithAWildcardIsMatchedAsWritten() {
		CatalogRoutine f = function("public", "f", "integer, text");
		assertThat(IdentityPatterns.of(List.of("public.f(integer*)")).matches(f)).isTrue();
		assertThat(IdentityPatterns.of(List.of("public.f(int*)")).matches(f)).isTrue();
		assertThat(IdentityPatterns.of(List.of("public.f(int4*)")).matches(f)).isFalse();
	}

	@Test
	void typesOutsidePgCatalogAreMatchedQualified() {
		CatalogRoutine f = function("public", "f", "public.mood");
		assertThat(IdentityPatterns.of(List.of("public.f(public.mood)")).matches(f)).isTrue();
		assertThat(IdentityPatterns.of(List.of("public.f(mood)")).matches(f)).isFalse();
	}

	@Test
	void quotedNamesAreMatchedAsIdentitiesPrintThemWithTheirSpaces() {
		CatalogEntity report = view("public", "Monthly Report");
		assertThat(report.identity()).isEqualTo("public.\"Monthly Report\"");
		assertThat(IdentityPatterns.of(List.of("public.\"Monthly Report\"")).matches(report)).isTrue();
		assertThat(IdentityPatterns.of(List.of("public.\"Monthly*\"")).matches(report)).isTrue();
		assertThat(IdentityPatterns.of(List.of("public.\"MonthlyReport\"")).matches(report)).isFalse();
		assertThat(IdentityPatterns.of(List.of("public.monthly*")).matches(report)).isFalse();
	}

	@Test
	void otherRegularExpressionCharactersMatchThemselves() {
		IdentityPatterns patterns = IdentityPatterns.of(List.of("public.a.b"));
		assertThat(patterns.matches(trigger("public", "a", "b"))).isTrue();
		assertThat(patterns.matches(view("public", "aXb"))).isFalse();
	}

	@Test
	void noPatternsMatchNothing() {
		assertThat(IdentityPatterns.NONE.matches(view("public", "v"))).isFalse();
		assertThat(IdentityPatterns.of(List.of()).isEmpty()).isTrue();
	}

	@Test
	void blankPatternIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdentityPatterns.of(List.of("public.a", " ")))
			.withMessageContaining("must not be blank");
	}

	private static CatalogView view(String schema, String name) {
		return new CatalogView(1, EntityKind.VIEW, schema, name, "SELECT 1", "", List.of(), List.of(), true, List.of(),
				List.of(), null, "postgres", List.of());
	}

	private static CatalogRoutine function(String schema, String name, String arguments) {
		return new CatalogRoutine(2, EntityKind.FUNCTION, schema, name, arguments, "", "", "integer", "", "sql", "",
				null, "postgres", List.of(), false);
	}

	private static CatalogTrigger trigger(String schema, String table, String name) {
		return new CatalogTrigger(3, schema, table, name, "", false, true, null);
	}

}
