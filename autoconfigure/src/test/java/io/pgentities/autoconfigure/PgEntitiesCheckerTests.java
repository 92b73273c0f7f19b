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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.pgentities.Analysis;
import io.pgentities.CompiledDeclarations;
import io.pgentities.DriftStatus;
import io.pgentities.LintFinding;
import io.pgentities.LintedAnalysis;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntitiesException;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link PgEntitiesChecker}.
 */
@PostgresTest
class PgEntitiesCheckerTests {

	private static final List<PgEntity> DECLARED = List.of(PgView.of("checker", "a", "SELECT 1 AS one"),
			PgView.of("checker", "b", "SELECT 2 AS two"));

	private final TestDatabase database;

	private final MutableClock clock = new MutableClock();

	private final PgEntitiesChecker checker;

	PgEntitiesCheckerTests(TestDatabase database) {
		this.database = database;
		this.checker = new PgEntitiesChecker(PgEntitiesEngine.create(database.dataSource()), () -> DECLARED,
				Duration.ofSeconds(30), this.clock);
	}

	@BeforeEach
	void createSchema() {
		this.database.execute("DROP SCHEMA IF EXISTS checker CASCADE; CREATE SCHEMA checker;"
				+ "CREATE VIEW checker.a AS SELECT 1 AS one; CREATE VIEW checker.c AS SELECT 3 AS three");
	}

	@Test
	void analyzeShowsTheDriftWhenNoPlanCanResolveIt() {
		this.database.execute("CREATE FUNCTION checker.code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;"
				+ "CREATE TABLE checker.orders (id integer, code text DEFAULT checker.code())");
		PgEntitiesChecker checker = new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()),
				() -> List.of(PgFunction.of("checker", "code()", "RETURNS varchar LANGUAGE sql AS $$ SELECT 'x' $$")),
				Duration.ofSeconds(30), this.clock);
		Analysis analysis = checker.analyze();
		assertThat(analysis.report().entities()).extracting((entity) -> entity.identity() + " " + entity.status())
			.contains("checker.code() CHANGED");
		assertThat(analysis.plan().isRefused()).isTrue();
		assertThat(analysis.plan().statements()).isEmpty();
		assertThat(analysis.plan().refusal().identity()).isEqualTo("checker.code()");
		assertThat(analysis.plan().refusal().dependents()).singleElement().asString().contains("checker.orders");
		assertThat(checker.lastAnalysis()).isSameAs(analysis);
	}

	@Test
	void analyzeAndLintReturnsTheFindingsAndRemembersTheAnalysis() {
		PgEntitiesChecker checker = new PgEntitiesChecker(PgEntitiesEngine.create(this.database.dataSource()),
				() -> List.of(PgFunction.of("checker", "definer()",
						"RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$")),
				Duration.ofSeconds(30), this.clock);
		LintedAnalysis linted = checker.analyzeAndLint();
		assertThat(linted.analysis().report().entities())
			.extracting((entity) -> entity.identity() + " " + entity.status())
			.contains("checker.definer() MISSING");
		assertThat(linted.lint()).extracting(LintFinding::ruleId)
			.containsExactlyInAnyOrder("security-definer-search-path", "security-definer-public-execute");
		assertThat(checker.lastAnalysis()).isSameAs(linted.analysis());
	}

	@Test
	void compiledDeclarationsOfTheSameDeclarationsAnswerAnInSyncCheckInAReadOnlySession() {
		this.database.execute("CREATE VIEW checker.b AS SELECT 2 AS two; DROP VIEW checker.c");
		CompiledDeclarations compiled = PgEntitiesEngine.create(this.database.dataSource()).compile(DECLARED);
		PgEntitiesChecker checker = new PgEntitiesChecker(
				PgEntitiesEngine.create(this.database.readOnlyDataSource()), () -> DECLARED, Duration.ofSeconds(30),
				this.clock);
		checker.setCompiledDeclarations(compiled);
		Analysis analysis = checker.analyze();
		assertThat(analysis.report().inSync()).isTrue();
		assertThat(analysis.plan().isEmpty()).isTrue();
	}

	@Test
	void compiledDeclarationsOfOtherDeclarationsAreNotUsed() {
		this.database.execute("CREATE VIEW checker.b AS SELECT 2 AS two; DROP VIEW checker.c");
		CompiledDeclarations compiled = PgEntitiesEngine.create(this.database.dataSource())
			.compile(List.of(DECLARED.get(0)));
		PgEntitiesChecker checker = new PgEntitiesChecker(
				PgEntitiesEngine.create(this.database.readOnlyDataSource()), () -> DECLARED, Duration.ofSeconds(30),
				this.clock);
		checker.setCompiledDeclarations(compiled);
		// a check of other declarations simulates, which a read-only session refuses
		assertThatExceptionOfType(PgEntitiesException.class).isThrownBy(checker::analyze)
			.withMessageContaining("read-only transaction");
	}

	@Test
	void hasNoResultBeforeTheFirstCheck() {
		assertThat(this.checker.lastAnalysis()).isNull();
		assertThat(this.checker.lastCounts()).isNull();
	}

	@Test
	void analyzeChecksTheDeclarationsAndRemembersTheResult() {
		Analysis analysis = this.checker.analyze();
		assertThat(analysis.report().entities()).extracting((entity) -> entity.identity() + " " + entity.status())
			.containsExactlyInAnyOrder("checker.a IN_SYNC", "checker.b MISSING", "checker.c UNDECLARED");
		assertThat(this.checker.lastAnalysis()).isSameAs(analysis);
		assertThat(this.checker.lastCounts()).containsOnly(entry(DriftStatus.IN_SYNC, 1), entry(DriftStatus.MISSING, 1),
				entry(DriftStatus.CHANGED, 0), entry(DriftStatus.UNDECLARED, 1));
	}

	@Test
	void cachedAnalysisReusesAResultYoungerThanTheTimeToLive() {
		Analysis first = this.checker.cachedAnalysis();
		this.database.execute("CREATE VIEW checker.b AS SELECT 2 AS two");
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.checker.cachedAnalysis()).isSameAs(first);
	}

	@Test
	void cachedAnalysisChecksAgainOnceTheResultExpired() {
		Analysis first = this.checker.cachedAnalysis();
		this.database.execute("CREATE VIEW checker.b AS SELECT 2 AS two");
		this.clock.advance(Duration.ofSeconds(30));
		Analysis second = this.checker.cachedAnalysis();
		assertThat(second).isNotSameAs(first);
		assertThat(PgEntitiesChecker.counts(second)).containsEntry(DriftStatus.MISSING, 0)
			.containsEntry(DriftStatus.IN_SYNC, 2);
	}

	@Test
	void analyzeAlwaysChecks() {
		Analysis first = this.checker.analyze();
		assertThat(this.checker.analyze()).isNotSameAs(first);
	}

	@Test
	void forgetDropsTheLastResult() {
		this.checker.analyze();
		this.checker.forget();
		assertThat(this.checker.lastAnalysis()).isNull();
	}

	@Test
	void recordRemembersAResultMadeElsewhere() {
		Analysis analysis = this.checker.getEngine().analyze(DECLARED);
		this.checker.record(analysis);
		assertThat(this.checker.cachedAnalysis()).isSameAs(analysis);
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
