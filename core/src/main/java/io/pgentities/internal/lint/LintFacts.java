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
package io.pgentities.internal.lint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgentities.PgEntity;
import io.pgentities.PgFunction;
import io.pgentities.PgPolicy;
import io.pgentities.PgProcedure;
import io.pgentities.PgTrigger;
import io.pgentities.PgView;
import io.pgentities.internal.catalog.CatalogEntity;
import io.pgentities.internal.simulate.SimulationResult;
import io.pgentities.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/**
 * What the lint rules look at: the security attributes PostgreSQL gave the simulated
 * declarations, and those of the live objects they would replace or act on. Read inside the
 * simulation's transaction, while the simulated copies exist.
 *
 * @param serverVersion {@code server_version_num}, such as {@code 150004}
 * @param routines the declared functions and procedures
 * @param triggers the declared triggers
 * @param policies the declared policies
 * @param views the declared views
 */
public record LintFacts(int serverVersion, List<RoutineFacts> routines, List<TriggerFacts> triggers,
		List<PolicyFacts> policies, List<ViewFacts> views) {

	private static final LintQuery<Routine> ROUTINES = new LintQuery<>("routines.sql",
			(row) -> new Routine(row.getLong("oid"), row.getBoolean("security_definer"),
					strings(row.getArray("config")), row.getBoolean("public_execute")));

	private static final LintQuery<LiveRoutine> LIVE_ROUTINES = new LintQuery<>("live-routines.sql",
			(row) -> new LiveRoutine(row.getString("identity"), row.getLong("oid")));

	private static final LintQuery<TriggerRow> TRIGGER_FUNCTIONS = new LintQuery<>("trigger-functions.sql",
			(row) -> new TriggerRow(row.getLong("oid"), row.getString("function"), row.getBoolean("security_definer")));

	private static final LintQuery<ViewRow> VIEW_TABLES = new LintQuery<>("view-tables.sql",
			(row) -> new ViewRow(row.getLong("oid"), row.getBoolean("security_invoker"), row.getString("table_schema"),
					row.getString("table_name")));

	private static final LintQuery<TableSecurity> ROW_SECURITY = new LintQuery<>("row-security.sql",
			(row) -> new TableSecurity(row.getString("name"), row.getBoolean("row_security")));

	/**
	 * Reads the facts, in the transaction the simulation ran in.
	 * @param connection the connection, in that transaction, with {@code search_path = pg_catalog}
	 * @param simulated what the simulation made of the declarations
	 * @return the facts
	 * @throws SQLException if the catalog cannot be read
	 */
	public static LintFacts read(Connection connection, SimulationResult simulated) throws SQLException {
		Map<PgEntity, CatalogEntity> canonical = simulated.canonical();
		return new LintFacts(serverVersion(connection), routines(connection, canonical),
				triggers(connection, simulated), policies(connection, canonical), views(connection, simulated));
	}

	private static List<RoutineFacts> routines(Connection connection, Map<PgEntity, CatalogEntity> canonical)
			throws SQLException {
		List<PgEntity> declared = canonical.keySet().stream()
			.filter((entity) -> entity instanceof PgFunction || entity instanceof PgProcedure)
			.toList();
		Map<String, Long> liveOids = new HashMap<>();
		for (LiveRoutine live : LIVE_ROUTINES.run(connection,
				declared.stream().map((entity) -> canonical.get(entity).identity()).toList())) {
			liveOids.put(live.identity(), live.oid());
		}
		Set<String> oids = new LinkedHashSet<>();
		liveOids.values().forEach((oid) -> oids.add(String.valueOf(oid)));
		declared.forEach((entity) -> oids.add(String.valueOf(canonical.get(entity).oid())));
		Map<Long, Routine> byOid = new HashMap<>();
		for (Routine routine : ROUTINES.run(connection, oids)) {
			byOid.put(routine.oid(), routine);
		}
		List<RoutineFacts> facts = new ArrayList<>();
		for (PgEntity entity : declared) {
			Long liveOid = liveOids.get(canonical.get(entity).identity());
			facts.add(new RoutineFacts(entity, byOid.get(canonical.get(entity).oid()),
					(liveOid != null) ? byOid.get(liveOid) : null));
		}
		return facts;
	}

	private static List<TriggerFacts> triggers(Connection connection, SimulationResult simulated)
			throws SQLException {
		Map<Long, PgEntity> byOid = oids(simulated.canonical(), PgTrigger.class);
		List<TriggerFacts> facts = new ArrayList<>();
		for (TriggerRow row : TRIGGER_FUNCTIONS.run(connection, byOid.keySet().stream().map(String::valueOf).toList())) {
			facts.add(new TriggerFacts(byOid.get(row.oid()), simulated.mapping().text(row.function()),
					row.securityDefiner()));
		}
		return facts;
	}

	private static List<PolicyFacts> policies(Connection connection, Map<PgEntity, CatalogEntity> canonical)
			throws SQLException {
		List<PgPolicy> declared = canonical.keySet().stream()
			.filter(PgPolicy.class::isInstance)
			.map(PgPolicy.class::cast)
			.toList();
		Map<String, Boolean> rowSecurity = rowSecurity(connection,
				declared.stream().map((policy) -> Identifiers.qualify(policy.schema(), policy.table())).toList());
		List<PolicyFacts> facts = new ArrayList<>();
		for (PgPolicy policy : declared) {
			String table = Identifiers.qualify(policy.schema(), policy.table());
			Boolean enabled = rowSecurity.get(table);
			if (enabled != null) {
				facts.add(new PolicyFacts(policy, table, enabled));
			}
		}
		return facts;
	}

	private static List<ViewFacts> views(Connection connection, SimulationResult simulated) throws SQLException {
		Map<Long, PgEntity> byOid = oids(simulated.canonical(), PgView.class);
		List<ViewRow> rows = VIEW_TABLES.run(connection, byOid.keySet().stream().map(String::valueOf).toList());
		// a table the view reads may be a scratch copy (of a table a declared trigger or policy is
		// on): its row-level security is the live table's, so look the original name up
		Map<String, Boolean> rowSecurity = rowSecurity(connection, rows.stream()
			.map((row) -> Identifiers.qualify(simulated.mapping().schema(row.tableSchema()), row.tableName()))
			.distinct()
			.toList());
		Map<Long, ViewFacts> facts = new LinkedHashMap<>();
		for (ViewRow row : rows) {
			String table = Identifiers.qualify(simulated.mapping().schema(row.tableSchema()), row.tableName());
			ViewFacts view = facts.computeIfAbsent(row.oid(),
					(oid) -> new ViewFacts(byOid.get(oid), row.securityInvoker(), new ArrayList<>()));
			if (Boolean.TRUE.equals(rowSecurity.get(table))) {
				view.rowSecurityTables().add(table);
			}
		}
		return List.copyOf(facts.values());
	}

	private static Map<String, Boolean> rowSecurity(Connection connection, List<String> tables) throws SQLException {
		Map<String, Boolean> rowSecurity = new HashMap<>();
		for (TableSecurity table : ROW_SECURITY.run(connection, tables)) {
			rowSecurity.put(table.name(), table.rowSecurity());
		}
		return rowSecurity;
	}

	private static Map<Long, PgEntity> oids(Map<PgEntity, CatalogEntity> canonical, Class<? extends PgEntity> type) {
		Map<Long, PgEntity> byOid = new HashMap<>();
		canonical.forEach((entity, catalog) -> {
			if (type.isInstance(entity)) {
				byOid.put(catalog.oid(), entity);
			}
		});
		return byOid;
	}

	private static int serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_setting('server_version_num')::int")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

	/**
	 * The security attributes of a routine.
	 *
	 * @param oid the OID
	 * @param securityDefiner whether it is {@code SECURITY DEFINER}
	 * @param config its {@code SET} clauses, {@code name=value}
	 * @param publicExecute whether {@code PUBLIC} may execute it
	 */
	public record Routine(long oid, boolean securityDefiner, List<String> config, boolean publicExecute) {

		/**
		 * The names of the settings its {@code SET} clauses set.
		 * @return the setting names
		 */
		public Set<String> settingNames() {
			Set<String> names = new LinkedHashSet<>();
			this.config.forEach((setting) -> names.add(setting.substring(0, Math.max(0, setting.indexOf('=')))));
			return names;
		}

	}

	/**
	 * A declared function or procedure.
	 *
	 * @param entity the declaration
	 * @param declared what PostgreSQL made of it
	 * @param live the live routine of the same identity, or {@code null}
	 */
	public record RoutineFacts(PgEntity entity, Routine declared, @Nullable Routine live) {

	}

	/**
	 * A declared trigger.
	 *
	 * @param entity the declaration
	 * @param function the function it executes, as {@code regprocedure} prints it
	 * @param securityDefiner whether that function is {@code SECURITY DEFINER}
	 */
	public record TriggerFacts(PgEntity entity, String function, boolean securityDefiner) {

	}

	/**
	 * A declared policy.
	 *
	 * @param entity the declaration
	 * @param table its table, schema-qualified
	 * @param rowSecurity whether row-level security is enabled on the live table
	 */
	public record PolicyFacts(PgEntity entity, String table, boolean rowSecurity) {

	}

	/**
	 * A declared view that reads tables.
	 *
	 * @param entity the declaration
	 * @param securityInvoker whether it is {@code security_invoker}
	 * @param rowSecurityTables the tables it reads directly whose row-level security is enabled
	 */
	public record ViewFacts(PgEntity entity, boolean securityInvoker, List<String> rowSecurityTables) {

	}

	private record LiveRoutine(String identity, long oid) {

	}

	private record TableSecurity(String name, boolean rowSecurity) {

	}

	private record TriggerRow(long oid, String function, boolean securityDefiner) {

	}

	private record ViewRow(long oid, boolean securityInvoker, String tableSchema, String tableName) {

	}

}
