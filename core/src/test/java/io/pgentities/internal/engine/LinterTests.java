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
package io.pgentities.internal.engine;

import java.util.List;

import io.pgentities.Analysis;
import io.pgentities.EntityKind;
import io.pgentities.InvalidDeclarationException;
import io.pgentities.LintFinding;
import io.pgentities.LintRule;
import io.pgentities.LintedAnalysis;
import io.pgentities.PgEntities;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.RecordingDataSource;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link Linter}, through {@link PgEntitiesEngine#lint} and
 * {@link PgEntitiesEngine#analyzeAndLint}.
 */
@PostgresTest
class LinterTests {

	private static final String DEFINER_BODY = "RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$";

	private final TestDatabase database;

	LinterTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void securityDefinerFunctionWithoutSearchPathIsFoundWithItsSourceWhyAndFix() {
		PgFunction function = PgFunction.of("public", "definer_no_path()", DEFINER_BODY).withSource("bean 'noPath'");
		assertThat(findings(LintRule.SECURITY_DEFINER_SEARCH_PATH, function)).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(EntityKind.FUNCTION);
			assertThat(finding.identity()).isEqualTo("public.definer_no_path()");
			assertThat(finding.source()).isEqualTo("bean 'noPath'");
			assertThat(finding.ruleId()).isEqualTo("security-definer-search-path");
			assertThat(finding.why()).contains("without SET search_path", "caller's search_path");
			assertThat(finding.fix()).contains("SET search_path = pg_catalog, pg_temp");
			assertThat(finding.message()).contains("[security-definer-search-path] FUNCTION public.definer_no_path()",
					"bean 'noPath'", "-- pg-entities:allow security-definer-search-path");
		});
	}

	@Test
	void securityDefinerFunctionWithSearchPathIsNotFound() {
		PgFunction function = PgFunction.of("public", "definer_with_path()",
				"RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ SELECT 1 $$");
		assertThat(findings(LintRule.SECURITY_DEFINER_SEARCH_PATH, function)).isEmpty();
	}

	@Test
	void securityDefinerSearchPathIsSilencedForABean() {
		PgEntity function = PgFunction.of("public", "definer_allowed()", DEFINER_BODY)
			.allowing("security-definer-search-path");
		assertThat(findings(LintRule.SECURITY_DEFINER_SEARCH_PATH, function)).isEmpty();
		assertThat(findings(LintRule.SECURITY_DEFINER_PUBLIC_EXECUTE, function)).hasSize(1);
	}

	@Test
	void securityDefinerSearchPathIsSilencedByACommentAboveTheStatement() {
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION definer_listed() RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;

				-- pg-entities:allow security-definer-search-path
				CREATE FUNCTION definer_commented() RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$;
				""", "db/entities/definers.sql", "public");
		assertThat(findings(LintRule.SECURITY_DEFINER_SEARCH_PATH, declared.toArray(PgEntity[]::new)))
			.extracting(LintFinding::identity, LintFinding::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("public.definer_listed()", "db/entities/definers.sql:1"));
	}

	@Test
	void allowCommentWithAnUnknownRuleIsAnInvalidDeclaration() {
		assertThatExceptionOfType(InvalidDeclarationException.class).isThrownBy(() -> PgEntities.fromSql("""
				-- pg-entities:allow no-such-rule
				CREATE VIEW v AS SELECT 1 AS one;
				""", "db/entities/v.sql", "public")).withMessageContaining("no-such-rule").withMessageContaining("v.sql");
	}

	@Test
	void securityDefinerFunctionExecutableByPublicIsFound() {
		PgFunction function = PgFunction.of("public", "definer_public()",
				"RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT 1 $$");
		assertThat(findings(LintRule.SECURITY_DEFINER_PUBLIC_EXECUTE, function)).singleElement()
			.satisfies((finding) -> assertThat(finding.fix())
				.contains("REVOKE EXECUTE ON FUNCTION public.definer_public() FROM PUBLIC"));
	}

	@Test
	void securityDefinerFunctionWhoseLiveExecuteIsRevokedFromPublicIsNotFound() {
		String definition = "RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT 1 $$";
		this.database.execute("CREATE FUNCTION public.definer_revoked() " + definition
				+ "; REVOKE EXECUTE ON FUNCTION public.definer_revoked() FROM PUBLIC");
		PgFunction function = PgFunction.of("public", "definer_revoked()", definition);
		assertThat(findings(LintRule.SECURITY_DEFINER_PUBLIC_EXECUTE, function)).isEmpty();
		assertThat(findings(LintRule.SECURITY_DEFINER_PUBLIC_EXECUTE, PgFunction.of("public", "invoker_public()",
				"RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$"))).isEmpty();
	}

	@Test
	void securityDefinerPublicExecuteIsSilencedForABean() {
		PgEntity function = PgFunction.of("public", "definer_public_allowed()",
				"RETURNS integer LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$ SELECT 1 $$")
			.allowing("security-definer-public-execute");
		assertThat(lint(function)).isEmpty();
	}

	@Test
	void policyOnATableWithoutRowLevelSecurityIsFound() {
		this.database.execute("CREATE TABLE public.open_notes (owner text)");
		PgPolicy policy = PgPolicy.of("public", "own_notes", "open_notes", "USING (owner = current_user)");
		assertThat(findings(LintRule.POLICY_WITHOUT_RLS, policy)).singleElement().satisfies((finding) -> {
			assertThat(finding.identity()).isEqualTo("public.open_notes.own_notes");
			assertThat(finding.why()).contains("disabled on its table public.open_notes");
			assertThat(finding.fix()).contains("ALTER TABLE public.open_notes ENABLE ROW LEVEL SECURITY");
		});
	}

	@Test
	void policyOnATableWithRowLevelSecurityIsNotFound() {
		this.database.execute("CREATE TABLE public.secured_notes (owner text);"
				+ "ALTER TABLE public.secured_notes ENABLE ROW LEVEL SECURITY");
		PgPolicy policy = PgPolicy.of("public", "own_notes", "secured_notes", "USING (owner = current_user)");
		assertThat(lint(policy)).isEmpty();
	}

	@Test
	void policyWithoutRowLevelSecurityIsSilencedByACommentAboveTheStatement() {
		this.database.execute("CREATE TABLE public.shared_notes (owner text)");
		List<PgEntity> declared = PgEntities.fromSql("""
				-- the table's row-level security is switched on by the release that needs it
				-- pg-entities:allow policy-without-rls
				CREATE POLICY own_notes ON shared_notes USING (owner = current_user);
				""", "db/entities/policies.sql", "public");
		assertThat(declared.get(0).allowedLintRules()).containsExactly("policy-without-rls");
		assertThat(lint(declared.toArray(PgEntity[]::new))).isEmpty();
	}

	@Test
	void viewOverATableWithRowLevelSecurityThatIsNotSecurityInvokerIsFound() {
		assumeTrue(this.database.serverMajorVersion() >= 15, "security_invoker views exist from PostgreSQL 15 on");
		this.database.execute("CREATE TABLE public.rls_orders (owner text, total numeric);"
				+ "ALTER TABLE public.rls_orders ENABLE ROW LEVEL SECURITY");
		PgView view = PgView.of("public", "order_totals", "SELECT owner, sum(total) AS total FROM rls_orders GROUP BY owner");
		assertThat(findings(LintRule.VIEW_BYPASSES_RLS, view)).singleElement().satisfies((finding) -> {
			assertThat(finding.why()).contains("reads public.rls_orders");
			assertThat(finding.fix()).contains("WITH (security_invoker = true)");
		});
		PgEntity allowed = view.allowing("view-bypasses-rls");
		assertThat(lint(allowed)).isEmpty();
	}

	@Test
	void securityInvokerViewOverATableWithRowLevelSecurityIsNotFound() {
		assumeTrue(this.database.serverMajorVersion() >= 15, "security_invoker views exist from PostgreSQL 15 on");
		this.database.execute("CREATE TABLE public.rls_invoices (owner text);"
				+ "ALTER TABLE public.rls_invoices ENABLE ROW LEVEL SECURITY;"
				+ "CREATE TABLE public.plain_invoices (owner text)");
		assertThat(lint(PgView.of("public", "invoice_owners", "SELECT owner FROM rls_invoices")
			.withClauses("WITH (security_invoker = true)"),
				PgView.of("public", "plain_owners", "SELECT owner FROM plain_invoices"))).isEmpty();
	}

	@Test
	void viewOverATableWithRowLevelSecurityIsNotReportedBeforePostgres15() {
		assumeTrue(this.database.serverMajorVersion() < 15,
				"from PostgreSQL 15 on, the rule applies (see the tests above)");
		this.database.execute("CREATE TABLE public.old_rls_orders (owner text);"
				+ "ALTER TABLE public.old_rls_orders ENABLE ROW LEVEL SECURITY");
		assertThat(lint(PgView.of("public", "old_order_owners", "SELECT owner FROM old_rls_orders"))).isEmpty();
	}

	@Test
	void triggerWhoseFunctionIsSecurityDefinerIsFoundNamingTheDeclaredFunction() {
		this.database.execute("CREATE TABLE public.audited (id integer)");
		PgFunction function = PgFunction.of("public", "audit_definer()",
				"RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog "
						+ "AS $$ BEGIN RETURN NEW; END $$")
			.allowing("security-definer-public-execute");
		PgTrigger trigger = PgTrigger.of("public", "audit", "audited",
				"AFTER INSERT ON public.audited FOR EACH ROW EXECUTE FUNCTION public.audit_definer()");
		assertThat(lint(function, trigger)).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(LintRule.TRIGGER_FUNCTION_SECURITY_DEFINER);
			assertThat(finding.identity()).isEqualTo("public.audited.audit");
			assertThat(finding.why()).contains("its function public.audit_definer() is SECURITY DEFINER")
				.doesNotContain("pgentities_sim");
		});
	}

	@Test
	void triggerWhoseFunctionIsSecurityInvokerIsNotFound() {
		this.database.execute("CREATE TABLE public.audited_safely (id integer)");
		assertThat(lint(
				PgFunction.of("public", "audit_invoker()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
				PgTrigger.of("public", "audit", "audited_safely",
						"AFTER INSERT ON public.audited_safely FOR EACH ROW EXECUTE FUNCTION public.audit_invoker()")))
			.isEmpty();
	}

	@Test
	void triggerFunctionSecurityDefinerIsSilencedByACommentAboveTheTrigger() {
		this.database.execute("CREATE TABLE public.audited_on_purpose (id integer);"
				+ "CREATE FUNCTION public.live_audit_definer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
				+ "SET search_path = pg_catalog AS $$ BEGIN RETURN NEW; END $$");
		List<PgEntity> declared = PgEntities.fromSql("""
				-- pg-entities:allow trigger-function-security-definer
				CREATE TRIGGER audit AFTER INSERT ON audited_on_purpose
				  FOR EACH ROW EXECUTE FUNCTION live_audit_definer();
				""", "db/entities/triggers.sql", "public");
		assertThat(lint(declared.toArray(PgEntity[]::new))).isEmpty();
		assertThat(lint(PgTrigger.of("public", "audit", "audited_on_purpose",
				"AFTER INSERT ON public.audited_on_purpose FOR EACH ROW EXECUTE FUNCTION public.live_audit_definer()")))
			.extracting(LintFinding::rule)
			.containsExactly(LintRule.TRIGGER_FUNCTION_SECURITY_DEFINER);
	}

	@Test
	void declarationWithoutASetClauseTheLiveFunctionHasIsFound() {
		this.database.execute("CREATE FUNCTION public.tuned() RETURNS integer LANGUAGE sql "
				+ "SET work_mem = '64MB' AS $$ SELECT 1 $$");
		PgFunction function = PgFunction.of("public", "tuned()", "RETURNS integer LANGUAGE sql AS $$ SELECT 2 $$");
		assertThat(findings(LintRule.REPLACE_DROPS_SET_CLAUSE, function)).singleElement().satisfies((finding) -> {
			assertThat(finding.why()).contains("the live routine has SET work_mem = 64MB");
			assertThat(finding.fix()).contains("add SET work_mem = 64MB");
		});
		assertThat(lint(function.allowing("replace-drops-set-clause"))).isEmpty();
	}

	@Test
	void declarationKeepingTheSetClausesOfTheLiveFunctionIsNotFound() {
		this.database.execute("CREATE FUNCTION public.kept_tuned() RETURNS integer LANGUAGE sql "
				+ "SET work_mem = '64MB' AS $$ SELECT 1 $$");
		assertThat(lint(PgFunction.of("public", "kept_tuned()",
				"RETURNS integer LANGUAGE sql SET work_mem = '32MB' AS $$ SELECT 2 $$"),
				PgFunction.of("public", "new_untuned()", "RETURNS integer LANGUAGE sql AS $$ SELECT 2 $$"))).isEmpty();
	}

	@Test
	void lintLeavesNothingBehind() throws Exception {
		PgFunction function = PgFunction.of("public", "definer_temporary()", DEFINER_BODY);
		assertThat(lint(function)).hasSize(2);
		try (var connection = this.database.connect(); var statement = connection.createStatement();
				var result = statement.executeQuery("SELECT count(*) FROM pg_proc WHERE proname = 'definer_temporary'"
						+ " OR pronamespace::regnamespace::text LIKE 'pgentities_sim%'")) {
			result.next();
			assertThat(result.getInt(1)).isZero();
		}
	}

	@Test
	void analyzeAndLintSimulatesOnceAndAnswersAsAnalyzeAndLintDo() {
		this.database.execute("CREATE FUNCTION public.once_tuned() RETURNS integer LANGUAGE sql "
				+ "SET work_mem = '64MB' AS $$ SELECT 1 $$");
		List<PgEntity> declared = List.of(PgFunction.of("public", "once_definer()", DEFINER_BODY),
				PgFunction.of("public", "once_tuned()", "RETURNS integer LANGUAGE sql AS $$ SELECT 2 $$"));
		RecordingDataSource recording = new RecordingDataSource(this.database.dataSource());
		Analysis analysis = PgEntitiesEngine.create(recording).analyze(declared);
		List<String> analyzing = recording.changing();
		recording.clear();
		List<LintFinding> findings = PgEntitiesEngine.create(recording).lint(declared);
		List<String> linting = recording.changing();
		recording.clear();
		LintedAnalysis linted = PgEntitiesEngine.create(recording).analyzeAndLint(declared);
		assertThat(findings).extracting(LintFinding::ruleId)
			.contains("security-definer-search-path", "replace-drops-set-clause");
		assertThat(linted.lint()).isEqualTo(findings);
		assertThat(linted.analysis().report().entities()).isEqualTo(analysis.report().entities());
		assertThat(linted.analysis().plan().statements()).isEqualTo(analysis.plan().statements());
		// the simulation is the only DDL either sends: one of them, not two
		assertThat(analyzing).isNotEmpty();
		assertThat(recording.changing()).hasSameSizeAs(analyzing).hasSizeLessThan(analyzing.size() + linting.size());
	}

	private List<LintFinding> findings(LintRule rule, PgEntity... declared) {
		return lint(declared).stream().filter((finding) -> finding.rule() == rule).toList();
	}

	private List<LintFinding> lint(PgEntity... declared) {
		return PgEntitiesEngine.create(this.database.dataSource()).lint(List.of(declared));
	}

}
