-- Row-level-security policies on tables in the given schemas (parameter 1: text[]).
--
-- PostgreSQL has no pg_get_policydef, so the parts are read one by one: the expressions
-- through pg_get_expr (under search_path = pg_catalog, so functions print schema-qualified
-- and the live and simulated sides read alike), the roles by name, 'public' for role 0,
-- sorted so that the order they were written in does not count.
select
    p.oid::bigint                                             as oid,
    n.nspname                                                 as schema,
    c.relname                                                 as table_name,
    p.polname                                                 as name,
    p.polpermissive                                           as permissive,
    case p.polcmd
        when 'r' then 'SELECT'
        when 'a' then 'INSERT'
        when 'w' then 'UPDATE'
        when 'd' then 'DELETE'
        else 'ALL'
    end                                                       as command,
    array(select case when r.role_oid = 0 then 'public' else pg_get_userbyid(r.role_oid) end
          from unnest(p.polroles) as r(role_oid)
          order by 1)                                         as roles,
    pg_get_expr(p.polqual, p.polrelid)                        as using_expression,
    pg_get_expr(p.polwithcheck, p.polrelid)                   as check_expression,
    (select d.description from pg_description d
     where d.objoid = p.oid and d.classoid = 'pg_policy'::regclass and d.objsubid = 0) as comment
from pg_policy p
join pg_class c on c.oid = p.polrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any(?::text[])
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
order by n.nspname, c.relname, p.polname
