-- Aggregates in the given schemas (parameter 1: text[]).
--
-- PostgreSQL has no function that prints an aggregate's definition, so definition is rebuilt
-- from pg_aggregate as a CREATE OR REPLACE AGGREGATE that names every attribute whose value is
-- not the default, in the order of the CREATE AGGREGATE reference page. Support functions
-- print as regproc does (only the name: an aggregate finds its support functions by their
-- argument types) and types as format_type does. Run with search_path = pg_catalog, so every
-- name outside pg_catalog prints schema-qualified, the same for live and simulated aggregates.
-- FINALFUNC_MODIFY defaults to READ_ONLY for plain aggregates and READ_WRITE for ordered-set
-- and hypothetical-set ones (DefineAggregate), so only another value is printed.
-- An aggregate over * has no argument types: identity_arguments is empty, as for count(*).
-- Extension members (pg_depend.deptype = 'e') are skipped.
select
    p.oid::bigint                                             as oid,
    n.nspname                                                 as schema,
    p.proname                                                 as name,
    coalesce((select string_agg(format_type(a.type_oid, null), ', ' order by a.ordinality)
              from unnest(p.proargtypes::oid[]) with ordinality as a(type_oid, ordinality)), '')
                                                              as identity_arguments,
    pg_get_function_arguments(p.oid)                          as arguments,
    pg_get_function_result(p.oid)                             as result_type,
    g.aggkind::text                                           as aggregate_kind,
    'CREATE OR REPLACE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname)
        || '(' || coalesce(nullif(pg_get_function_arguments(p.oid), ''), '*') || ') (' || E'\n    '
        || concat_ws(E',\n    ',
            'SFUNC = ' || g.aggtransfn::text,
            'STYPE = ' || format_type(g.aggtranstype, null),
            'SSPACE = ' || nullif(g.aggtransspace, 0),
            'FINALFUNC = ' || nullif(g.aggfinalfn, 0)::regproc::text,
            case when g.aggfinalextra then 'FINALFUNC_EXTRA' end,
            'FINALFUNC_MODIFY = ' || nullif(modify.final, modify.default_final),
            'COMBINEFUNC = ' || nullif(g.aggcombinefn, 0)::regproc::text,
            'SERIALFUNC = ' || nullif(g.aggserialfn, 0)::regproc::text,
            'DESERIALFUNC = ' || nullif(g.aggdeserialfn, 0)::regproc::text,
            'INITCOND = ' || quote_literal(g.agginitval),
            'MSFUNC = ' || nullif(g.aggmtransfn, 0)::regproc::text,
            'MINVFUNC = ' || nullif(g.aggminvtransfn, 0)::regproc::text,
            'MSTYPE = ' || format_type(nullif(g.aggmtranstype, 0), null),
            'MSSPACE = ' || nullif(g.aggmtransspace, 0),
            'MFINALFUNC = ' || nullif(g.aggmfinalfn, 0)::regproc::text,
            case when g.aggmfinalextra then 'MFINALFUNC_EXTRA' end,
            case when g.aggmtranstype <> 0 then 'MFINALFUNC_MODIFY = ' || nullif(modify.mfinal, modify.default_final) end,
            'MINITCOND = ' || quote_literal(g.aggminitval),
            'SORTOP = ' || (select 'OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')'
                            from pg_operator o join pg_namespace opn on opn.oid = o.oprnamespace
                            where o.oid = g.aggsortop),
            case p.proparallel when 's' then 'PARALLEL = SAFE' when 'r' then 'PARALLEL = RESTRICTED' end,
            case when g.aggkind = 'h' then 'HYPOTHETICAL' end)
        || E'\n)'                                             as definition,
    (select d.description from pg_description d
     where d.objoid = p.oid and d.classoid = 'pg_proc'::regclass and d.objsubid = 0) as comment,
    pg_get_userbyid(p.proowner)                               as owner,
    coalesce(p.proacl::text[], '{}')                          as acl
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_aggregate g on g.aggfnoid = p.oid
cross join lateral (
    select case g.aggfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end as final,
           case g.aggmfinalmodify when 'r' then 'READ_ONLY' when 's' then 'SHAREABLE' else 'READ_WRITE' end as mfinal,
           case when g.aggkind = 'n' then 'READ_ONLY' else 'READ_WRITE' end as default_final) as modify
where n.nspname = any(?::text[])
  and p.prokind = 'a'
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
order by n.nspname, p.proname, identity_arguments
