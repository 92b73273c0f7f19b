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

package io.pgentities.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.pgentities.PgEntities;
import io.pgentities.PgEntity;

/**
 * The synthetic entity set the benchmark measures: the same text, byte for byte, as
 * {@code generate.py OUT_DIR --scale N} writes into {@code OUT_DIR/tables.sql} and
 * {@code OUT_DIR/entities/*.sql}. Scale {@code N} gives {@code N} tables with RLS enabled and
 * {@code 10 N} entities: per table three functions (a trigger function, an SQL function, a
 * PL/pgSQL function with defaults), a chain of three views, a materialized view on the last
 * of them, two triggers and a policy.
 * <p>
 * Files are listed table by table in the generator's order, which is also an order in which
 * PostgreSQL can create them: each file only names tables and earlier files of its table.
 */
public final class Workload {

	private static final String TABLE = """
			CREATE TABLE IF NOT EXISTS public.item_{t} (
			    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			    name text NOT NULL,
			    qty integer NOT NULL DEFAULT 1,
			    price numeric(12,2) NOT NULL DEFAULT 0,
			    owner_name text NOT NULL DEFAULT current_user,
			    last_edited timestamptz
			);
			ALTER TABLE public.item_{t} ENABLE ROW LEVEL SECURITY;
			""";

	private static final List<Template> TEMPLATES = List.of(new Template("fn_touch_{t}", """
			CREATE OR REPLACE FUNCTION public.touch_{t}()
			RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			    NEW.last_edited = now();
			    RETURN NEW;
			END;
			$$
			"""), new Template("fn_total_{t}", """
			create or replace function public.total_{t}(p_qty integer, p_price numeric)
			returns numeric
			language sql immutable parallel safe
			as $$ select p_qty * p_price $$
			"""), new Template("fn_count_{t}", """
			CREATE OR REPLACE FUNCTION public.count_named_{t}(p_name text DEFAULT 'x', p_min integer DEFAULT 0)
			RETURNS bigint
			LANGUAGE plpgsql STABLE
			AS $body$
			DECLARE
			    result bigint;
			BEGIN
			    SELECT count(*) INTO result FROM public.item_{t} WHERE name = p_name AND qty >= p_min;
			    RETURN result;
			END;
			$body$
			"""), new Template("v_base_{t}", """
			CREATE OR REPLACE VIEW public.item_{t}_base AS
			SELECT id, name, qty, price FROM public.item_{t} WHERE qty > 0
			"""), new Template("v_priced_{t}", """
			CREATE OR REPLACE VIEW public.item_{t}_priced AS
			SELECT b.id, b.name, public.total_{t}(b.qty, b.price) AS total
			FROM public.item_{t}_base b
			"""), new Template("v_summary_{t}", """
			CREATE OR REPLACE VIEW public.item_{t}_summary AS
			SELECT p.name, sum(p.total) AS total, count(*) AS n
			FROM public.item_{t}_priced p
			GROUP BY p.name
			"""), new Template("mv_top_{t}", """
			CREATE MATERIALIZED VIEW public.item_{t}_top AS
			SELECT name, total FROM public.item_{t}_summary ORDER BY total DESC LIMIT 10
			WITH NO DATA
			"""), new Template("tg_touch_{t}", """
			CREATE TRIGGER item_{t}_touch BEFORE UPDATE ON public.item_{t}
			FOR EACH ROW EXECUTE FUNCTION public.touch_{t}()
			"""), new Template("tg_touch_ins_{t}", """
			CREATE TRIGGER item_{t}_touch_insert BEFORE INSERT ON public.item_{t}
			FOR EACH ROW WHEN (NEW.last_edited IS NULL) EXECUTE FUNCTION public.touch_{t}()
			"""), new Template("pol_owner_{t}", """
			CREATE POLICY item_{t}_owner ON public.item_{t}
			FOR ALL TO PUBLIC
			USING (owner_name = current_user)
			WITH CHECK (owner_name = current_user AND qty >= 0)
			"""));

	/**
	 * The file whose view {@link #entitiesWithOneViewChanged()} changes: the first view of the
	 * first table's chain, which the two other views and the materialized view depend on.
	 */
	static final String CHANGED_FILE = "v_base_0.sql";

	private final int scale;

	private Workload(int scale) {
		this.scale = scale;
	}

