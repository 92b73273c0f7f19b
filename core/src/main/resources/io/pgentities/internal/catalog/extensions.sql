-- Extensions, wherever their objects are installed (no parameter): an extension's name is
-- unique in the database, so a declared extension is found whichever schema it is in now.
--
-- Extensions created when the cluster was initialized (plpgsql, oid below 16384,
-- FirstNormalObjectId) are part of every database and never reported. default_version and
-- available_versions come from the server's control files (pg_available_extensions), so that a
-- declaration without VERSION reads as the version CREATE EXTENSION would install, and a
-- declared version the server does not have is refused before any plan.
-- pg_available_extension_versions reads every control file and script name of the server's
-- extension directory on each call: it is called once, in the CTE, not once per extension.
with available as (
    select v.name, array_agg(v.version order by v.version) as versions
    from pg_available_extension_versions v
    where v.name in (select extname from pg_extension where oid >= 16384)
    group by v.name
)
select
    e.oid::bigint                                             as oid,
    e.extname                                                 as name,
    n.nspname                                                 as schema,
    e.extversion                                              as version,
    e.extrelocatable                                          as relocatable,
    a.default_version                                         as default_version,
    coalesce(v.versions, '{}')                                as available_versions,
    (select d.description from pg_description d
     where d.objoid = e.oid and d.classoid = 'pg_extension'::regclass and d.objsubid = 0) as comment
from pg_extension e
join pg_namespace n on n.oid = e.extnamespace
left join pg_available_extensions a on a.name = e.extname
left join available v on v.name = e.extname
where e.oid >= 16384
order by e.extname
