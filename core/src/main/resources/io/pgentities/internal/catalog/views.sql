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
    a.columns                                                 as columns,
    case when c.relkind = 'm' then
        array(select pg_get_indexdef(i.indexrelid)
              from pg_index i
              where i.indrelid = c.oid
              order by 1)
    else '{}' end                                             as indexes,
    c.relispopulated                                          as populated,
    a.column_comments                                         as column_comments,
    a.column_acl                                              as column_acl,
    (select d.description from pg_description d
     where d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0) as comment,
    pg_get_userbyid(c.relowner)                               as owner,
    coalesce(c.relacl::text[], '{}')                          as acl
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
-- the columns and their comments in one pass over pg_attribute (a view may have no column)
cross join lateral (
    select coalesce(array_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
               order by a.attnum), '{}') as columns,
           coalesce(array_agg(quote_ident(a.attname) || ' IS ' || quote_literal(d.description) order by a.attnum)
               filter (where d.description is not null), '{}') as column_comments,
           coalesce((select array_agg(quote_ident(b.attname) || E'\t' || x.item::text order by b.attnum, x.item::text)
                     from pg_attribute b, unnest(b.attacl) as x(item)
                     where b.attrelid = c.oid and b.attnum > 0 and not b.attisdropped and b.attacl is not null),
               '{}') as column_acl
    from pg_attribute a
    left join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = c.oid and d.objsubid = a.attnum
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
) a
where n.nspname = any(?::text[])
  and c.relkind in ('v', 'm')
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by n.nspname, c.relname
