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

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.pgentities.DriftStatus;
import io.pgentities.EntityKind;
import io.pgentities.PgEntities;
import io.pgentities.PgEntity;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Convergence of the generator's workload at scale 3 (30 entities over 3 tables in
 * {@code public}), declared from its files in alphabetical order, so that materialized
 * views come before the views they read. The files in {@code workload-scale-3} were written
 * once by {@code generate.py --scale 3}.
 */
@PostgresTest
class WorkloadConvergenceTests {

	private static final int TABLES = 3;

	private final TestDatabase database;

	private final Path workload;

	WorkloadConvergenceTests(TestDatabase database) throws URISyntaxException {
		this.database = database;
		this.workload = Path.of(WorkloadConvergenceTests.class.getResource("/workload-scale-3").toURI());
	}

	@BeforeEach
	void createTables() throws IOException {
		this.database.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
		this.database.execute(Files.readString(this.workload.resolve("tables.sql")));
		for (int t = 0; t < TABLES; t++) {
			this.database.execute(("INSERT INTO public.item_%d (name, qty, price, last_edited) VALUES"
					+ " ('alpha', 2, 3.50, '2024-01-01 00:00:00+00'), ('beta', 0, 10, NULL), ('alpha', 5, 1, NULL)")
				.formatted(t));
		}
	}

	@Test
	void workloadIsCreatedFromNothing(@TempDir Path migrations) throws IOException {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "public", migrations);
		List<PgEntity> declared = declared(UnaryOperator.identity());
		assertThat(declared).hasSize(30);
		assertThat(scenario.statuses(declared)).hasSize(30)
			.allSatisfy((identity, status) -> assertThat(status).isEqualTo(DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.dropStatements()).isEmpty();
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(convergence.plan().summary()).hasSize(30);
		for (int t = 0; t < TABLES; t++) {
			int summary = convergence.position("CREATE VIEW public.item_%d_summary".formatted(t));
			assertThat(convergence.position("CREATE VIEW public.item_%d_priced".formatted(t))).isLessThan(summary);
			assertThat(convergence.position("CREATE MATERIALIZED VIEW public.item_%d_top".formatted(t)))
				.isGreaterThan(summary);
			assertThat(convergence.position("TRIGGER item_%d_touch_insert".formatted(t)))
				.isGreaterThan(convergence.position("FUNCTION public.touch_%d()".formatted(t)));
		}
		assertThat(scenario.strings("SELECT n.nspname || '.' || c.relname || ':' || c.relispopulated FROM pg_class c"
				+ " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'm' ORDER BY 1"))
			.containsExactly("public.item_0_top:false", "public.item_1_top:false", "public.item_2_top:false");
	}

	@Test
	void everyViewOfTheWorkloadChangedAtOnce(@TempDir Path migrations) throws IOException {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "public", migrations);
		createLive();
		List<PgEntity> unchanged = declared(UnaryOperator.identity());
		assertThat(scenario.check(unchanged).inSync()).as("the live workload matches its files").isTrue();
		List<PgEntity> declared = declared(WorkloadConvergenceTests::changeView);
		Map<String, DriftStatus> statuses = scenario.statuses(declared);
		assertThat(statuses).hasSize(30);
		for (PgEntity entity : declared) {
			DriftStatus expected = (entity.kind() == EntityKind.VIEW) ? DriftStatus.CHANGED : DriftStatus.IN_SYNC;
			assertThat(statuses).containsEntry(entity.identity(), expected);
		}
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.plan().drops()).isEmpty();
		for (int t = 0; t < TABLES; t++) {
			assertThat(convergence.statementsContaining("CREATE OR REPLACE VIEW public.item_%d_base".formatted(t)))
				.hasSize(1);
			int dropPriced = convergence.position("DROP VIEW public.item_%d_priced".formatted(t));
			int dropSummary = convergence.position("DROP VIEW public.item_%d_summary".formatted(t));
			int dropTop = convergence.position("DROP MATERIALIZED VIEW public.item_%d_top".formatted(t));
			assertThat(dropTop).isLessThan(dropSummary);
			assertThat(dropSummary).isLessThan(dropPriced);
			int createPriced = convergence.position("CREATE VIEW public.item_%d_priced".formatted(t));
			int createSummary = convergence.position("CREATE VIEW public.item_%d_summary".formatted(t));
			int createTop = convergence.position("CREATE MATERIALIZED VIEW public.item_%d_top".formatted(t));
			assertThat(createPriced).isGreaterThan(dropPriced);
			assertThat(createSummary).isGreaterThan(createPriced);
			assertThat(createTop).isGreaterThan(createSummary);
			assertThat(convergence.plan().statements().get(createTop)).contains("WITH NO DATA");
		}
		assertThat(convergence.dropStatements()).hasSize(3 * TABLES)
			.noneMatch((statement) -> statement.contains("FUNCTION") || statement.contains("TRIGGER")
					|| statement.contains("POLICY") || statement.contains("_base"));
		scenario.execute("REFRESH MATERIALIZED VIEW public.item_0_top");
		assertThat(scenario.strings("SELECT name || ':' || total || ':' || n || ':' || top FROM public.item_0_summary"
				+ " ORDER BY name")).containsExactly("alpha:12.00:2:7.00");
	}

	/**
	 * Creates the workload's entities with JDBC, in an order PostgreSQL accepts.
	 */
	private void createLive() throws IOException {
		List<String> prefixes = List.of("fn_", "v_", "mv_", "tg_", "pol_");
		List<Path> files = new ArrayList<>(entityFiles());
		files.sort(Comparator.comparing((Path file) -> prefixes.stream()
			.filter((prefix) -> file.getFileName().toString().startsWith(prefix))
			.findFirst()
			.map(prefixes::indexOf)
			.orElseThrow()).thenComparing(Comparator.naturalOrder()));
		for (Path file : files) {
			this.database.execute(Files.readString(file));
		}
	}

	/**
	 * Declares the workload from its files in alphabetical order.
	 * @param edit what to do to each file's SQL before it is read
	 * @return the entities
	 */
	private List<PgEntity> declared(UnaryOperator<String> edit) throws IOException {
		List<PgEntity> entities = new ArrayList<>();
		for (Path file : entityFiles()) {
			String sql = Files.readString(file);
			String edited = edit.apply(sql);
			if (edited.equals(sql)) {
				entities.addAll(PgEntities.fromFile(file));
			}
			else {
				entities.addAll(PgEntities.fromSql(edited, "edited " + file, "public"));
			}
		}
		return entities;
	}

	private List<Path> entityFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.workload.resolve("entities"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
		}
	}

	/**
	 * Changes a view of the workload: a base view gets a stricter {@code WHERE} (replaced in
	 * place), a priced view a column in the middle (dropped and created with everything
	 * above it), a summary view a column at the end.
	 */
	private static String changeView(String sql) {
		if (!sql.startsWith("CREATE OR REPLACE VIEW")) {
			return sql;
		}
		String changed = sql.replace("WHERE qty > 0", "WHERE qty > 0 AND price >= 0")
			.replace("SELECT b.id, b.name,", "SELECT b.id, b.qty, b.name,")
			.replace("count(*) AS n", "count(*) AS n, max(p.total) AS top");
		assertThat(changed).as("the edited view").isNotEqualTo(sql);
		return changed;
	}

}
