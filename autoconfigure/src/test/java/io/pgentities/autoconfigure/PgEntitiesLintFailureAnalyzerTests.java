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

import io.pgentities.EntityKind;
import io.pgentities.LintFinding;
import io.pgentities.LintRule;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PgEntitiesLintFailureAnalyzer}.
 */
class PgEntitiesLintFailureAnalyzerTests {

	private final PgEntitiesLintFailureAnalyzer analyzer = new PgEntitiesLintFailureAnalyzer();

	@Test
	void descriptionListsEveryFindingAndActionSaysHowToSilenceOrStart() {
		LintFinding policy = new LintFinding(LintRule.POLICY_WITHOUT_RLS, EntityKind.POLICY, "public.notes.own",
				"file db/entities/policies.sql:4", "row-level security is disabled on its table public.notes",
				"run ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY");
		LintFinding trigger = new LintFinding(LintRule.TRIGGER_FUNCTION_SECURITY_DEFINER, EntityKind.TRIGGER,
				"public.notes.audit", "bean 'audit'", "its function public.audit() is SECURITY DEFINER",
				"make public.audit() SECURITY INVOKER");
		FailureAnalysis analysis = this.analyzer.analyze(new PgEntitiesLintException(List.of(policy, trigger)));
		assertThat(analysis.getDescription()).contains("found 2 problems")
			.contains("[policy-without-rls] POLICY public.notes.own (file db/entities/policies.sql:4)")
			.contains("Fix: run ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY")
			.contains("[trigger-function-security-definer] TRIGGER public.notes.audit (bean 'audit')");
		assertThat(analysis.getAction()).contains("-- pg-entities:allow <rule>").contains("pg-entities.lint=warn");
	}

}
