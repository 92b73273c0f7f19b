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
package io.pgentities.internal.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.pgentities.DriftStatus;
import io.pgentities.MigrationPlan;
import io.pgentities.internal.catalog.CatalogAggregate;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.catalog.CatalogRoutine;
import io.pgentities.internal.catalog.CatalogView;
import io.pgentities.internal.diff.EntityComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.pgentities.internal.plan.CatalogObjects.aggregate;
import static io.pgentities.internal.plan.CatalogObjects.function;
import static io.pgentities.internal.plan.CatalogObjects.materializedView;
import static io.pgentities.internal.plan.CatalogObjects.trigger;
import static io.pgentities.internal.plan.CatalogObjects.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests for {@link Planner}.
 */
class PlannerTests {

	private static final CatalogRoutine TOTAL = function("total", "integer", "select 1");

	private static final CatalogRoutine TOTAL_CHANGED = function("total", "integer", "select 2");

	private static final CatalogRoutine TOTAL_BIGINT = function("total", "bigint", "select 1");

	private static final CatalogView READS_TOTAL = view("v", "SELECT public.total() AS n", List.of("n integer"));

	private static final CatalogView ONE_COLUMN = view("v", "SELECT 1 AS a", List.of("a integer"));

	private static final CatalogView TWO_COLUMNS = view("v", "SELECT 1 AS a, 2 AS b",
			List.of("a integer", "b integer"));

	private static final DependencyGraph VIEW_READS_TOTAL = DependencyGraph
		.of(Map.of("public.v", Set.of("public.total()")));

	private static final CatalogAggregate COUNTS = aggregate("counts", "postgres", List.of());

	private static final DependencyGraph AGGREGATE_USES_TOTAL = DependencyGraph
		.of(Map.of("public.counts()", Set.of("public.total()")));

	private static final String INDEX = "CREATE INDEX m_n ON public.m USING btree (n)";

	private static final String UNIQUE_INDEX = "CREATE UNIQUE INDEX m_n ON public.m USING btree (n)";

	static Stream<Arguments> problems() {
		return Stream.of(
				argumentSet("a missing function is created", List.of(missing(TOTAL)), DependencyGraph.EMPTY,
						DependencyGraph.EMPTY, false, List.of(TOTAL.canonicalDefinition())),
				argumentSet("a changed body is replaced in place", List.of(changed(TOTAL, TOTAL_CHANGED)),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of(TOTAL_CHANGED.canonicalDefinition())),
				argumentSet("a changed result type drops and creates the function with the view that reads it",
						List.of(changed(TOTAL, TOTAL_BIGINT), inSync(READS_TOTAL)), VIEW_READS_TOTAL,
						VIEW_READS_TOTAL, false,
						List.of("DROP VIEW public.v", "DROP FUNCTION public.total()",
								TOTAL_BIGINT.canonicalDefinition(), "CREATE VIEW public.v AS\nSELECT public.total() AS n")),
				argumentSet("an aggregate is dropped before the support function that must be recreated, created after it",
						List.of(changed(TOTAL, TOTAL_BIGINT), inSync(COUNTS)), AGGREGATE_USES_TOTAL, AGGREGATE_USES_TOTAL,
						false, List.of("DROP AGGREGATE public.counts(*)", "DROP FUNCTION public.total()",
								TOTAL_BIGINT.canonicalDefinition(), COUNTS.canonicalDefinition())),
				argumentSet("a view that appends a column is replaced in place", List.of(changed(ONE_COLUMN, TWO_COLUMNS)),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of("CREATE OR REPLACE VIEW public.v AS\nSELECT 1 AS a, 2 AS b")),
				argumentSet("a view that loses a column is dropped and created",
						List.of(changed(TWO_COLUMNS, ONE_COLUMN)), DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of("DROP VIEW public.v", "CREATE VIEW public.v AS\nSELECT 1 AS a")),
				argumentSet("a changed trigger is dropped and created",
						List.of(changed(trigger("t", "touch", "BEFORE UPDATE"), trigger("t", "touch", "BEFORE INSERT"))),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of("DROP TRIGGER touch ON public.t", trigger("t", "touch", "BEFORE INSERT").definition())),
				argumentSet("changed indexes of a materialized view change without recreating it",
						List.of(changed(materializedView("m", "SELECT 1 AS n", List.of(INDEX), true),
								materializedView("m", "SELECT 1 AS n", List.of(UNIQUE_INDEX), true))),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of("DROP INDEX public.m_n", UNIQUE_INDEX)),
				argumentSet("a materialized view is created as populated as it was, saying that its query runs",
						List.of(missing(materializedView("m", "SELECT 1 AS n", List.of(INDEX), true))),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of("-- public.m is created WITH DATA: its query runs now\n"
								+ "CREATE MATERIALIZED VIEW public.m AS\nSELECT 1 AS n\nWITH DATA", INDEX)),
				argumentSet("without a dependency or creation order, routines are created before views",
						List.of(missing(view("a", "SELECT 1 AS a", List.of("a integer"))),
								missing(function("z", "integer", "select 1"))),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false,
						List.of(function("z", "integer", "select 1").canonicalDefinition(),
								"CREATE VIEW public.a AS\nSELECT 1 AS a")),
				argumentSet("an undeclared object stays when undeclared objects are kept", List.of(undeclared(TOTAL)),
						DependencyGraph.EMPTY, DependencyGraph.EMPTY, false, List.of()),
				argumentSet("an undeclared object is dropped when undeclared objects are dropped",
						List.of(undeclared(TOTAL)), DependencyGraph.EMPTY, DependencyGraph.EMPTY, true,
						List.of("DROP FUNCTION public.total()")),
				argumentSet("an undeclared object a declared one needs stays although undeclared objects are dropped",
						List.of(undeclared(TOTAL), missing(READS_TOTAL)), DependencyGraph.EMPTY, VIEW_READS_TOTAL, true,
						List.of("CREATE VIEW public.v AS\nSELECT public.total() AS n")),
				argumentSet("an object in sync is left alone", List.of(inSync(TOTAL)), DependencyGraph.EMPTY,
						DependencyGraph.EMPTY, true, List.of()));
	}

