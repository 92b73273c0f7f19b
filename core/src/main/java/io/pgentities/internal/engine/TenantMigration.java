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

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pgentities.EntityDrift;
import io.pgentities.MigrationPlan;
import io.pgentities.PgEntitiesEngine;
import io.pgentities.PlannedStatement;
import io.pgentities.internal.catalog.NameMapping;
import io.pgentities.internal.catalog.TenantSchemaReader;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * A migration for tenant schemas: {@code DO} blocks that loop over the tenant schemas when the
 * migration runs and execute, for each one, the plan statements with the schema substituted by
 * {@code format('%I')}. Tenants whose plans are the same once their own schema is taken out of
 * them share one loop; the largest group loops over the schemas matching the tenant patterns
 * (so a tenant created meanwhile, as its peers were, is included), the others (all, without
 * patterns) over their names.
 * Each tenant's advisory lock is taken as {@link PgEntitiesEngine#provisionTenant} takes it.
 * Each loop is a step {@linkplain PlannedStatement#running running} the statements of its plan,
 * with their locks and hazards, so that a migration's header and the allowed hazards see them.
 */
final class TenantMigration {

	// stands for the tenant schema in a plan; a plain identifier, so that it is never quoted
	private static final String PLACEHOLDER = "pgentities_tenant_schema";

	private final Map<List<String>, List<String>> tenantsByPlan = new LinkedHashMap<>();

	private final Map<List<String>, List<String>> summaryByPlan = new LinkedHashMap<>();

	private final Map<List<String>, List<PlannedStatement>> stepsByPlan = new LinkedHashMap<>();

	private final List<String> checked;

	private final String defaultSchema;

	TenantMigration(List<String> checked, String defaultSchema) {
		this.checked = List.copyOf(checked);
		this.defaultSchema = defaultSchema;
	}

	/**
	 * What tells the drift of one tenant from another's, once each tenant's own schema is taken
	 * out: tenants of one signature need the same plan.
	 * @param tenant the tenant schema
	 * @param drifts its drifted entities
	 * @return the signature
	 */
	static List<String> signature(String tenant, List<EntityDrift> drifts) {
		NameMapping relative = relative(tenant);
		return drifts.stream()
			.map((drift) -> drift.status() + " " + relative.text(drift.identity()) + "\n" + relative.text(drift.diff()))
			.toList();
	}

	/**
	 * Adds one tenant.
	 * @param tenant the tenant schema
	 * @param plannedFor the tenant of the same signature the plan was made for
	 * @param plan the plan, naming {@code plannedFor}'s schema
	 */
	void add(String tenant, String plannedFor, MigrationPlan plan) {
		NameMapping relative = relative(plannedFor);
		List<String> statements = plan.statements()
			.stream()
			.map((statement) -> relative.text(statement.replace("%", "%%")).replace(PLACEHOLDER + ".", "%1$I."))
			.toList();
		this.tenantsByPlan.computeIfAbsent(statements, (s) -> new ArrayList<>()).add(tenant);
		this.summaryByPlan.computeIfAbsent(statements,
				(s) -> plan.summary().stream().map((line) -> unqualified(relative, line)).toList());
		this.stepsByPlan.computeIfAbsent(statements, (s) -> {
			List<PlannedStatement> steps = new ArrayList<>();
			for (int i = 0; i < statements.size(); i++) {
				steps.add(step(relative, statements.get(i), plan.steps().get(i)));
			}
			return steps;
		});
	}

	/**
	 * One statement of a loop, as the loop runs it, with what the plan knows of it; its
	 * object and lock are named as the summary names them, without the tenant's schema.
	 */
	private static PlannedStatement step(NameMapping relative, String sql, PlannedStatement planned) {
		String identity = planned.identity();
		PlannedStatement.Lock lock = planned.lock();
		return new PlannedStatement(sql, planned.kind(), (identity != null) ? unqualified(relative, identity) : null,
				(lock != null) ? new PlannedStatement.Lock(unqualified(relative, lock.relation()), lock.mode()) : null,
				planned.hazards());
	}

	private static String unqualified(NameMapping relative, String text) {
		return relative.text(text).replace(PLACEHOLDER + ".", "");
	}

	/**
	 * The migration.
	 * @param patterns the tenant patterns the largest group loops over; when empty, every
	 * group loops over the names of its tenants
	 * @return the plan of {@code DO} blocks, empty when no tenant has anything to do
	 */
	MigrationPlan plan(Collection<String> patterns) {
		@Nullable List<String> largest = patterns.isEmpty() ? null : this.tenantsByPlan.keySet()
			.stream()
			.max((a, b) -> Integer.compare(this.tenantsByPlan.get(a).size(), this.tenantsByPlan.get(b).size()))
			.orElse(null);
		List<PlannedStatement> statements = new ArrayList<>();
		List<String> summary = new ArrayList<>();
		this.tenantsByPlan.forEach((plan, tenants) -> {
			String schemas;
			if (plan.equals(largest)) {
				List<String> others = new ArrayList<>(this.checked);
				others.removeAll(tenants);
				schemas = "SELECT nspname FROM pg_catalog.pg_namespace\n        WHERE nspname LIKE ANY ("
						+ array(TenantSchemaReader.likePatterns(patterns)) + ")\n          AND nspname !~ '^pg_'"
						+ (others.isEmpty() ? "" : "\n          AND nspname <> ALL (" + array(others) + ")")
						+ "\n        ORDER BY nspname";
				summary.add("TENANTS matching " + patterns + ", " + tenants.size() + " now"
						+ (others.isEmpty() ? "" : ", except " + others.size() + " listed") + ":");
			}
			else {
				schemas = "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (" + array(tenants)
						+ ")\n        ORDER BY nspname";
				summary.add("TENANTS " + tenants + ":");
			}
			this.summaryByPlan.get(plan).forEach((line) -> summary.add("  " + line));
			statements.add(PlannedStatement.running(loop(schemas, plan), this.stepsByPlan.get(plan)));
		});
		return new MigrationPlan(statements, summary, List.of(), null);
	}

	private static NameMapping relative(String tenant) {
		return NameMapping.identity().renaming(tenant, PLACEHOLDER);
	}

	private String loop(String schemas, List<String> plan) {
		String body = plan.stream()
			.map((statement) -> "        EXECUTE format(" + Identifiers.literal(statement) + ", tenant);")
			.collect(Collectors.joining("\n"));
		String tag = "$pgentities$";
		while (body.contains(tag)) {
			tag = tag.substring(0, tag.length() - 1) + "_$";
		}
		return "DO " + tag + "\nDECLARE\n    tenant text;\n    saved_search_path text := current_setting('search_path');\nBEGIN\n    FOR tenant IN\n        " + schemas
				+ "\n    LOOP\n        PERFORM pg_advisory_xact_lock(" + PgEntitiesEngine.TENANT_LOCK_CLASS
				+ ", hashtext(tenant));\n        PERFORM set_config('search_path', format('%I, %I', tenant, "
				+ Identifiers.literal(this.defaultSchema) + "), true);\n" + body
				+ "\n    END LOOP;\n    PERFORM set_config('search_path', saved_search_path, true);\nEND\n" + tag;
	}

	private static String array(List<String> values) {
		return "ARRAY[" + values.stream().map(Identifiers::literal).collect(Collectors.joining(", ")) + "]::text[]";
	}

}
