-- The function each trigger executes, by trigger OID (parameter 1: text[] of OIDs).
-- function prints as regprocedure with search_path = pg_catalog, so schema-qualified; for a
-- simulated trigger whose function is declared too, the schema is a scratch schema.
select
    t.oid::bigint                                             as oid,
    p.oid::regprocedure::text                                 as function,
    p.prosecdef                                               as security_definer
from pg_trigger t
join pg_proc p on p.oid = t.tgfoid
where t.oid = any(?::text[]::oid[])
order by t.oid
