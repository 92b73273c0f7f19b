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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.pgentities.Analysis;
import io.pgentities.EntityDrift;
import io.pgentities.MigrationGuard;
import io.pgentities.MigrationGuard.GuardedObject;
import io.pgentities.PgEntitiesException;
import io.pgentities.internal.simulate.ServerError;

/**
 * Reads the fingerprints a {@link MigrationGuard} checks: the MD5 of the definition
 * PostgreSQL prints for each object ({@code pg_get_functiondef}, {@code pg_get_viewdef},
 * {@code pg_get_triggerdef}, a policy's command, roles and expressions, an extension's schema
 * and version, an aggregate's {@code pg_aggregate} row), by kind and identity, with
 * {@code search_path} set to {@code pg_catalog}. The guard's DO block runs the
 * same {@linkplain #query query}, so both sides print the definitions alike.
 */
public final class Fingerprints {

	private final DataSource dataSource;

	private final EngineSettings settings;

	/**
	 * Creates a reader.
	 * @param dataSource the database
	 * @param settings the timeouts
	 */
	public Fingerprints(DataSource dataSource, EngineSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/**
	 * The query that fingerprints objects, one row per input object in order: {@code ord},
	 * {@code kind}, {@code identity}, {@code fingerprint} ({@code null} for an object that does
	 * not exist, and for kinds it cannot print).
	 * @param kinds an expression of the {@code text[]} of the objects' {@link io.pgentities.EntityKind} names
	 * @param identities an expression of the {@code text[]} of their identities
	 * @return the query
	 */
	public static String query(String kinds, String identities) {
		return "SELECT g.ord, g.kind, g.identity, md5(d.definition) AS fingerprint\n"
				+ "\tFROM (SELECT i.*, CASE WHEN i.kind IN ('FUNCTION', 'PROCEDURE', 'AGGREGATE') THEN to_regprocedure(i.identity) END AS routine,\n"
				+ "\t\tCASE WHEN i.kind IN ('VIEW', 'MATERIALIZED_VIEW', 'TRIGGER', 'POLICY', 'EXTENSION') THEN parse_ident(i.identity) END AS parts\n"
				+ "\t\tFROM unnest(" + kinds + ", " + identities + ") WITH ORDINALITY AS i(kind, identity, ord)) AS g\n"
				+ "\tLEFT JOIN LATERAL (\n"
				+ "\t\tSELECT pg_get_functiondef(p.oid) AS definition FROM pg_proc p WHERE p.oid = g.routine AND p.prokind <> 'a'\n"
				+ "\t\tUNION ALL\n"
				+ "\t\tSELECT a::text FROM pg_aggregate a WHERE a.aggfnoid = g.routine\n"
				+ "\t\tUNION ALL\n"
				+ "\t\tSELECT c.relkind::text || ' ' || pg_get_viewdef(c.oid, true) FROM pg_class c\n"
				+ "\t\tJOIN pg_namespace n ON n.oid = c.relnamespace\n"
				+ "\t\tWHERE g.kind IN ('VIEW', 'MATERIALIZED_VIEW') AND c.relkind IN ('v', 'm')\n"
				+ "\t\tAND ARRAY[n.nspname::text, c.relname::text] = g.parts\n"
				+ "\t\tUNION ALL\n"
				+ "\t\tSELECT pg_get_triggerdef(t.oid, true) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid\n"
				+ "\t\tJOIN pg_namespace n ON n.oid = c.relnamespace\n"
				+ "\t\tWHERE g.kind = 'TRIGGER' AND NOT t.tgisinternal\n"
				+ "\t\tAND ARRAY[n.nspname::text, c.relname::text, t.tgname::text] = g.parts\n"
				+ "\t\tUNION ALL\n"
				+ "\t\tSELECT concat_ws(' ', p.polcmd::text, p.polpermissive::text, p.polroles::regrole[]::text,\n"
				+ "\t\t\tpg_get_expr(p.polqual, p.polrelid, true), pg_get_expr(p.polwithcheck, p.polrelid, true))\n"
				+ "\t\tFROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace\n"
				+ "\t\tWHERE g.kind = 'POLICY' AND ARRAY[n.nspname::text, c.relname::text, p.polname::text] = g.parts\n"
				+ "\t\tUNION ALL\n"
				+ "\t\tSELECT concat_ws(' ', n.nspname, e.extversion) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace\n"
				+ "\t\tWHERE g.kind = 'EXTENSION' AND ARRAY[e.extname::text] = g.parts\n"
				+ "\t) AS d ON true";
	}

	/**
	 * The guard of an analysis's plan: every entity of the report that a statement of the plan
	 * belongs to (replaced, altered, dropped, dropped and created again as a dependent, or
	 * created), with the fingerprint of its live definition; an entity the plan creates has
	 * none, and must still not exist when the migration runs. Reads the database in a
	 * read-only transaction that is rolled back.
	 * @param analysis the analysis
	 * @return the guard
	 * @throws PgEntitiesException if the database cannot be read
	 */
	public MigrationGuard guard(Analysis analysis) {
		Set<String> touched = new HashSet<>();
		analysis.plan().steps().forEach((step) -> touched.add(step.kind() + " " + step.identity()));
		List<EntityDrift> guarded = analysis.report()
			.entities()
			.stream()
			.filter((drift) -> touched.contains(drift.kind() + " " + drift.identity()))
			.toList();
		if (guarded.isEmpty()) {
			return new MigrationGuard(List.of());
		}
		try {
			return new MigrationGuard(Transaction.rolledBack(this.dataSource, (connection) -> read(connection, guarded)));
		}
		catch (SQLException ex) {
			throw new PgEntitiesException("Reading the fingerprints of " + guarded.size() + " objects failed: "
					+ ServerError.of(ex).message(), ex);
		}
	}

	private List<GuardedObject> read(Connection connection, List<EntityDrift> guarded) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET TRANSACTION READ ONLY");
			for (String setting : this.settings.checkTransactionSettings()) {
				statement.execute(setting);
			}
		}
		Array kinds = connection.createArrayOf("text", guarded.stream().map((drift) -> drift.kind().name()).toArray());
		Array identities = connection.createArrayOf("text", guarded.stream().map(EntityDrift::identity).toArray());
		List<GuardedObject> objects = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(query("?::text[]", "?::text[]") + " ORDER BY g.ord")) {
			statement.setArray(1, kinds);
			statement.setArray(2, identities);
			try (ResultSet rows = statement.executeQuery()) {
				int index = 0;
				while (rows.next()) {
					EntityDrift drift = guarded.get(index++);
					objects.add(new GuardedObject(drift.kind(), drift.identity(), rows.getString("fingerprint")));
				}
			}
		}
		return objects;
	}

}
