-- What simulating declarations depends on besides the declarations themselves (parameter 1:
-- text[] of schemas, parameter 2: text[] of roles, parameter 3: text[] of objects left out,
-- each as 'catalog:oid').
--
-- One row. A check that finds this row, and the live entities, unchanged since an earlier
-- check of the same declarations gets the same answer without simulating again.
--   * contents: everything in the schemas that a declaration can reference or that name
--     resolution can find: relations with their columns (name, type, collation, nullability,
--     partitioning), routines with their arguments and results, types, operators,
--     collations, constraints and text search configurations. Names, not OIDs, so that two
--     databases built from the same migrations agree. A new object that would capture an
--     unqualified reference changes it. The objects left out are live objects of the
--     declared identities (and a left-out relation's indexes): the simulation shadows them
--     with its own copies; an extension left out takes its member objects along, and so
--     does one a simulation creates.
--   * the session's temporary schema (searched first for relations and types) is read too;
--   * globals: user-defined casts, default privileges, installed extensions;
--   * roles: the roles the declarations name, and which of them the current user may act as;
--   * settings that change how PostgreSQL prints constants (time zone, date and interval
--     styles) or which routine bodies it accepts, and the current user, who owns what a
--     simulation creates.
-- server_version_num is returned apart: built-in objects are those of the server's version.
-- Run with search_path = pg_catalog, so that every type prints schema-qualified.
with schemas as (
    select n.oid, case when n.oid = pg_my_temp_schema() then 'pg_temp' else n.nspname::text end as name
    from pg_namespace n
    where n.nspname = any(?::text[]) or n.oid = pg_my_temp_schema()
),
-- split once into catalog and oid: the filters below run on every row of pg_proc and
-- pg_operator, built-in ones included, and comparing oids there is much cheaper than text
given as (
    select split_part(g.object, ':', 1) as catalog, split_part(g.object, ':', 2)::oid as oid
    from unnest(?::text[]) as g(object)
),
-- an extension left out takes its member objects along
excluded as (
    select catalog, oid from given
    union all
    select d.classid::regclass::text, d.objid
    from pg_depend d
    join given g on g.catalog = 'pg_extension' and g.oid = d.refobjid
    where d.refclassid = 'pg_extension'::regclass and d.deptype = 'e'
),
lines as (
    select concat_ws(' ', s.name, 'relation', quote_ident(c.relname), c.relkind, c.relrowsecurity,
               pg_get_partkeydef(c.oid), pg_get_expr(c.relpartbound, c.oid), c.reloftype::regtype,
               (select string_agg(concat_ws(' ', a.attnum, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                           a.attnotnull, a.attisdropped, a.attgenerated,
                           (select co.collname from pg_collation co where co.oid = a.attcollation)), ', ' order by a.attnum)
                from pg_attribute a
                where a.attrelid = c.oid and a.attnum > 0)) as line
    from pg_class c
    join schemas s on s.oid = c.relnamespace
    where c.oid not in (select oid from excluded where catalog = 'pg_class')
      and not exists (
          select 1 from pg_index i
          where i.indexrelid = c.oid and i.indrelid in (select oid from excluded where catalog = 'pg_class'))
    union all
    select concat_ws(' ', s.name, 'routine', quote_ident(p.proname), p.prokind, p.proretset, p.provariadic::regtype,
               '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_function_arguments(p.oid),
               pg_get_function_result(p.oid))
    from pg_proc p
    join schemas s on s.oid = p.pronamespace
    where p.oid not in (select oid from excluded where catalog = 'pg_proc')
    union all
    select concat_ws(' ', s.name, 'type', quote_ident(t.typname), t.typtype, t.typcategory,
               case when t.typbasetype <> 0 then format_type(t.typbasetype, t.typtypmod) end,
               t.typnotnull, t.typcollation::regcollation,
               (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid),
               (select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
                from pg_enum e where e.enumtypid = t.oid),
               (select string_agg(quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), ', ' order by k.conname)
                from pg_constraint k where k.contypid = t.oid))
    from pg_type t
    join schemas s on s.oid = t.typnamespace
    -- a relation's row type and its array come and go with the relation, listed above
    where t.typrelid = 0
      and t.oid not in (select oid from excluded where catalog = 'pg_type')
      and t.typelem not in (select oid from excluded where catalog = 'pg_type')
      and not exists (select 1 from pg_type e where e.oid = t.typelem and e.typrelid <> 0)
    union all
    select concat_ws(' ', s.name, 'operator', o.oid::regoperator, o.oprresult::regtype)
    from pg_operator o
    join schemas s on s.oid = o.oprnamespace
    where o.oid not in (select oid from excluded where catalog = 'pg_operator')
    union all
    select concat_ws(' ', s.name, 'collation', quote_ident(co.collname), co.collprovider, co.collencoding)
    from pg_collation co
    join schemas s on s.oid = co.collnamespace
    union all
    select concat_ws(' ', s.name, 'constraint', quote_ident(c.relname), quote_ident(k.conname),
               pg_get_constraintdef(k.oid))
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join schemas s on s.oid = c.relnamespace
    where c.oid not in (select oid from excluded where catalog = 'pg_class')
    union all
    select concat_ws(' ', s.name, 'text search configuration', quote_ident(f.cfgname))
    from pg_ts_config f
    join schemas s on s.oid = f.cfgnamespace
    union all
    select concat_ws(' ', 'cast', k.castsource::regtype, k.casttarget::regtype, k.castfunc::regprocedure,
               k.castcontext, k.castmethod)
    from pg_cast k
    where k.oid >= 16384
      and k.oid not in (select oid from excluded where catalog = 'pg_cast')
    union all
    select concat_ws(' ', 'default privileges', pg_get_userbyid(d.defaclrole), d.defaclnamespace::regnamespace,
               d.defaclobjtype, d.defaclacl::text)
    from pg_default_acl d
    union all
    select concat_ws(' ', 'extension', quote_ident(x.extname), x.extversion, x.extnamespace::regnamespace)
    from pg_extension x
    where x.oid not in (select oid from excluded where catalog = 'pg_extension')
    union all
    select concat_ws(' ', 'role', quote_ident(r.rolname), r.rolsuper, r.rolinherit,
               pg_has_role(current_user, r.oid, 'MEMBER'), pg_has_role(current_user, r.oid, 'USAGE'))
    from pg_roles r
    where r.rolname = any(?::text[]) or r.rolname = current_user
    union all
    select concat_ws(' ', 'settings', current_user, current_setting('TimeZone'), current_setting('DateStyle'),
               current_setting('IntervalStyle'), current_setting('extra_float_digits'),
               current_setting('bytea_output'), current_setting('lc_monetary'),
               current_setting('check_function_bodies'),
               -- unset until PL/pgSQL is first loaded in the session: its default then
               coalesce(current_setting('plpgsql.extra_errors', true), 'none'),
               has_database_privilege(current_database(), 'CREATE'))
)
select
    current_setting('server_version_num')::integer            as server_version,
    md5(string_agg(l.line, E'\n' order by l.line))            as fingerprint
from lines l
