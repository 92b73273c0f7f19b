-- The security attributes of routines, by OID (parameter 1: text[] of OIDs): the simulated
-- copies of declared routines, or live routines found with to_regprocedure.
--
-- public_execute reads the effective privileges: a routine without an ACL has the default
-- one (acldefault), which grants EXECUTE to PUBLIC (grantee 0), unless default privileges
-- (ALTER DEFAULT PRIVILEGES) gave it another ACL when it was created.
select
    p.oid::bigint                                             as oid,
    p.prosecdef                                               as security_definer,
    coalesce(p.proconfig, '{}')                               as config,
    exists (
        select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
        where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_execute
from pg_proc p
where p.oid = any(?::text[]::oid[])
order by p.oid
