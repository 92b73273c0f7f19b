-- Everything that depends on the functions, procedures, views and materialized views of the
-- given schemas (parameter 1: text[]), and on the members of the extensions installed there
-- (a table column of an extension's type), wherever it lives. Extension members, and what
-- belongs to them (the operators of an extension's operator family), are no dependents: they go
-- with their extension.
--
-- The planner must know these before it drops an object: views, routines, triggers and
-- policies in schemas it does not read are recreated with it ("bystanders"), and anything
-- that is no entity at all (a column default, a CHECK constraint, an index expression, a
-- table column of a view's row type) makes the drop impossible without CASCADE, which
-- pg-entities never uses.
-- A view depends through its rewrite rule, and a routine through a view's row type; both
-- are lifted to the view. The clones PostgreSQL makes on partitions of a partitioned table's
-- row trigger (tgparentid <> 0) are left out: they depend on the trigger function as their
-- parent does, but they are no independent dependents, since dropping the parent's trigger
-- drops them (see triggers.sql, which skips them for the same reason). For the same reason the
-- indexes PostgreSQL attaches to a partitioned table's index on each partition
-- (relispartition) and the CHECK constraints partitions and child tables inherit (not
-- conislocal) are left out: the parent's index or constraint is what has to change. description is PostgreSQL's own name for the dependent, printed
-- under search_path = pg_catalog so that tables come schema-qualified.
with managed as (
    select 'pg_proc'::regclass as catalog, p.oid as oid, 'pg_proc'::text as entity_catalog, p.oid as entity_oid
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any(?::text[])
    union all
    select 'pg_class'::regclass, c.oid, 'pg_class', c.oid
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(?::text[]) and c.relkind in ('v', 'm')
    union all
    select 'pg_type'::regclass, c.reltype, 'pg_class', c.oid
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(?::text[]) and c.relkind in ('v', 'm')
    union all
    select m.classid::regclass, m.objid, 'pg_extension', e.oid
    from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace
    join pg_depend m on m.refclassid = 'pg_extension'::regclass and m.refobjid = e.oid and m.deptype = 'e'
    where n.nspname = any(?::text[])
)
select
    m.entity_catalog                                           as referenced_catalog,
    m.entity_oid::bigint                                       as referenced_oid,
    case when d.classid = 'pg_rewrite'::regclass then 'pg_class'
         else d.classid::regclass::text end                    as dependent_catalog,
    coalesce(r.ev_class, d.objid)::bigint                      as dependent_oid,
    coalesce(vn.nspname, pn.nspname, tn.nspname, qn.nspname)   as dependent_schema,
    pg_describe_object(d.classid, d.objid, d.objsubid)         as description
from pg_depend d
join managed m on m.catalog = d.refclassid and m.oid = d.refobjid
left join pg_rewrite r on d.classid = 'pg_rewrite'::regclass and r.oid = d.objid
left join pg_class vc on vc.oid = r.ev_class
left join pg_namespace vn on vn.oid = vc.relnamespace
left join pg_proc dp on d.classid = 'pg_proc'::regclass and dp.oid = d.objid
left join pg_namespace pn on pn.oid = dp.pronamespace
left join pg_trigger dt on d.classid = 'pg_trigger'::regclass and dt.oid = d.objid
left join pg_class tc on tc.oid = dt.tgrelid
left join pg_namespace tn on tn.oid = tc.relnamespace
left join pg_policy dq on d.classid = 'pg_policy'::regclass and dq.oid = d.objid
left join pg_class qc on qc.oid = dq.polrelid
left join pg_namespace qn on qn.oid = qc.relnamespace
left join pg_class di on d.classid = 'pg_class'::regclass and di.oid = d.objid and di.relkind in ('i', 'I')
left join pg_constraint dc on d.classid = 'pg_constraint'::regclass and dc.oid = d.objid
where d.deptype = 'n'
  and coalesce(r.ev_class, 0) <> m.entity_oid
  and coalesce(dt.tgparentid, 0) = 0
  and not coalesce(di.relispartition, false)
  and coalesce(dc.conislocal, true)
  and not exists (
      select 1 from pg_depend x
      where x.classid = d.classid and x.objid = d.objid and x.deptype = 'e')
  and not exists (
      select 1 from pg_depend x
      join pg_depend y on y.classid = x.refclassid and y.objid = x.refobjid and y.deptype = 'e'
      where x.classid = d.classid and x.objid = d.objid and x.deptype in ('a', 'i'))
order by 1, 2, 3, 4
