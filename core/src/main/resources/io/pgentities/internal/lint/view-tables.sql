-- The tables each view reads directly, by view OID (parameter 1: text[] of OIDs), with
-- whether the view is security_invoker (PostgreSQL 15 and later; never set before).
--
-- A view's rewrite rule depends on every relation its query names (pg_depend, classid
-- pg_rewrite); the view itself is among them and is left out by relkind. Views that read no
-- table have no rows.
select distinct
    v.oid::bigint                                             as oid,
    exists (
        select 1 from pg_options_to_table(v.reloptions) o
        where o.option_name = 'security_invoker'
          and lower(o.option_value) in ('true', 'on', 'yes', '1')) as security_invoker,
    n.nspname                                                 as table_schema,
    c.relname                                                 as table_name
from pg_class v
join pg_rewrite r on r.ev_class = v.oid
join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                and d.refclassid = 'pg_class'::regclass
join pg_class c on c.oid = d.refobjid and c.relkind in ('r', 'p')
join pg_namespace n on n.oid = c.relnamespace
where v.oid = any(?::text[]::oid[])
order by 1, 3, 4
