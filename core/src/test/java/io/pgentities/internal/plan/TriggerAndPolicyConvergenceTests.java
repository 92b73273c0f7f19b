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
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.internal.plan.ConvergenceScenario.Convergence;
import io.pgentities.testsupport.PostgresTest;
import io.pgentities.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Convergence of plans that change triggers and row-level-security policies.
 */
@PostgresTest
class TriggerAndPolicyConvergenceTests {

	private static final String TOUCH = """
			RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			    NEW.last_edited = now();
			    RETURN NEW;
			END;
			$$""";

	private final TestDatabase database;

	TriggerAndPolicyConvergenceTests(TestDatabase database) {
		this.database = database;
	}

	@Test
	void changedTriggerWhenClauseConverges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_10", migrations);
		scenario.execute("""
				CREATE TABLE scenario_10.products (id integer PRIMARY KEY, name text NOT NULL,
				    price numeric(10, 2) NOT NULL, last_edited timestamptz);
				INSERT INTO scenario_10.products VALUES (1, 'pen', 1.5, NULL), (2, 'book', 12, NULL);
				CREATE FUNCTION scenario_10.touch() %s;
				CREATE TRIGGER products_touch BEFORE UPDATE ON scenario_10.products FOR EACH ROW
				    WHEN (OLD.price IS DISTINCT FROM NEW.price) EXECUTE FUNCTION scenario_10.touch();
				COMMENT ON TRIGGER products_touch ON scenario_10.products IS 'Stamps edits';
				""".formatted(TOUCH));
		List<PgEntity> declared = List.of(PgFunction.of("scenario_10", "touch()", TOUCH),
				PgTrigger.of("scenario_10", "products_touch", "products", """
						BEFORE UPDATE ON scenario_10.products FOR EACH ROW
						WHEN (OLD.price IS DISTINCT FROM NEW.price OR OLD.name IS DISTINCT FROM NEW.name)
						EXECUTE FUNCTION scenario_10.touch()"""));
		assertThat(scenario.statuses(declared)).containsOnly(entry("scenario_10.touch()", DriftStatus.IN_SYNC),
				entry("scenario_10.products.products_touch", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.statementsContaining("scenario_10.touch()"))
			.allMatch((statement) -> statement.contains("TRIGGER products_touch"));
		assertThat(convergence.plan().drops()).isEmpty();
		assertThat(scenario.string("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'products_touch'"))
			.contains("(old.name IS DISTINCT FROM new.name)");
		assertThat(scenario.string("SELECT obj_description(oid, 'pg_trigger') FROM pg_trigger"
				+ " WHERE tgname = 'products_touch'")).isEqualTo("Stamps edits");
		scenario.execute("UPDATE scenario_10.products SET name = 'fountain pen' WHERE id = 1");
		assertThat(scenario.strings("SELECT id || ':' || (last_edited IS NOT NULL) FROM scenario_10.products"
				+ " ORDER BY id")).containsExactly("1:true", "2:false");
	}

	@Test
	void triggerMovedFromBeforeToAfterConverges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_11", migrations);
		String audit = """
				RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    INSERT INTO scenario_11.audit_log (order_id) VALUES (NEW.id);
				    RETURN NEW;
				END;
				$$""";
		scenario.execute("""
				CREATE TABLE scenario_11.orders (id integer PRIMARY KEY, amount numeric(10, 2) NOT NULL);
				CREATE TABLE scenario_11.audit_log (order_id integer NOT NULL);
				INSERT INTO scenario_11.orders VALUES (1, 10), (2, 20);
				CREATE FUNCTION scenario_11.audit() %s;
				CREATE TRIGGER orders_audit BEFORE INSERT ON scenario_11.orders FOR EACH ROW
				    EXECUTE FUNCTION scenario_11.audit();
				""".formatted(audit));
		List<PgEntity> declared = List.of(PgFunction.of("scenario_11", "audit()", audit),
				PgTrigger.of("scenario_11", "orders_audit", "orders",
						"AFTER INSERT ON scenario_11.orders FOR EACH ROW EXECUTE FUNCTION scenario_11.audit()"));
		assertThat(scenario.statuses(declared)).containsOnly(entry("scenario_11.audit()", DriftStatus.IN_SYNC),
				entry("scenario_11.orders.orders_audit", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.statementsContaining("AFTER INSERT ON scenario_11.orders")).hasSize(1);
		assertThat(convergence.statementsContaining("FUNCTION scenario_11.audit()"))
			.allMatch((statement) -> statement.contains("TRIGGER orders_audit"));
		assertThat(scenario.string("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'orders_audit'"))
			.contains("AFTER INSERT ON scenario_11.orders");
		scenario.execute("INSERT INTO scenario_11.orders VALUES (3, 30)");
		assertThat(scenario.strings("SELECT order_id::text FROM scenario_11.audit_log")).containsExactly("3");
	}