	/**
	 * The workload of a scale.
	 * @param scale the number of tables; {@code 10 * scale} entities
	 * @return the workload
	 * @throws IllegalArgumentException if the scale is negative
	 */
	public static Workload ofScale(int scale) {
		if (scale < 0) {
			throw new IllegalArgumentException("scale must not be negative, got " + scale);
		}
		return new Workload(scale);
	}

	/**
	 * The scale: the number of tables.
	 * @return the scale
	 */
	public int scale() {
		return this.scale;
	}

	/**
	 * The number of entities: ten per table.
	 * @return the entity count
	 */
	public int entityCount() {
		return this.scale * TEMPLATES.size();
	}

	/**
	 * The base tables, as the generator's {@code tables.sql}: what a Flyway versioned migration
	 * would create before any entity.
	 * @return several SQL statements
	 */
	public String tablesSql() {
		List<String> tables = new ArrayList<>();
		for (int t = 0; t < this.scale; t++) {
			tables.add(fill(TABLE, t));
		}
		return String.join("\n", tables);
	}

	/**
	 * The entity files, as the generator's {@code entities/*.sql}, in the generator's order.
	 * @return each file's name and text, one {@code CREATE} statement without a semicolon
	 */
	public List<EntityFile> entityFiles() {
		List<EntityFile> files = new ArrayList<>(entityCount());
		for (int t = 0; t < this.scale; t++) {
			for (Template template : TEMPLATES) {
				files.add(new EntityFile(fill(template.name(), t) + ".sql", fill(template.sql(), t)));
			}
		}
		return files;
	}

	/**
	 * The entities of the files, read as pg-entities reads {@code db/entities/*.sql}.
	 * @return the entities in file order
	 */
	public List<PgEntity> entities() {
		return parse(entityFiles());
	}

	/**
	 * The entities with one declaration changed: the view {@code public.item_0_base} filters
	 * on {@code qty > 1} instead of {@code qty > 0}. Its columns stay the same.
	 * @return the entities in file order
	 * @throws IllegalStateException if the workload is empty
	 */
	public List<PgEntity> entitiesWithOneViewChanged() {
		List<EntityFile> files = new ArrayList<>(entityFiles());
		for (int i = 0; i < files.size(); i++) {
			EntityFile file = files.get(i);
			if (file.name().equals(CHANGED_FILE)) {
				files.set(i, new EntityFile(file.name(), file.sql().replace("WHERE qty > 0", "WHERE qty > 1")));
				return parse(files);
			}
		}
		throw new IllegalStateException("A workload of scale " + this.scale + " has no " + CHANGED_FILE);
	}

	/**
	 * The entities of the files as a tenant template: their statements without the
	 * {@code public} qualification, so that they stand for the same entities in every tenant.
	 * @return the template's SQL
	 */
	public String tenantTemplateSql() {
		return entityFiles().stream()
			.map((file) -> file.sql().replace("public.", "").strip() + ";\n")
			.collect(Collectors.joining());
	}

	/**
	 * The tables and entities of the workload, created in a tenant schema instead of
	 * {@code public}: the tables qualified, the entities as the tenant template declares them,
	 * unqualified and created with the tenant schema first on the {@code search_path}, as an
	 * application provisions a tenant.
	 * @param schema the tenant schema, a plain identifier
	 * @return the statements that create the schema, its tables and its entities
	 */
	public List<String> tenantStatements(String schema) {
		List<String> statements = new ArrayList<>();
		statements.add("CREATE SCHEMA " + schema);
		statements.add(tablesSql().replace("public.", schema + "."));
		statements.add("SET search_path = " + schema + ", public");
		entityFiles().forEach((file) -> statements.add(file.sql().replace("public.", "")));
		statements.add("RESET search_path");
		return statements;
	}

	private static List<PgEntity> parse(List<EntityFile> files) {
		List<PgEntity> entities = new ArrayList<>(files.size());
		for (EntityFile file : files) {
			entities.addAll(PgEntities.fromSql(file.sql(), "file entities/" + file.name(), "public"));
		}
		return entities;
	}

	private static String fill(String template, int table) {
		return template.replace("{t}", Integer.toString(table));
	}

	/**
	 * One file of the generator's {@code entities} directory.
	 *
	 * @param name the file name, such as {@code fn_touch_0.sql}
	 * @param sql the file's text: one statement and a line break
	 */
	public record EntityFile(String name, String sql) {

	}

	private record Template(String name, String sql) {

	}

}
