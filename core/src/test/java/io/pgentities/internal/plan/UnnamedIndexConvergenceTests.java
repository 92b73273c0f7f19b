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

import java.nio.file.Path;
import java.util.List;

import io.pgentities.DriftStatus;
import io.pgentities.PgEntities;
import io.pgentities.PgEntity;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of materialized views whose indexes are declared without a name, leaving the
 * name to PostgreSQL (see gh-13).
 */
@PostgresTest
class UnnamedIndexConvergenceTests {

	private static final String TABLE = """
			CREATE TABLE %1$s.t (id integer PRIMARY KEY, v integer NOT NULL);
			INSERT INTO %1$s.t VALUES (1, 10), (2, 20);
			""";

	private static final String VIEW = """
			CREATE MATERIALIZED VIEW %1$s.mv AS SELECT id, v FROM %1$s.t;
			CREATE UNIQUE INDEX ON %1$s.mv (id);
			CREATE INDEX ON %1$s.mv ((v + 1));
			CREATE INDEX ON %1$s.mv (id);
			""";

	private final TestDatabase database;

	UnnamedIndexConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void databaseCreatedFromTheSameSqlIsInSync(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "unnamed_same", migrations);
		scenario.execute(TABLE.formatted("unnamed_same") + VIEW.formatted("unnamed_same"));
		List<PgEntity> declared = PgEntities.fromSql(VIEW.formatted("unnamed_same"));
		assertThat(scenario.check(declared).inSync()).isTrue();
		assertThat(scenario.engine().plan(declared).statements()).isEmpty();
	}

	@Test
	void missingMaterializedViewGetsItsIndexesUnderTheNamesPostgresqlGivesThem(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "unnamed_missing", migrations);
		scenario.execute(TABLE.formatted("unnamed_missing"));
		List<PgEntity> declared = PgEntities.fromSql(VIEW.formatted("unnamed_missing"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("unnamed_missing.mv", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.statementsContaining("INDEX")).containsExactly(
				"CREATE INDEX ON unnamed_missing.mv USING btree (((v + 1)))",
				"CREATE INDEX ON unnamed_missing.mv USING btree (id)",
				"CREATE UNIQUE INDEX ON unnamed_missing.mv USING btree (id)");
		assertThat(indexes(scenario)).containsExactly("mv_expr_idx", "mv_id_idx", "mv_id_idx1");
	}

	@Test
	void nameTakenInTheLiveSchemaButNotInTheSimulationConverges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "unnamed_taken", migrations);
		scenario.execute(TABLE.formatted("unnamed_taken") + "CREATE TABLE unnamed_taken.mv_id_idx (x integer);");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW unnamed_taken.mv AS SELECT id, v FROM unnamed_taken.t;
				CREATE UNIQUE INDEX ON unnamed_taken.mv (id);
				""");
		scenario.converge(declared);
		assertThat(indexes(scenario)).containsExactly("mv_id_idx1");
	}

	@Test
	void indexDeclaredWithoutANameMatchesALiveIndexOfTheSameDefinitionWhateverItsName(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "unnamed_adopted", migrations);
		scenario.execute(TABLE.formatted("unnamed_adopted") + """
				CREATE MATERIALIZED VIEW unnamed_adopted.mv AS SELECT id, v FROM unnamed_adopted.t;
				CREATE UNIQUE INDEX mv_by_id ON unnamed_adopted.mv (id);
				CREATE INDEX mv_by_v ON unnamed_adopted.mv (v);
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW unnamed_adopted.mv AS SELECT id, v FROM unnamed_adopted.t;
				CREATE UNIQUE INDEX ON unnamed_adopted.mv (id);
				CREATE INDEX ON unnamed_adopted.mv (v);
				""");
		assertThat(scenario.statuses(declared)).containsOnly(entry("unnamed_adopted.mv", DriftStatus.IN_SYNC));
		List<PgEntity> changed = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW unnamed_adopted.mv AS SELECT id, v FROM unnamed_adopted.t WHERE v > 0;
				CREATE UNIQUE INDEX ON unnamed_adopted.mv (id);
				CREATE INDEX ON unnamed_adopted.mv (v);
				""");
		assertThat(scenario.statuses(changed)).containsOnly(entry("unnamed_adopted.mv", DriftStatus.CHANGED));
		scenario.converge(changed);
		assertThat(indexes(scenario)).as("recreated unnamed, the indexes take the names PostgreSQL gives them")
			.containsExactly("mv_id_idx", "mv_v_idx");
	}

	@Test
	void namedDeclarationReplacesTheIndexPostgresqlNamed(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "unnamed_renamed", migrations);
		scenario.execute(TABLE.formatted("unnamed_renamed") + """
				CREATE MATERIALIZED VIEW unnamed_renamed.mv AS SELECT id, v FROM unnamed_renamed.t;
				CREATE UNIQUE INDEX ON unnamed_renamed.mv (id);
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE MATERIALIZED VIEW unnamed_renamed.mv AS SELECT id, v FROM unnamed_renamed.t;
				CREATE UNIQUE INDEX mv_by_id ON unnamed_renamed.mv (id);
				CREATE INDEX ON unnamed_renamed.mv (v);
				""");
		assertThat(scenario.statuses(declared)).containsOnly(entry("unnamed_renamed.mv", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().statements()).hasSize(3).startsWith("DROP INDEX unnamed_renamed.mv_id_idx")
			.contains("CREATE UNIQUE INDEX mv_by_id ON unnamed_renamed.mv USING btree (id)",
					"CREATE INDEX ON unnamed_renamed.mv USING btree (v)");
		assertThat(indexes(scenario)).containsExactly("mv_by_id", "mv_v_idx");
	}

	/**
	 * The names of the indexes of the scenario's materialized view.
	 */
	private static List<String> indexes(ConvergenceScenario scenario) {
		return scenario.strings("SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = 'mv'"
				+ " ORDER BY 1", scenario.schema());
	}

}
