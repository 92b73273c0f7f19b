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
package io.pgentities.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * What a database holds, as text that changes whenever any schema, relation, routine,
 * trigger or policy outside the system schemas is created, dropped or redefined: names,
 * definitions, columns, owners, privileges and comments. Reliability tests compare it before
 * and after a failure to prove that nothing changed.
 */
final class CatalogFingerprint {

	private static final String QUERY = """
			SELECT coalesce(string_agg(item, E'\\n' ORDER BY item), '') FROM (
			  SELECT 'schema ' || quote_ident(n.nspname) || ' ' || n.nspowner::regrole::text || ' '
			      || coalesce(n.nspacl::text, '') AS item
			  FROM pg_namespace n
			  WHERE n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
			  UNION ALL
			  SELECT 'relation ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ' || c.relkind::text
			      || ' ' || c.relowner::regrole::text || ' ' || coalesce(c.relacl::text, '') || ' rls '
			      || c.relrowsecurity::text || ' ('
			      || coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod),
			             ', ' ORDER BY a.attnum) FROM pg_attribute a
			             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
			      || CASE WHEN c.relkind IN ('v', 'm') THEN ' AS ' || pg_get_viewdef(c.oid) ELSE '' END
			      || coalesce(' -- ' || obj_description(c.oid, 'pg_class'), '')
			  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
			    AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
			  UNION ALL
			  SELECT 'routine ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '('
			      || pg_get_function_identity_arguments(p.oid) || ') ' || p.proowner::regrole::text || ' '
			      || coalesce(p.proacl::text, '') || ' '
			      || CASE WHEN p.prokind = 'a' THEN p.prosrc ELSE pg_get_functiondef(p.oid) END
			      || coalesce(' -- ' || obj_description(p.oid, 'pg_proc'), '')
			  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
			  UNION ALL
			  SELECT 'trigger ' || quote_ident(t.tgname) || ' ' || pg_get_triggerdef(t.oid)
			      || coalesce(' -- ' || obj_description(t.oid, 'pg_trigger'), '')
			  FROM pg_trigger t WHERE NOT t.tgisinternal
			  UNION ALL
			  SELECT 'policy ' || quote_ident(p.polname) || ' ON ' || p.polrelid::regclass::text || ' '
			      || p.polcmd::text || ' ' || p.polpermissive::text || ' ' || p.polroles::text
			      || ' USING ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '-')
			      || ' CHECK ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '-')
			  FROM pg_policy p
			) items
			""";

	private CatalogFingerprint() {
	}

	/**
	 * Takes the fingerprint of a database, and the number of rows of a sentinel table.
	 * @param dataSource the database
	 * @param sentinel the sentinel table, schema-qualified as SQL
	 * @return the fingerprint
	 */
	static String of(DataSource dataSource, String sentinel) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			// regclass prints names qualified unless their schema is on the path: keep it fixed
			statement.execute("SET search_path = pg_catalog");
			String catalog = single(statement, QUERY);
			String rows = single(statement,
					"SELECT CASE WHEN to_regclass('" + sentinel.replace("'", "''") + "') IS NULL THEN 'absent' END");
			if (rows == null) {
				rows = single(statement, "SELECT count(*) || ' rows, checksum ' || "
						+ "coalesce(md5(string_agg(s::text, ',' ORDER BY s::text)), '-') FROM " + sentinel + " s");
			}
			return catalog + "\nsentinel " + sentinel + ": " + rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the catalog fingerprint: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Counts the simulation's scratch schemas left in a database.
	 * @param dataSource the database
	 * @return the number of schemas named {@code pgentities_sim_...}
	 */
	static int scratchSchemas(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'pgentities\\_sim\\_%'");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not count scratch schemas: " + ex.getMessage(), ex);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
