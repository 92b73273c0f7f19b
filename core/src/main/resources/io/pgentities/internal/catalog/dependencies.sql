-- Which objects depend on which (parameter 1: text[] of schemas).
--
-- One row per edge "dependent needs referenced", both given as (catalog, oid) so that OIDs of
-- different catalogs never mix. Only edges whose dependent lives in the given schemas are
-- read, and only user objects (oid >= 16384, FirstNormalObjectId).
--   * a view or materialized view depends on what its rewrite rule references: pg_depend
--     records those edges against the rule (pg_rewrite), so they are lifted to the view;
--   * an event trigger depends on its function; it belongs to its function's schema, or to the
--     scratch schema its simulated copy is named after (see event-triggers.sql);
--   * triggers, policies and routines depend on routines and relations directly (SQL-standard
--     routine bodies are tracked by PostgreSQL, PL/pgSQL bodies are not); the clones of a
--     partitioned table's trigger on its partitions (tgparentid <> 0) are no entities (see
--     triggers.sql) and their edges are their parent's, so they are left out;
--   * a routine that takes or returns a relation's row type depends on that relation;
--   * a view, routine, trigger or policy that uses a member of an extension (its type,
--     function or operator: pg_depend.deptype 'e' ties the member to its extension) depends on
--     the extension. Members themselves are no entities and are left out.
with edges as (
    select 'pg_class'::text as dependent_catalog, r.ev_class::bigint as dependent_oid,
           d.refclassid::regclass::text as referenced_catalog, d.refobjid::bigint as referenced_oid
    from pg_depend d
    join pg_rewrite r on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
    where d.refclassid in ('pg_class'::regclass, 'pg_proc'::regclass)
      and d.refobjid <> r.ev_class
      and d.refobjid >= 16384
    union
    select d.classid::regclass::text, d.objid::bigint, d.refclassid::regclass::text, d.refobjid::bigint
    from pg_depend d
    where d.classid in ('pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_proc'::regclass,
                        'pg_event_trigger'::regclass)
      and d.refclassid in ('pg_class'::regclass, 'pg_proc'::regclass)
      and d.deptype in ('n', 'a')
      and d.objid >= 16384 and d.refobjid >= 16384
      and not exists (
          select 1 from pg_trigger t
          where d.classid = 'pg_trigger'::regclass and t.oid = d.objid and t.tgparentid <> 0)
    union
    select 'pg_proc', d.objid::bigint, 'pg_class', t.typrelid::bigint
    from pg_depend d
    join pg_type t on d.refclassid = 'pg_type'::regclass and d.refobjid = t.oid
    where d.classid = 'pg_proc'::regclass
      and t.typrelid <> 0
      and d.objid >= 16384
    union
    select case when d.classid = 'pg_rewrite'::regclass then 'pg_class' else d.classid::regclass::text end,
           coalesce(r.ev_class, d.objid)::bigint, 'pg_extension', m.refobjid::bigint
    from pg_depend d
    join pg_depend m on m.classid = d.refclassid and m.objid = d.refobjid
        and m.refclassid = 'pg_extension'::regclass and m.deptype = 'e'
    left join pg_rewrite r on d.classid = 'pg_rewrite'::regclass and r.oid = d.objid
    where d.classid in ('pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_proc'::regclass)
      and d.deptype = 'n'
      and d.objid >= 16384
      and not exists (
          select 1 from pg_depend x
          where x.classid = d.classid and x.objid = d.objid and x.deptype = 'e')
)
select e.dependent_catalog, e.dependent_oid, e.referenced_catalog, e.referenced_oid
from edges e
where e.dependent_oid in (
    select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(?::text[])
    union all
    select p.oid from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any(?::text[])
    union all
    select t.oid from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(?::text[])
    union all
    select p.oid from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any(?::text[])
    union all
    select e.oid from pg_event_trigger e join pg_proc p on p.oid = e.evtfoid join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any(?::text[]) or split_part(e.evtname, ':', 1) = any(?::text[]))
order by 1, 2, 3, 4
