-- Triggers on tables, views and foreign tables in the given schemas (parameter 1: text[]).
--
-- Internal triggers (foreign keys, deferred unique constraints) are not user objects and are
-- skipped, as are the clones PostgreSQL makes on partitions of a partitioned table's trigger
-- (tgparentid <> 0): declaring the parent's trigger declares them. Triggers on tables that
-- belong to an extension are skipped too.
-- definition is pg_get_triggerdef(oid, true) under search_path = pg_catalog, so the table
-- and the function always print schema-qualified. row_level is TRIGGER_TYPE_ROW, bit 0 of
-- tgtype: only row triggers are cloned onto partitions.
select
    t.oid::bigint                                             as oid,
    n.nspname                                                 as schema,
    c.relname                                                 as table_name,
    t.tgname                                                  as name,
    pg_get_triggerdef(t.oid, true)                            as definition,
    t.tgconstraint <> 0                                       as constraint_trigger,
    (t.tgtype & 1) <> 0                                       as row_level,
    (select d.description from pg_description d
     where d.objoid = t.oid and d.classoid = 'pg_trigger'::regclass and d.objsubid = 0) as comment
from pg_trigger t
join pg_class c on c.oid = t.tgrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[])
  and not t.tgisinternal
  and t.tgparentid = 0
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by n.nspname, c.relname, t.tgname
