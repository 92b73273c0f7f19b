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
package io.pgentities;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PgEntitiesEngine}.
 */
@PostgresTest
class PgEntitiesEngineTests {

	private final TestDatabase database;

	PgEntitiesEngineTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void seedTutorialWrittenDifferentlyIsInSync() {
		this.database.execute("drop schema public cascade; create schema public;");
		this.database.execute(SeedTutorial.TABLES);
		this.database.execute("""
				CREATE   VIEW Public.Order_Line_Items AS -- the line items
				SELECT op.order_id, op.product_id, op.product_count, p.product_name, p.description,
				       p.price AS unit_price, (op.product_count * p.price) AS order_price
				FROM order_products AS op INNER JOIN products AS p ON (op.product_id = p.product_id);
				create function TIMESTAMP_UPDATE_ON_EDIT() returns trigger language plpgsql as $body$
				begin
				  new.last_edited = NOW();  -- touch
				  return new;
				end;
				$body$;
				create trigger timestamp_update_apply_products_trigger before update on products
				  for each row execute function timestamp_update_on_edit();
				""");
		DriftReport report = PgEntitiesEngine.create(this.database.dataSource()).check(SeedTutorial.ENTITIES);
		assertThat(report.entities()).extracting(EntityDrift::identity, EntityDrift::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("public.timestamp_update_on_edit()", DriftStatus.IN_SYNC),
					org.assertj.core.groups.Tuple.tuple("public.order_line_items", DriftStatus.IN_SYNC),
					org.assertj.core.groups.Tuple.tuple("public.products.timestamp_update_apply_products_trigger",
							DriftStatus.IN_SYNC));
		assertThat(report.inSync()).isTrue();
	}

	@Test
	void concurrentReconciliationsApplyOnceAndTheLaterFindsTheDatabaseInSync() throws Exception {
		this.database.execute("drop schema public cascade; create schema public;");
		this.database.execute(SeedTutorial.TABLES);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			java.util.concurrent.Callable<Analysis> reconcile = () -> {
				start.await();
				return engine.reconcile(SeedTutorial.ENTITIES);
			};
			java.util.concurrent.Future<Analysis> first = executor.submit(reconcile);
			java.util.concurrent.Future<Analysis> second = executor.submit(reconcile);
			start.countDown();
			List<Analysis> analyses = List.of(first.get(), second.get());
			assertThat(analyses).filteredOn((analysis) -> analysis.plan().isEmpty()).hasSize(1);
			assertThat(analyses).filteredOn((analysis) -> analysis.report().inSync()).hasSize(1);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(engine.check(SeedTutorial.ENTITIES).inSync()).isTrue();
	}

