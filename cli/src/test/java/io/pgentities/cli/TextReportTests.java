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
package io.pgentities.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TextReport}.
 */
class TextReportTests {

	@Test
	void reportListsEachDriftedEntityWithItsSourceAndDiffThenTheTotalsAndThePlan() {
		String text = ReportFormat.TEXT.render(SampleResults.result());

		assertThat(text).contains("CHANGED VIEW public.cheap_products (db/entities/views.sql:4)\n",
				"    +  WHERE price < 20\n", "MISSING TRIGGER public.products.touch (db/entities/triggers.sql:12)",
				"UNDECLARED POLICY public.products.old (database)", "1 in sync, 3 drifted, checked in 42 ms",
				"Plan:\nCREATE TRIGGER touch BEFORE UPDATE ON public.products;");
		assertThat(text).doesNotContain("public.total(integer)");
	}

	@Test
	void reportSaysWhatTheBaselineAccepts() {
		String text = ReportFormat.TEXT.render(SampleResults.resultAcceptingTheChangedView());

		assertThat(text).contains("CHANGED VIEW public.cheap_products (db/entities/views.sql:4) accepted by the baseline",
				"3 drifted (1 accepted by the baseline)");
	}

	@Test
	void reportListsTheLintFindingsAndSaysWhenTheyFailTheCheck() {
		String warned = ReportFormat.TEXT.render(SampleResults.resultWithLint(LintMode.WARN));
		String failed = ReportFormat.TEXT.render(SampleResults.resultWithLint(LintMode.FAIL));

		assertThat(warned).contains("\nLint:\n" + SampleResults.FINDING.message() + "\n");
		assertThat(failed).contains("\nLint (fails the check):\n" + SampleResults.FINDING.message() + "\n");
	}
}
