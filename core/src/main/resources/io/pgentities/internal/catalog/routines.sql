-- Functions and procedures in the given schemas (parameter 1: text[]).
--
-- Aggregates are read by aggregates.sql; window functions are not managed (prokind 'w'). Extension members
-- (pg_depend.deptype = 'e') are skipped: they belong to their extension, not to us.
-- Run with search_path = pg_catalog, so every name outside pg_catalog prints schema-qualified
-- and the text is the same whichever schema the caller's search_path puts first.
-- identity_arguments is what identifies a routine (proargtypes: the unique key of pg_proc).
select
    p.oid::bigint                                             as oid,
    n.nspname                                                 as schema,
    p.proname                                                 as name,
    p.prokind::text                                           as routine_kind,
    coalesce((select string_agg(format_type(a.type_oid, null), ', ' order by a.ordinality)
              from unnest(p.proargtypes::oid[]) with ordinality as a(type_oid, ordinality)), '')
                                                              as identity_arguments,
    pg_get_functiondef(p.oid)                                 as definition,
    pg_get_function_arguments(p.oid)                          as arguments,
    pg_get_function_result(p.oid)                             as result_type,
    coalesce(array_to_string(p.proargnames, ','), '')         as argument_names,
    l.lanname                                                 as language,
    p.prosrc                                                  as body,
    (select d.description from pg_description d
     where d.objoid = p.oid and d.classoid = 'pg_proc'::regclass and d.objsubid = 0) as comment,
    pg_get_userbyid(p.proowner)                               as owner,
    coalesce(p.proacl::text[], '{}')                          as acl,
    p.prosecdef                                               as security_definer
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_language l on l.oid = p.prolang
where n.nspname = any(?::text[])
  and p.prokind in ('f', 'p')
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
order by n.nspname, p.proname, identity_arguments
