-- The schemas whose names match any of the LIKE patterns of parameter 1 (text[]): the tenant
-- schemas of a tenant template, found again at each check so that new tenants are included.
-- PostgreSQL's own schemas (pg_catalog, pg_toast, pg_temp_N, information_schema) and the
-- scratch schemas of running checks never match, whatever the patterns say.
select
    n.nspname as schema
from pg_namespace n
where n.nspname like any(?::text[])
  and n.nspname !~ '^pg_'
  and n.nspname <> 'information_schema'
  and n.nspname not like 'pgentities\_sim\_%'
order by n.nspname
