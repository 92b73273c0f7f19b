-- The OIDs of the live routines with the given identities (parameter 1: text[] of identities
-- as pg-entities prints them, schema-qualified). Identities no live routine has are left out.
-- Run with search_path = pg_catalog, so an identity is never found in a scratch schema.
select
    r.identity                                                as identity,
    to_regprocedure(r.identity)::oid::bigint                  as oid
from unnest(?::text[]) as r(identity)
where to_regprocedure(r.identity) is not null
order by r.identity
