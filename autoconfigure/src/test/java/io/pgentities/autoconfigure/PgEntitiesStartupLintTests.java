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

import java.time.Duration;
import java.util.List;

import io.pgentities.LintRule;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.autoconfigure.PgEntitiesProperties.CheckMode;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PgEntitiesStartupLint}.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class PgEntitiesStartupLintTests {

	private static final PgEntity DEFINER = PgFunction.of("public", "definer()",
			"RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$")
		.withSource("file db/entities/definer.sql:3");

	private static final PgEntity SAFE = PgFunction.of("public", "safe()", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$");

	private final TestDatabase database;

	PgEntitiesStartupLintTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void warnLogsEveryFindingWithItsSourceAndFix(CapturedOutput output) {
		new PgEntitiesStartupLint(checker(DEFINER), CheckMode.WARN).afterSingletonsInstantiated();
		assertThat(output)
			.containsPattern("WARN .* pg-entities lint: \\[security-definer-search-path\\] FUNCTION public.definer\\(\\) "
					+ "\\(file db/entities/definer.sql:3\\)")
			.contains("[security-definer-public-execute] FUNCTION public.definer()", "Fix: ");
	}

	@Test
	void failThrowsWithEveryFinding() {
		assertThatExceptionOfType(PgEntitiesLintException.class)
			.isThrownBy(() -> new PgEntitiesStartupLint(checker(DEFINER, SAFE), CheckMode.FAIL)
				.afterSingletonsInstantiated())
			.satisfies((ex) -> assertThat(ex.getFindings()).extracting((finding) -> finding.rule())
				.containsExactly(LintRule.SECURITY_DEFINER_SEARCH_PATH, LintRule.SECURITY_DEFINER_PUBLIC_EXECUTE))
			.withMessageContaining("found 2 problems")
			.withMessageContaining("file db/entities/definer.sql:3");
	}

	@Test
	void failPassesWithoutFindings(CapturedOutput output) {
		new PgEntitiesStartupLint(checker(SAFE), CheckMode.FAIL).afterSingletonsInstantiated();
		assertThat(output).doesNotContain("pg-entities lint");
	}

	@Test
	void warnDoesNotStopTheApplicationWhenADeclarationCannotBeSimulatedYet(CapturedOutput output) {
		PgEntity view = PgView.of("public", "not_yet", "SELECT id FROM table_migrated_later");
		new PgEntitiesStartupLint(checker(view), CheckMode.WARN).afterSingletonsInstantiated();
		assertThat(output).contains("pg-entities: could not lint the declarations: ", "table_migrated_later");
		assertThatExceptionOfType(PgEntitiesException.class)
			.isThrownBy(() -> new PgEntitiesStartupLint(checker(view), CheckMode.FAIL).afterSingletonsInstantiated());
	}

	@Test
	void offDoesNotLint(CapturedOutput output) {
		PgEntitiesChecker unreachable = new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()), () -> {
			throw new IllegalStateException("the declarations must not be read");
		}, Duration.ZERO);
		new PgEntitiesStartupLint(unreachable, CheckMode.OFF).afterSingletonsInstantiated();
		assertThat(output).doesNotContain("pg-entities lint");
	}

	private PgEntitiesChecker checker(PgEntity... declared) {
		return new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()), () -> List.of(declared),
				Duration.ZERO);
	}

}
