-- Event triggers whose function lives in the given schemas (parameter 1: text[]); an empty
-- array reads every event trigger of the database.
--
-- An event trigger has no schema of its own (its name is unique in the database): it belongs
-- to the schema of its function, so that it is managed, reported and dropped with the objects
-- of that schema. A simulation cannot create a declared event trigger under its own name,
-- which a live one may hold, so it names it '<scratch schema>:<n>'; such a trigger belongs to
-- that scratch schema even when its function is a live one.
-- PostgreSQL has no pg_get_event_triggerdef: the parts are read one by one. tags are upper
-- case as PostgreSQL stores them, sorted and each once, since neither order nor repetition
-- mean anything; function is printed by regprocedure under search_path = pg_catalog, so it
-- comes schema-qualified. An event trigger has an owner but no privileges (no ACL). Event
-- triggers that belong to an extension are skipped.
select
    e.oid::bigint                                             as oid,
    n.nspname                                                 as schema,
    e.evtname                                                 as name,
    e.evtevent                                                as event,
    array(select distinct upper(tag) from unnest(e.evttags) as t(tag) order by 1)
                                                              as tags,
    e.evtfoid::regprocedure::text                             as function,
    e.evtenabled::text                                        as firing,
    pg_get_userbyid(e.evtowner)                               as owner,
    (select d.description from pg_description d
     where d.objoid = e.oid and d.classoid = 'pg_event_trigger'::regclass and d.objsubid = 0) as comment
from pg_event_trigger e
join pg_proc p on p.oid = e.evtfoid
join pg_namespace n on n.oid = p.pronamespace
where (n.nspname = any(?::text[])
       or split_part(e.evtname, ':', 1) = any(?::text[])
       or cardinality(?::text[]) = 0)
  and not exists (
      select 1 from pg_depend d
      where d.classid = 'pg_event_trigger'::regclass and d.objid = e.oid and d.deptype = 'e')
order by e.evtname
