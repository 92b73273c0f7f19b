-- Whether row-level security is enabled on the given tables (parameter 1: text[] of
-- schema-qualified, quoted names), as they are in the live database: run with
-- search_path = pg_catalog, so a name is never found in a scratch schema. Names no table has
-- are left out.
select
    r.name                                                    as name,
    c.relrowsecurity                                          as row_security
from unnest(?::text[]) as r(name)
join pg_class c on c.oid = to_regclass(r.name)
order by r.name
