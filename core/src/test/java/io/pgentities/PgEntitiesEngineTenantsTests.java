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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the tenant methods of {@link PgEntitiesEngine}: a {@link TenantTemplate} over 200
 * tenant schemas of one database. Each test has tenant schemas of its own prefix.
 */
@PostgresTest
class PgEntitiesEngineTenantsTests {

	private static final int TENANTS = 200;

	static final String TEMPLATE_SQL = """
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
			    AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
			CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql STABLE
			    AS $$ SELECT count(*) FROM orders $$;
			CREATE VIEW open_orders AS SELECT id, customer, total FROM orders WHERE total > 0;
			CREATE TRIGGER touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
			CREATE POLICY own_orders ON orders USING (customer = current_user);
			""";

	private static final TenantTemplate TEMPLATE = TenantTemplate.fromSql(TEMPLATE_SQL, "tenant template");

	private final TestDatabase database;

	PgEntitiesEngineTenantsTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void oneCheckCoversAllTenantsWithTheSameNumberOfQueriesWhateverTheirNumber() {
		createTenants("sync", TENANTS);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("sync_*"));
		assertThat(engine.checkTenants(TEMPLATE, tenants).driftedSchemas()).hasSize(TENANTS);
		migrate(engine, "sync_*");
		TenantDriftReport report = engine.checkTenants(TEMPLATE, tenants);
		assertThat(report.schemas()).hasSize(TENANTS).contains("sync_000", "sync_199");
		assertThat(report.inSync()).as("%s", report.details()).isTrue();
		assertThat(report.details()).isEmpty();
		int queriesForAll = countQueries((dataSource) -> PgEntitiesEngine.create(dataSource).checkTenants(TEMPLATE,
				PgEntitiesTenants.of(report.schemas())));
		int queriesForTwo = countQueries((dataSource) -> PgEntitiesEngine.create(dataSource).checkTenants(TEMPLATE,
				PgEntitiesTenants.of(List.of("sync_000", "sync_001"))));
		assertThat(queriesForAll).isEqualTo(queriesForTwo);
	}

	@Test
	void aDriftedTenantIsNamedWithItsDriftedEntities() {
		createTenants("drift", TENANTS);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("drift_*"));
		migrate(engine, "drift_*");
		this.database.execute("CREATE OR REPLACE VIEW drift_137.open_orders AS "
				+ "SELECT id, customer, total FROM drift_137.orders WHERE total >= 0");
		TenantDriftReport report = engine.checkTenants(TEMPLATE, tenants);
		assertThat(report.inSync()).isFalse();
		assertThat(report.driftedSchemas()).containsExactly("drift_137");
		assertThat(report.details()).singleElement().satisfies((drift) -> {
			assertThat(drift.schema()).isEqualTo("drift_137");
			assertThat(drift.entities()).singleElement().satisfies((entity) -> {
				assertThat(entity.identity()).isEqualTo("drift_137.open_orders");
				assertThat(entity.status()).isEqualTo(DriftStatus.CHANGED);
				assertThat(entity.diff()).contains("-", "total >= ", "+", "total > ");
				assertThat(entity.source()).startsWith("tenant template:");
			});
		});
	}

	@Test
	void aTenantThatFailsIsRolledBackAndNamedWhileTheOthersAreApplied() throws Exception {
		createTenants("fail", TENANTS);
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource())
			.applyLockTimeout(Duration.ofMillis(200))
			.build();
		try (Connection blocker = this.database.connect()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				// compatible with the ACCESS SHARE a check takes, not with CREATE TRIGGER's lock
				statement.execute("LOCK TABLE fail_042.orders IN ROW EXCLUSIVE MODE");
			}
			TenantReconciliation reconciliation = engine.reconcileTenants(TEMPLATE,
					PgEntitiesTenants.matching(List.of("fail_*")));
			assertThat(reconciliation.failures()).singleElement().satisfies((failure) -> {
				assertThat(failure.schema()).isEqualTo("fail_042");
				assertThat(failure.message()).contains("fail_042", "lock timeout");
			});
			assertThat(reconciliation.applied()).hasSize(TENANTS - 1).doesNotContain("fail_042");
			blocker.rollback();
		}
		assertThat(count("SELECT count(*) FROM pg_proc WHERE pronamespace = 'fail_042'::regnamespace"))
			.as("functions created before the failing statement").isZero();
		assertThat(count("SELECT count(*) FROM pg_proc WHERE pronamespace = 'fail_041'::regnamespace")).isEqualTo(2);
		TenantDriftReport report = engine.checkTenants(TEMPLATE, PgEntitiesTenants.matching(List.of("fail_*")));
		assertThat(report.driftedSchemas()).containsExactly("fail_042");
	}

	@Test
	void twoInstancesReconcilingAtOnceApplyEachTenantOnceAndBothSucceed() throws Exception {
		createTenants("race", TENANTS);
		PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("race_*"));
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			List<Future<TenantReconciliation>> instances = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
				instances.add(executor.submit(() -> {
					start.await();
					return engine.reconcileTenants(TEMPLATE, tenants);
				}));
			}
			TenantReconciliation first = instances.get(0).get();
			TenantReconciliation second = instances.get(1).get();
			assertThat(first.failures()).isEmpty();
			assertThat(second.failures()).isEmpty();
			Set<String> applied = new HashSet<>(first.applied());
			for (String tenant : second.applied()) {
				assertThat(applied.add(tenant)).as("%s applied by both instances", tenant).isTrue();
			}
			assertThat(applied).hasSize(TENANTS);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(PgEntitiesEngine.create(this.database.dataSource()).checkTenants(TEMPLATE, tenants).inSync())
			.isTrue();
	}

	@Test
	void aTenantCreatedLaterIsFoundByTheNextCheckAndProvisionedByTheApplication() throws Exception {
		createTenants("late", TENANTS);
		this.database.execute("CREATE SCHEMA latex_not_a_tenant");
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("late_*"));
		migrate(engine, "late_*");
		createTenant("late_new");
		TenantDriftReport report = engine.checkTenants(TEMPLATE, tenants);
		assertThat(report.schemas()).hasSize(TENANTS + 1).doesNotContain("latex_not_a_tenant");
		assertThat(report.driftedSchemas()).containsExactly("late_new");
		assertThat(report.details().get(0).entities()).extracting(EntityDrift::status)
			.containsOnly(DriftStatus.MISSING)
			.hasSize(5);
		Analysis provisioned = engine.provisionTenant("late_new", TEMPLATE);
		assertThat(provisioned.plan().isEmpty()).isFalse();
		assertThat(engine.provisionTenant("late_new", TEMPLATE).plan().isEmpty()).isTrue();
		// the application's own transaction: schema, tables and entities commit together
		try (Connection connection = this.database.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(tenantSql("late_in_transaction"));
			}
			engine.provisionTenant("late_in_transaction", TEMPLATE, connection);
			connection.commit();
		}
		assertThat(engine.checkTenants(TEMPLATE, tenants).inSync()).isTrue();
	}

	@Test
	void aMigrationLoopsOverTheTenantSchemasThatExistWhenItRuns() {
		createTenants("mig", TENANTS);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		MigrationPlan plan = engine.planTenants(TEMPLATE, List.of("mig_*"));
		assertThat(plan.statements()).singleElement()
			.asString()
			.startsWith("DO $pgentities$")
			.contains("LIKE ANY (ARRAY['mig\\_%']::text[])", "EXECUTE format('CREATE OR REPLACE FUNCTION %1$I.touch()")
			.doesNotContain("mig_000");
		createTenant("mig_created_meanwhile");
		this.database.execute(plan.toSql());
		TenantDriftReport report = engine.checkTenants(TEMPLATE, PgEntitiesTenants.matching(List.of("mig_*")));
		assertThat(report.schemas()).hasSize(TENANTS + 1);
		assertThat(report.inSync()).as("%s", report.details()).isTrue();
		assertThat(engine.planTenants(TEMPLATE, List.of("mig_*")).isEmpty()).isTrue();
	}

	@Test
	void aMigrationsLoopCarriesTheLocksAndHazardsOfTheStatementsItRuns(@TempDir Path directory) throws Exception {
		createTenants("hdr", 3);
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		MigrationPlan plan = engine.planTenants(TEMPLATE, List.of("hdr_*"));
		assertThat(plan.steps()).singleElement().satisfies((loop) -> {
			assertThat(loop.body()).hasSize(5);
			assertThat(loop.hazards()).isEqualTo(plan.hazards()).contains(Hazard.CHANGES_ACCESS);
		});
		Path written = new FlywayMigrationWriter(directory).write(plan, "tenants").orElseThrow();
		assertThat(written).content().contains("""
				-- Statements (lock held until the migration commits; hazards):
				--    1. DO $pgentities$
				""", """
				--           ACCESS EXCLUSIVE on orders; CHANGES_ACCESS
				""", """
				--      1.5. CREATE TRIGGER touch BEFORE UPDATE ON %1$I.orders FOR EACH ROW EXECUTE FUNCTION %1$I.touch()
				--           SHARE ROW EXCLUSIVE on orders
				""");
		PgEntitiesEngine strict = PgEntitiesEngine.builder(this.database.dataSource()).allowedHazards(Set.of()).build();
		assertThatExceptionOfType(PlanHazardException.class).isThrownBy(() -> strict.apply(plan))
			.satisfies((ex) -> assertThat(ex.getStatements()).isNotEmpty()
				.allSatisfy((statement) -> assertThat(statement.kind()).isNotNull()))
			.withMessageContaining("CHANGES_ACCESS");
		assertThat(count("SELECT count(*) FROM pg_proc WHERE pronamespace = 'hdr_000'::regnamespace")).isZero();
	}

	@Test
	void aTemplateEntityMustBeUnqualified() {
		assertThatExceptionOfType(InvalidDeclarationException.class)
			.isThrownBy(() -> TenantTemplate.fromSql("CREATE VIEW public.v AS SELECT 1 AS one", "shared.sql"))
			.withMessageContaining("public.v is schema-qualified");
	}

	@Test
	void aTemplateDeclaresNoExtensionNorEventTrigger() {
		assertThatExceptionOfType(InvalidDeclarationException.class)
			.isThrownBy(() -> TenantTemplate.fromSql("CREATE EXTENSION hstore", "extensions.sql"))
			.withMessageContaining("hstore")
			.withMessageContaining("belongs to the whole database")
			.satisfies((ex) -> assertThat(ex.getSourceName()).isEqualTo("extensions.sql"));
		assertThatExceptionOfType(InvalidDeclarationException.class)
			.isThrownBy(() -> TenantTemplate.fromSql("""
					CREATE FUNCTION audit_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
					CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION audit_ddl();
					""", "audit.sql"))
			.withMessageContaining("EVENT TRIGGER audit_ddl")
			.withMessageContaining("belongs to the whole database")
			.satisfies((ex) -> assertThat(ex.getSourceName()).isEqualTo("audit.sql"));
	}

	@Test
	void anAggregateOfATemplateIsOneAggregatePerTenantIdentifiedByItsArgumentTypes() {
		createTenants("agg", 3);
		TenantTemplate template = TenantTemplate.fromSql("""
				CREATE FUNCTION add_total(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE
				    AS $$ SELECT $1 + $2 $$;
				CREATE AGGREGATE order_total(numeric) (SFUNC = add_total, STYPE = numeric, INITCOND = '0');
				""", "aggregates.sql");
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("agg_*"));
		assertThat(engine.reconcileTenants(template, tenants).applied()).containsExactly("agg_000", "agg_001",
				"agg_002");
		assertThat(engine.checkTenants(template, tenants).inSync()).isTrue();
		this.database.execute("CREATE OR REPLACE AGGREGATE agg_001.order_total(numeric) "
				+ "(SFUNC = agg_001.add_total, STYPE = numeric, INITCOND = '1')");
		TenantDriftReport report = engine.checkTenants(template, tenants);
		assertThat(report.driftedSchemas()).containsExactly("agg_001");
		assertThat(report.details()).singleElement()
			.satisfies((drift) -> assertThat(drift.entities()).singleElement()
				.satisfies((entity) -> assertThat(entity.identity()).isEqualTo("agg_001.order_total(numeric)")));
	}

	@Test
	void aTenantWhosePlanHasAHazardNotAllowedIsNamedAndLeftUntouched() throws SQLException {
		createTenants("hazard", 2);
		PgEntitiesEngine engine = PgEntitiesEngine.builder(this.database.dataSource()).allowedHazards(Set.of()).build();
		TenantReconciliation reconciliation = engine.reconcileTenants(TEMPLATE,
				PgEntitiesTenants.matching(List.of("hazard_*")));
		assertThat(reconciliation.applied()).isEmpty();
		assertThat(reconciliation.failures()).extracting(TenantFailure::schema)
			.containsExactly("hazard_000", "hazard_001");
		assertThat(reconciliation.failures().get(0).message()).contains("hazard_000", "CHANGES_ACCESS");
		assertThat(count("SELECT count(*) FROM pg_proc WHERE pronamespace = 'hazard_000'::regnamespace")).isZero();
	}

	@Test
	void aTenantSchemaNameInAStringConstantIsTextTheSameInEveryTenant() throws SQLException {
		createTenants("lit", 3);
		// the template is simulated in the first tenant schema, lit_000, and read as the others'
		TenantTemplate template = TenantTemplate.fromSql("""
				CREATE FUNCTION origin() RETURNS text LANGUAGE sql STABLE
				    AS $$ SELECT 'lit_000.orders'::text $$;
				CREATE VIEW labels AS SELECT id, 'lit_000.orders' AS origin FROM orders;
				""", "literals.sql");
		PgEntitiesEngine engine = PgEntitiesEngine.create(this.database.dataSource());
		PgEntitiesTenants tenants = PgEntitiesTenants.matching(List.of("lit_*"));
		MigrationPlan migration = engine.planTenants(template, List.of("lit_*"));
		assertThat(migration.statements()).singleElement()
			.asString()
			.contains("SELECT ''lit_000.orders''", "%1$I.labels")
			.doesNotContain("''%1$I.orders''");
		this.database.execute(migration.toSql());
		assertThat(count("SELECT count(*) FROM lit_002.origin() AS o WHERE o = 'lit_000.orders'")).isEqualTo(1);
		TenantDriftReport report = engine.checkTenants(template, tenants);
		assertThat(report.inSync()).as("%s", report.details()).isTrue();
		assertThat(engine.planTenants(template, List.of("lit_*")).isEmpty()).isTrue();
		assertThat(engine.reconcileTenants(template, tenants).applied()).isEmpty();
	}

	@Test
	void noTenantsIsInSync() {
		TenantDriftReport report = PgEntitiesEngine.create(this.database.dataSource())
			.checkTenants(TEMPLATE, PgEntitiesTenants.matching(List.of("nobody_*")));
		assertThat(report.inSync()).isTrue();
		assertThat(report.schemas()).isEmpty();
	}

	/**
	 * Brings the tenants to the template as a generated migration would.
	 */
	private void migrate(PgEntitiesEngine engine, String pattern) {
		this.database.execute(engine.planTenants(TEMPLATE, List.of(pattern)).toSql());
	}

	private void createTenants(String prefix, int count) {
		this.database.execute("""
				DO $$
				BEGIN
				    FOR i IN 0..%d LOOP
				        EXECUTE format('CREATE SCHEMA %%1$I; CREATE TABLE %%1$I.orders (id integer PRIMARY KEY,
				            customer text NOT NULL, total numeric NOT NULL, updated_at timestamptz)',
				            '%s_' || lpad(i::text, 3, '0'));
				    END LOOP;
				END
				$$""".formatted(count - 1, prefix));
	}

	private void createTenant(String schema) {
		this.database.execute(tenantSql(schema));
	}

	private static String tenantSql(String schema) {
		return "CREATE SCHEMA " + schema + "; CREATE TABLE " + schema + ".orders (id integer PRIMARY KEY, "
				+ "customer text NOT NULL, total numeric NOT NULL, updated_at timestamptz)";
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/**
	 * How many statements a call prepares or executes.
	 */
	private int countQueries(java.util.function.Consumer<DataSource> call) {
		AtomicInteger statements = new AtomicInteger();
		DataSource target = this.database.dataSource();
		DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					if (method.getName().equals("getConnection")) {
						return countingConnection((Connection) result, statements);
					}
					return result;
				});
		call.accept(counting);
		return statements.get();
	}

	private Connection countingConnection(Connection connection, AtomicInteger statements) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
						statements.incrementAndGet();
					}
					return invoke(connection, method, args);
				});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