	@ParameterizedTest
	@MethodSource("problems")
	void plansTheStatementsThatReachTheDesiredState(List<EntityComparison> comparisons, DependencyGraph current,
			DependencyGraph desired, boolean dropUndeclared, List<String> expected) {
		MigrationPlan plan = Planner.plan(problem(comparisons, current, desired, Surroundings.NONE, dropUndeclared));
		assertThat(plan.isRefused()).isFalse();
		assertThat(plan.statements()).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> undoProblems() {
		return Stream.of(
				argumentSet("a created object is dropped again", List.of(missing(TOTAL)), DependencyGraph.EMPTY,
						List.of("DROP FUNCTION public.total()")),
				argumentSet("an object replaced in place is replaced back", List.of(changed(TOTAL, TOTAL_CHANGED)),
						DependencyGraph.EMPTY, List.of(TOTAL.canonicalDefinition())),
				argumentSet("a recreated object is recreated as it was, with what reads it",
						List.of(changed(TOTAL, TOTAL_BIGINT), inSync(READS_TOTAL)), VIEW_READS_TOTAL,
						List.of("DROP VIEW public.v", "DROP FUNCTION public.total()", TOTAL.canonicalDefinition(),
								"CREATE VIEW public.v AS\nSELECT public.total() AS n")));
	}

	@ParameterizedTest
	@MethodSource("undoProblems")
	void reversedProblemPlansTheWayBack(List<EntityComparison> comparisons, DependencyGraph graph,
			List<String> expected) {
		PlanningProblem problem = problem(comparisons, graph, graph, Surroundings.NONE, false);
		assertThat(Planner.plan(problem.reversed()).statements()).containsExactlyElementsOf(expected);
	}

	@Test
	void dropOfAnObjectSomethingNoPlanRecreatesDependsOnIsRefused() {
		Surroundings blocked = new Surroundings(Map.of(), DependencyGraph.EMPTY,
				Map.of("public.total()", List.of("default value of column n of table public.t")), Map.of());
		MigrationPlan plan = Planner
			.plan(problem(List.of(changed(TOTAL, TOTAL_BIGINT)), DependencyGraph.EMPTY, DependencyGraph.EMPTY, blocked,
					false));
		assertThat(plan.isRefused()).isTrue();
		assertThat(plan.refusal().identity()).isEqualTo("public.total()");
		assertThat(plan.refusal().dependents()).containsExactly("default value of column n of table public.t");
	}

	@Test
	void bystanderIsRecreatedWithWhatItDependsOn() {
		CatalogView elsewhere = new CatalogView(9, READS_TOTAL.kind(), "reports", "v", READS_TOTAL.query(), "",
				READS_TOTAL.columns(), List.of(), true, List.of(), List.of(), null, "postgres", List.of());
		Surroundings surroundings = new Surroundings(Map.of("reports.v", elsewhere), DependencyGraph.EMPTY, Map.of(),
				Map.of());
		DependencyGraph graph = DependencyGraph.of(Map.of("reports.v", Set.of("public.total()")));
		MigrationPlan plan = Planner
			.plan(problem(List.of(changed(TOTAL, TOTAL_BIGINT)), graph, graph, surroundings, false));
		assertThat(plan.statements()).containsExactly("DROP VIEW reports.v", "DROP FUNCTION public.total()",
				TOTAL_BIGINT.canonicalDefinition(), "CREATE VIEW reports.v AS\nSELECT public.total() AS n");
	}

	private static PlanningProblem problem(List<EntityComparison> comparisons, DependencyGraph current,
			DependencyGraph desired, Surroundings surroundings, boolean dropUndeclared) {
		return new PlanningProblem(comparisons, current, desired, List.of(), surroundings,
				new Planner.Options(dropUndeclared, "postgres", false));
	}

	private static EntityComparison missing(CatalogEntity desired) {
		return new EntityComparison(desired.identity(), null, desired, null, DriftStatus.MISSING, "");
	}

	private static EntityComparison changed(CatalogEntity current, CatalogEntity desired) {
		return new EntityComparison(desired.identity(), null, desired, current, DriftStatus.CHANGED, "");
	}

	private static EntityComparison inSync(CatalogEntity entity) {
		return new EntityComparison(entity.identity(), null, entity, entity, DriftStatus.IN_SYNC, "");
	}

	private static EntityComparison undeclared(CatalogEntity current) {
		return new EntityComparison(current.identity(), null, null, current, DriftStatus.UNDECLARED, "");
	}

}