	@Test
	void changedPolicyUsingExpressionConverges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_12", migrations);
		scenario.execute("""
				CREATE TABLE scenario_12.documents (id integer PRIMARY KEY, owner_name text NOT NULL,
				    is_public boolean NOT NULL DEFAULT false);
				ALTER TABLE scenario_12.documents ENABLE ROW LEVEL SECURITY;
				INSERT INTO scenario_12.documents VALUES (1, 'ada', false), (2, 'alan', true);
				CREATE POLICY documents_read ON scenario_12.documents AS PERMISSIVE FOR SELECT TO public
				    USING (owner_name = current_user);
				CREATE POLICY documents_write ON scenario_12.documents FOR UPDATE TO public
				    USING (owner_name = current_user) WITH CHECK (owner_name = current_user);
				""");
		List<PgEntity> declared = List.of(
				PgPolicy.of("scenario_12", "documents_read", "documents",
						"AS PERMISSIVE FOR SELECT TO public USING (owner_name = current_user OR is_public)"),
				PgPolicy.of("scenario_12", "documents_write", "documents", """
						FOR UPDATE TO public USING (owner_name = current_user)
						WITH CHECK (owner_name = current_user)"""));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_12.documents.documents_read", DriftStatus.CHANGED),
				entry("scenario_12.documents.documents_write", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.statementsContaining("documents_write")).isEmpty();
		assertThat(scenario.string("SELECT qual FROM pg_policies WHERE schemaname = 'scenario_12'"
				+ " AND policyname = 'documents_read'")).contains("is_public");
		assertThat(scenario.string("SELECT relrowsecurity::text FROM pg_class"
				+ " WHERE oid = 'scenario_12.documents'::regclass")).isEqualTo("true");
	}

	@Test
	void policyChangedFromPermissiveToRestrictiveConverges(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "scenario_13", migrations);
		scenario.execute("""
				CREATE TABLE scenario_13.documents (id integer PRIMARY KEY, owner_name text NOT NULL,
				    archived boolean NOT NULL DEFAULT false);
				ALTER TABLE scenario_13.documents ENABLE ROW LEVEL SECURITY;
				INSERT INTO scenario_13.documents VALUES (1, 'ada', false), (2, 'alan', true);
				CREATE POLICY documents_owner ON scenario_13.documents FOR SELECT TO public
				    USING (owner_name = current_user);
				CREATE POLICY documents_current ON scenario_13.documents AS PERMISSIVE FOR SELECT TO public
				    USING (NOT archived);
				COMMENT ON POLICY documents_current ON scenario_13.documents IS 'Hides archived documents';
				""");
		List<PgEntity> declared = List.of(
				PgPolicy.of("scenario_13", "documents_owner", "documents",
						"FOR SELECT TO public USING (owner_name = current_user)"),
				PgPolicy.of("scenario_13", "documents_current", "documents",
						"AS RESTRICTIVE FOR SELECT TO public USING (NOT archived)"));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("scenario_13.documents.documents_owner", DriftStatus.IN_SYNC),
				entry("scenario_13.documents.documents_current", DriftStatus.CHANGED));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.statementsContaining("AS RESTRICTIVE")).hasSize(1);
		assertThat(convergence.statementsContaining("documents_owner")).isEmpty();
		assertThat(scenario.strings("SELECT policyname || ':' || permissive FROM pg_policies"
				+ " WHERE schemaname = 'scenario_13' ORDER BY 1"))
			.containsExactly("documents_current:RESTRICTIVE", "documents_owner:PERMISSIVE");
		assertThat(scenario.string("SELECT obj_description(oid, 'pg_policy') FROM pg_policy"
				+ " WHERE polname = 'documents_current'")).isEqualTo("Hides archived documents");
	}

	@Test
	void constraintTriggerTimingAndTransitionTableTriggerConverge(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "trigger_kinds", migrations);
		String check = """
				RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.amount < 0 THEN
				        RAISE EXCEPTION 'negative amount';
				    END IF;
				    RETURN NULL;
				END;
				$$""";
		String count = """
				RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    INSERT INTO trigger_kinds.batches (size) SELECT count(*) FROM inserted;
				    RETURN NULL;
				END;
				$$""";
		scenario.execute("""
				CREATE TABLE trigger_kinds.orders (id integer PRIMARY KEY, amount integer NOT NULL);
				CREATE TABLE trigger_kinds.batches (size integer NOT NULL);
				INSERT INTO trigger_kinds.orders VALUES (1, 10);
				CREATE FUNCTION trigger_kinds.check_amount() %s;
				CREATE FUNCTION trigger_kinds.count_batch() %s;
				CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON trigger_kinds.orders
				    NOT DEFERRABLE FOR EACH ROW EXECUTE FUNCTION trigger_kinds.check_amount();
				""".formatted(check, count));
		List<PgEntity> declared = PgEntities.fromSql("""
				CREATE FUNCTION trigger_kinds.check_amount() %s;
				CREATE FUNCTION trigger_kinds.count_batch() %s;
				CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON trigger_kinds.orders
				    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trigger_kinds.check_amount();
				CREATE TRIGGER orders_batch AFTER INSERT ON trigger_kinds.orders
				    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION trigger_kinds.count_batch();
				""".formatted(check, count));
		assertThat(scenario.statuses(declared)).containsOnly(
				entry("trigger_kinds.check_amount()", DriftStatus.IN_SYNC),
				entry("trigger_kinds.count_batch()", DriftStatus.IN_SYNC),
				entry("trigger_kinds.orders.orders_check", DriftStatus.CHANGED),
				entry("trigger_kinds.orders.orders_batch", DriftStatus.MISSING));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.statementsContaining("CREATE CONSTRAINT TRIGGER orders_check")).singleElement()
			.asString()
			.contains("DEFERRABLE INITIALLY DEFERRED");
		scenario.execute("INSERT INTO trigger_kinds.orders VALUES (2, 20), (3, 30)");
		assertThat(scenario.strings("SELECT size::text FROM trigger_kinds.batches")).containsExactly("2");
	}

	@Test
	void policyUsingAViewIsRecreatedWhenTheViewIs(@TempDir Path migrations) {
		ConvergenceScenario scenario = ConvergenceScenario.in(this.database, "policy_view", migrations);
		scenario.execute("""
				CREATE TABLE policy_view.documents (id integer PRIMARY KEY, owner_name text NOT NULL);
				CREATE TABLE policy_view.shares (document_id integer NOT NULL, reader text NOT NULL, note text);
				ALTER TABLE policy_view.documents ENABLE ROW LEVEL SECURITY;
				INSERT INTO policy_view.documents VALUES (1, 'ada');
				INSERT INTO policy_view.shares VALUES (1, 'alan', 'fyi');
				CREATE VIEW policy_view.visible AS SELECT document_id, reader, note FROM policy_view.shares;
				CREATE POLICY documents_shared ON policy_view.documents FOR SELECT TO public
				    USING (id IN (SELECT v.document_id FROM policy_view.visible v WHERE v.reader = current_user));
				""");
		List<PgEntity> declared = List.of(
				PgView.of("policy_view", "visible", "SELECT document_id, reader FROM policy_view.shares"),
				PgPolicy.of("policy_view", "documents_shared", "documents", """
						FOR SELECT TO public
						USING (id IN (SELECT v.document_id FROM policy_view.visible v WHERE v.reader = current_user))"""));
		assertThat(scenario.statuses(declared)).containsOnly(entry("policy_view.visible", DriftStatus.CHANGED),
				entry("policy_view.documents.documents_shared", DriftStatus.IN_SYNC));
		Convergence convergence = scenario.converge(declared);
		assertThat(convergence.position("DROP POLICY documents_shared"))
			.isLessThan(convergence.position("DROP VIEW policy_view.visible"));
		assertThat(convergence.position("CREATE POLICY documents_shared"))
			.isGreaterThan(convergence.position("CREATE VIEW policy_view.visible"));
	}

}
