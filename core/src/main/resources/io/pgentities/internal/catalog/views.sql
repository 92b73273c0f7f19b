-- Views and materialized views in the given schemas (parameter 1: text[]).
--
-- query is pg_get_viewdef(oid, true): PostgreSQL's own deparse of the stored rewrite rule,
-- which erases formatting, comments and keyword case. Run with search_path = pg_catalog so
-- every relation and function outside pg_catalog prints schema-qualified.
-- columns (name and type, in order) tell the planner whether CREATE OR REPLACE VIEW can
-- apply a change: it may only append columns.
-- indexes and populated only matter for materialized views. Column comments and column
-- privileges are not compared; the planner gives them back to a view it recreates.
-- Extension members are skipped.
select
    c.oid::bigint                                             as oid,
    n.nspname                                                 as schema,
    c.relname                                                 as name,
    c.relkind::text                                           as relation_kind,
    pg_get_viewdef(c.oid, true)                               as query,
    coalesce(array_to_string(c.reloptions, ', '), '')         as options,
    array(select quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
          from pg_attribute a
          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          order by a.attnum)                                  as columns,
    array(select pg_get_indexdef(i.indexrelid)
          from pg_index i
          where i.indrelid = c.oid
          order by 1)                                         as indexes,
    c.relispopulated                                          as populated,
    array(select quote_ident(a.attname) || ' IS ' || quote_literal(d.description)
          from pg_attribute a
          join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = c.oid and d.objsubid = a.attnum
          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          order by a.attnum)                                  as column_comments,
    array(select quote_ident(a.attname) || E'\t' || x.item::text
          from pg_attribute a, unnest(a.attacl) as x(item)
          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          order by a.attnum, 1)                               as column_acl,
    obj_description(c.oid, 'pg_class')                        as comment,
    pg_get_userbyid(c.relowner)                               as owner,
    coalesce(c.relacl::text[], '{}')                          as acl
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[])
  and c.relkind in ('v', 'm')
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by n.nspname, c.relname
