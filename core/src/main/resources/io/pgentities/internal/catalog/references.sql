-- What the objects of a simulation reference outside it (parameter 1: text[] of the scratch
-- schemas).
--
-- One row per schema or role: kind is 'schema' or 'role'. The schemas are those of every
-- object a simulated object depends on (pg_depend, including the schemas themselves); the
-- roles own simulated objects or are named in their privileges (pg_shdepend). The scratch
-- schemas and pg_catalog (whose objects are those of the server's version) are left out.
with scratch as (
    select n.oid from pg_namespace n where n.nspname = any(?::text[])
),
simulated as (
    select 'pg_class'::regclass as classid, c.oid from pg_class c where c.relnamespace in (select oid from scratch)
    union all
    select 'pg_proc'::regclass, p.oid from pg_proc p where p.pronamespace in (select oid from scratch)
    union all
    select 'pg_type'::regclass, t.oid from pg_type t where t.typnamespace in (select oid from scratch)
    union all
    select 'pg_rewrite'::regclass, r.oid from pg_rewrite r
    join pg_class c on c.oid = r.ev_class where c.relnamespace in (select oid from scratch)
    union all
    select 'pg_trigger'::regclass, t.oid from pg_trigger t
    join pg_class c on c.oid = t.tgrelid where c.relnamespace in (select oid from scratch)
    union all
    select 'pg_policy'::regclass, p.oid from pg_policy p
    join pg_class c on c.oid = p.polrelid where c.relnamespace in (select oid from scratch)
    union all
    select 'pg_attrdef'::regclass, a.oid from pg_attrdef a
    join pg_class c on c.oid = a.adrelid where c.relnamespace in (select oid from scratch)
    union all
    select 'pg_constraint'::regclass, k.oid from pg_constraint k
    where k.connamespace in (select oid from scratch)
),
referenced as (
    select distinct d.refclassid, d.refobjid
    from pg_depend d
    join simulated s on s.classid = d.classid and s.oid = d.objid
),
names as (
    select 'schema' as kind,
           case when r.refclassid = 'pg_namespace'::regclass
                then (select n.nspname::text from pg_namespace n where n.oid = r.refobjid)
                -- pg_identify_object quotes the schema's name as needed
                else (select n.nspname::text from pg_namespace n
                      where quote_ident(n.nspname) = (pg_identify_object(r.refclassid, r.refobjid, 0)).schema)
                end as name
    from referenced r
    where r.refobjid not in (select oid from scratch)
    union
    select 'role', pg_get_userbyid(d.refobjid)
    from pg_shdepend d
    join simulated s on s.classid = d.classid and s.oid = d.objid
    where d.dbid in (0, (select oid from pg_database where datname = current_database()))
      and d.refclassid = 'pg_authid'::regclass
)
select n.kind, n.name
from names n
where n.name is not null
  and n.name not in (select nspname from pg_namespace where oid in (select oid from scratch))
  and not (n.kind = 'schema' and n.name = 'pg_catalog')
order by 1, 2