	@Test
	void undoPlanBringsBackWhatTheDatabaseHadBefore() throws Exception {
		this.database.execute("drop schema public cascade; create schema public;");
		this.database.execute(SeedTutorial.TABLES);
		this.database.execute("""
				CREATE VIEW order_line_items AS SELECT op.order_id, op.product_id, p.price FROM order_products op
				    JOIN products p ON op.product_id = p.product_id;
				CREATE VIEW expensive_items AS SELECT order_id, price FROM order_line_items WHERE price > 100;
				COMMENT ON VIEW expensive_items IS 'over a hundred';
				CREATE FUNCTION obsolete() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
				""");
		String before = definitions();
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).dropUndeclared(true).build();
		List<PgEntity> declared = List.of(SeedTutorial.ORDER_LINE_ITEMS, SeedTutorial.TIMESTAMP_UPDATE_ON_EDIT,
				PgView.of("public", "expensive_items", "SELECT order_id FROM order_line_items WHERE unit_price > 100"));
		Analysis analysis = engine.analyze(declared);
		engine.apply(analysis.plan());
		assertThat(engine.check(declared).inSync()).isTrue();
		assertThat(definitions()).isNotEqualTo(before);
		engine.apply(analysis.undoPlan());
		assertThat(definitions()).isEqualTo(before);
	}

	private String definitions() throws java.sql.SQLException {
		try (java.sql.Connection connection = this.database.connect();
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet result = statement.executeQuery("""
						SELECT string_agg(d, E'\n' ORDER BY d) FROM (
						  SELECT c.relname || ': ' || pg_get_viewdef(c.oid) || coalesce(obj_description(c.oid, 'pg_class'), '') AS d
						  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
						  UNION ALL SELECT pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
						  UNION ALL SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal) s
						""")) {
			result.next();
			return result.getString(1);
		}
	}

	@Test
	void rehearsedPlanIsInSyncInsideItsTransactionAndLeavesNothingBehind() throws Exception {
		this.database.execute("drop schema public cascade; create schema public;");
		this.database.execute(SeedTutorial.TABLES);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		String before = definitions();
		DriftReport rehearsed = engine.rehearse(engine.plan(SeedTutorial.ENTITIES), SeedTutorial.ENTITIES);
		assertThat(rehearsed.entities()).extracting(EntityDrift::status).containsOnly(DriftStatus.IN_SYNC);
		assertThat(definitions()).isEqualTo(before);
		assertThat(engine.check(SeedTutorial.ENTITIES).entities()).extracting(EntityDrift::status)
			.containsOnly(DriftStatus.MISSING);
	}

	@Test
	void rehearsalShowsTheDriftAPlanLeaves() {
		this.database.execute("drop schema public cascade; create schema public;");
		this.database.execute(SeedTutorial.TABLES);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		MigrationPlan incomplete = new MigrationPlan(List.of(
				"CREATE FUNCTION public.timestamp_update_on_edit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"),
				List.of(), List.of());
		DriftReport rehearsed = engine.rehearse(incomplete, List.of(SeedTutorial.TIMESTAMP_UPDATE_ON_EDIT,
				SeedTutorial.ORDER_LINE_ITEMS));
		assertThat(rehearsed.entities()).extracting(EntityDrift::identity, EntityDrift::status)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("public.timestamp_update_on_edit()", DriftStatus.CHANGED),
					org.assertj.core.groups.Tuple.tuple("public.order_line_items", DriftStatus.MISSING));
	}

	@Test
	void rehearsalOfAFailingPlanNamesTheStatement() {
		this.database.execute("drop schema public cascade; create schema public;");
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		MigrationPlan failing = new MigrationPlan(List.of("CREATE VIEW public.v AS SELECT * FROM no_such_table"),
				List.of(), List.of());
		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(PlanExecutionException.class)
			.isThrownBy(() -> engine.rehearse(failing, List.of(PgView.of("public", "v", "SELECT 1 AS one"))))
			.withMessageContaining("no_such_table");
	}

	@Test
	void seedTutorialFromNothingConvergesInOnePlan() {
		this.database.execute("drop schema public cascade; create schema public;");
		this.database.execute(SeedTutorial.TABLES);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		DriftReport before = engine.check(SeedTutorial.ENTITIES);
		assertThat(before.entities()).extracting(EntityDrift::status).containsOnly(DriftStatus.MISSING);
		MigrationPlan plan = engine.plan(SeedTutorial.ENTITIES);
		engine.apply(plan);
		DriftReport after = engine.check(SeedTutorial.ENTITIES);
		assertThat(after.inSync()).isTrue();
	}

	@Test
	void analyzeReturnsARefusedPlanWhenAColumnDefaultBlocksADrop() {
		List<PgEntity> declared = refusedScenario("refused_analyze");
		Analysis analysis = PgEntitiesEngine.create(this.database.dataSource()).analyze(declared);
		assertThat(analysis.report().entities()).extracting(EntityDrift::identity, EntityDrift::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("refused_analyze.code()", DriftStatus.CHANGED));
		MigrationPlan plan = analysis.plan();
		assertThat(plan.isRefused()).isTrue();
		assertThat(plan.isEmpty()).as("a refused plan leaves work to do").isFalse();
		assertThat(plan.statements()).isEmpty();
		assertThat(plan.toSql()).isEmpty();
		assertThat(analysis.undoPlan().statements()).isEmpty();
		PlanRefusal refusal = plan.refusal();
		assertThat(refusal).isNotNull();
		assertThat(refusal.kind()).isEqualTo(EntityKind.FUNCTION);
		assertThat(refusal.identity()).isEqualTo("refused_analyze.code()");
		assertThat(refusal.dependents()).singleElement()
			.asString()
			.contains("column code of table refused_analyze.orders");
		assertThat(refusal.reason()).startsWith("FUNCTION refused_analyze.code() needs drop and create (")
			.contains("never drops with CASCADE");
		assertThat(refusal.action()).contains("by hand", "column code of table refused_analyze.orders");
	}

	@Test
	void planReconcileAndApplyThrowTheRefusalWithTheReport() {
		List<PgEntity> declared = refusedScenario("refused_plan");
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		org.assertj.core.api.Assertions.assertThatExceptionOfType(PlanRefusedException.class)
			.isThrownBy(() -> engine.plan(declared))
			.satisfies((ex) -> {
				assertThat(ex.getRefusal().identity()).isEqualTo("refused_plan.code()");
				assertThat(ex.getReport()).isNotNull();
				assertThat(ex.getReport().drifted()).hasSize(1);
				assertThat(ex.getMessage()).isEqualTo(ex.getRefusal().message());
			});
		org.assertj.core.api.Assertions.assertThatExceptionOfType(PlanRefusedException.class)
			.isThrownBy(() -> engine.reconcile(declared))
			.satisfies((ex) -> assertThat(ex.getReport()).isNotNull());
		MigrationPlan refused = engine.analyze(declared).plan();
		org.assertj.core.api.Assertions.assertThatExceptionOfType(PlanRefusedException.class)
			.isThrownBy(() -> engine.apply(refused))
			.satisfies((ex) -> assertThat(ex.getReport()).isNull());
		assertThat(engine.check(declared).drifted()).as("nothing was applied").hasSize(1);
	}

	private List<PgEntity> refusedScenario(String schema) {
		this.database.execute("CREATE SCHEMA " + schema + ";"
				+ "CREATE FUNCTION " + schema + ".code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;"
				+ "CREATE TABLE " + schema + ".orders (id integer, code text DEFAULT " + schema + ".code())");
		return List.of(PgFunction.of(schema, "code()", "RETURNS varchar LANGUAGE sql AS $$ SELECT 'x'::varchar $$"));
	}

	@Test
	void planBlockedByAnotherSessionsLockFailsWithinTheLockBudgetAndLeavesNothingApplied() throws Exception {
		this.database.execute("""
				CREATE SCHEMA budget;
				CREATE TABLE budget.items (id integer primary key, touched timestamptz);
				""");
		List<PgEntity> declared = List.of(
				PgFunction.of("budget", "touch()",
						"RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched = now(); RETURN NEW; END $$"),
				PgTrigger.of("budget", "touch", "items",
						"BEFORE UPDATE ON budget.items FOR EACH ROW EXECUTE FUNCTION budget.touch()"));
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.applyLockTimeout(Duration.ofSeconds(1))
			.build();
		MigrationPlan plan = engine.plan(declared);
		assertThat(plan.statements()).hasSize(2);
		try (Connection writer = this.database.connect()) {
			writer.setAutoCommit(false);
			try (Statement statement = writer.createStatement()) {
				// a writer's lock conflicts with the SHARE ROW EXCLUSIVE lock CREATE TRIGGER takes
				statement.execute("LOCK TABLE budget.items IN ROW EXCLUSIVE MODE");
			}
			long start = System.nanoTime();
			assertThatExceptionOfType(PlanExecutionException.class).isThrownBy(() -> engine.apply(plan))
				.satisfies((ex) -> {
					assertThat(ex.getStatement()).startsWith("CREATE TRIGGER");
					assertThat(ex.getMessage()).contains("canceling statement due to lock timeout");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
			writer.rollback();
		}
		assertThat(count("SELECT count(*) FROM pg_proc WHERE proname = 'touch'")).isZero();
		assertThat(count("SELECT count(*) FROM pg_trigger WHERE tgname = 'touch'")).isZero();
		engine.apply(plan);
		assertThat(engine.check(declared).inSync()).isTrue();
	}

	@Test
	void applyLockTimeoutDefaultsToFiveSeconds() {
		assertThat(PgEntitiesEngine.create(this.database.dataSource()).applyLockTimeout())
			.isEqualTo(Duration.ofSeconds(5));
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	@Test
	void declarationsOfEveryKindReadBackInSyncWithTheDatabaseTheyCameFrom() {
		this.database.execute("drop schema if exists adopted cascade; create schema adopted;");
		this.database.execute("""
				CREATE TABLE adopted.accounts (id serial PRIMARY KEY, owner_name text NOT NULL, balance numeric,
				    touched timestamptz);
				ALTER TABLE adopted.accounts ENABLE ROW LEVEL SECURITY;
				CREATE FUNCTION adopted.touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN new.touched = now(); RETURN new; END $$;
				CREATE FUNCTION adopted.total(a integer, b numeric DEFAULT 1) RETURNS numeric LANGUAGE sql
				    IMMUTABLE AS 'SELECT a * b';
				COMMENT ON FUNCTION adopted.total(integer, numeric) IS 'it''s a product';
				CREATE PROCEDURE adopted.reset(target integer) LANGUAGE sql
				    AS $$ UPDATE adopted.accounts SET balance = 0 WHERE id = target $$;
				CREATE VIEW adopted."Rich Accounts" WITH (security_barrier) AS
				    SELECT id, owner_name FROM adopted.accounts WHERE balance > adopted.total(1000, 1);
				CREATE MATERIALIZED VIEW adopted.balances AS SELECT owner_name, sum(balance) AS total
				    FROM adopted.accounts GROUP BY owner_name WITH NO DATA;
				CREATE UNIQUE INDEX balances_owner ON adopted.balances (owner_name);
				COMMENT ON MATERIALIZED VIEW adopted.balances IS 'per owner';
				CREATE TRIGGER touch BEFORE UPDATE ON adopted.accounts FOR EACH ROW
				    WHEN (old.balance IS DISTINCT FROM new.balance) EXECUTE FUNCTION adopted.touch();
				CREATE POLICY own ON adopted.accounts FOR SELECT TO PUBLIC USING (owner_name = current_user);
				COMMENT ON POLICY own ON adopted.accounts IS 'owners only';
				""");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas("adopted").build();

		List<EntityDeclaration> declarations = engine.declarations();

		assertThat(declarations).extracting(EntityDeclaration::kind, EntityDeclaration::identity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(EntityKind.FUNCTION, "adopted.total(integer, numeric)"),
					org.assertj.core.groups.Tuple.tuple(EntityKind.FUNCTION, "adopted.touch()"),
					org.assertj.core.groups.Tuple.tuple(EntityKind.PROCEDURE, "adopted.reset(integer)"),
					org.assertj.core.groups.Tuple.tuple(EntityKind.VIEW, "adopted.\"Rich Accounts\""),
					org.assertj.core.groups.Tuple.tuple(EntityKind.MATERIALIZED_VIEW, "adopted.balances"),
					org.assertj.core.groups.Tuple.tuple(EntityKind.TRIGGER, "adopted.accounts.touch"),
					org.assertj.core.groups.Tuple.tuple(EntityKind.POLICY, "adopted.accounts.own"));
		assertThat(declarations.get(4).toSql()).contains("WITH NO DATA", "CREATE UNIQUE INDEX balances_owner",
				"COMMENT ON MATERIALIZED VIEW adopted.balances IS 'per owner'");
		List<PgEntity> readBack = declarations.stream()
			.flatMap((declaration) -> PgEntities.fromSql(declaration.toSql()).stream())
			.toList();
		assertThat(readBack).hasSize(declarations.size());
		DriftReport report = engine.check(readBack);
		assertThat(report.drifted()).isEmpty();
		assertThat(report.entities()).hasSize(7);
	}

	@Test
	void declarationsLeaveOutWhatBelongsToAnExtension() {
		try (java.sql.Connection connection = this.database.connect();
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet available = statement
					.executeQuery("select 1 from pg_available_extensions where name = 'pg_trgm'")) {
			org.junit.jupiter.api.Assumptions.assumeTrue(available.next(), "the server has no pg_trgm");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		this.database.execute("drop schema if exists ext cascade; create schema ext;"
				+ "create extension if not exists pg_trgm schema ext;"
				+ "create function ext.mine() returns integer language sql as 'select 1';");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).schemas("ext").build();

		// the extension is an entity of its own; its functions, types and operators are not
		assertThat(engine.declarations()).extracting(EntityDeclaration::identity)
			.containsExactly("ext.mine()", "pg_trgm");
	}

	@Test
	void declarationsLeaveOutWhatIsIgnored() {
		this.database.execute("drop schema if exists legacy cascade; create schema legacy;"
				+ "create view legacy.kept as select 1 as one; create view legacy.old_report as select 2 as two;");
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas("legacy")
			.ignore(List.of("legacy.old_*"))
			.build();

		assertThat(engine.declarations()).extracting(EntityDeclaration::identity).containsExactly("legacy.kept");
	}

	@Test
	void declarationsNeedTheSchemasToRead() {
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());

		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(engine::declarations)
			.withMessageContaining("schemas");
	}

	@Test
	void applyAndReconcileRefuseAPlanWithHazardsThatAreNotAllowedAndRunNothing() {
		this.database.execute("""
				drop schema if exists hazard_refused cascade; create schema hazard_refused;
				create table hazard_refused.items (id integer primary key, price numeric not null);
				create function hazard_refused.doubled(p numeric) returns numeric language sql as 'select p * 2';
				create view hazard_refused.priced as select id, hazard_refused.doubled(price) as price from hazard_refused.items;
				""");
		List<PgEntity> declared = PgEntities.fromSql("""
				create function hazard_refused.doubled(p numeric) returns double precision language sql
				    as 'select (p * 2)::double precision';
				""");
		PgEntitiesEngine strict = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas("hazard_refused")
			.allowedHazards(List.of(Hazard.RUNS_QUERY))
			.build();
		MigrationPlan plan = strict.plan(declared);
		assertThat(plan.hazards()).containsExactly(Hazard.DROPS_DEPENDENT);
		assertThatExceptionOfType(PlanHazardException.class).isThrownBy(() -> strict.apply(plan))
			.withMessageContaining("1 statement has a hazard that is not allowed (DROPS_DEPENDENT; allowed: RUNS_QUERY)")
			.withMessageContaining("VIEW hazard_refused.priced: DROPS_DEPENDENT in DROP VIEW hazard_refused.priced")
			.satisfies((ex) -> assertThat(ex.getStatements()).extracting(PlannedStatement::sql)
				.containsExactly("DROP VIEW hazard_refused.priced"));
		assertThatExceptionOfType(PlanHazardException.class).isThrownBy(() -> strict.reconcile(declared));
		assertThat(strict.check(declared).entities()).extracting(EntityDrift::identity, EntityDrift::status)
			.contains(org.assertj.core.groups.Tuple.tuple("hazard_refused.doubled(numeric)", DriftStatus.CHANGED));

		PgEntitiesEngine lenient = PgEntitiesEngine.builder(this.database.dataSource()).schemas("hazard_refused").build();
		assertThat(lenient.allowedHazards()).isEqualTo(PgEntitiesEngine.DEFAULT_ALLOWED_HAZARDS);
		lenient.reconcile(declared);
		assertThat(lenient.check(declared).entities()).extracting(EntityDrift::identity, EntityDrift::status)
			.contains(org.assertj.core.groups.Tuple.tuple("hazard_refused.doubled(numeric)", DriftStatus.IN_SYNC));
	}

	@Test
	void dropsOfUndeclaredObjectsAreAllowedWhereUndeclaredObjectsAreDropped() {
		this.database.execute("""
				drop schema if exists hazard_undeclared cascade; create schema hazard_undeclared;
				create view hazard_undeclared.old_report as select 1 as one;
				""");
		List<PgEntity> declared = PgEntities.fromSql("create view hazard_undeclared.report as select 2 as two");
		PgEntitiesEngine keeping = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas("hazard_undeclared")
			.build();
		assertThat(keeping.allowedHazards()).doesNotContain(Hazard.DROPS_UNDECLARED);
		MigrationPlan dropping = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas("hazard_undeclared")
			.dropUndeclared(true)
			.build()
			.plan(declared);
		assertThat(dropping.hazards()).containsExactly(Hazard.DROPS_UNDECLARED);
		assertThatExceptionOfType(PlanHazardException.class).isThrownBy(() -> keeping.apply(dropping))
			.withMessageContaining("DROPS_UNDECLARED in DROP VIEW hazard_undeclared.old_report");

		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.schemas("hazard_undeclared")
			.dropUndeclared(true)
			.allowedHazards(List.of())
			.build();
		assertThat(engine.allowedHazards()).containsExactly(Hazard.DROPS_UNDECLARED);
		engine.reconcile(declared);
		assertThat(engine.check(declared).inSync()).isTrue();
	}

}
