-- The partitions among the tables of the given schemas (parameter 1: text[]), one row for each
-- table a partition belongs to, directly or through intermediate partitioned tables.
--
-- PostgreSQL clones a partitioned table's row trigger onto each of its partitions under the
-- trigger's name (see triggers.sql), so a partition cannot have a trigger of its own by that
-- name while the partitioned table's trigger exists; the planner refuses a plan that would
-- make the two meet. pg_partition_ancestors lists the partition itself first; it is left out.
select
    n.nspname                                                 as schema,
    c.relname                                                 as table_name,
    an.nspname                                                as ancestor_schema,
    a.relname                                                 as ancestor_table
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
cross join lateral pg_partition_ancestors(c.oid) as p(relid)
join pg_class a on a.oid = p.relid
join pg_namespace an on an.oid = a.relnamespace
where n.nspname = any(?::text[])
  and c.relispartition
  and a.oid <> c.oid
order by n.nspname, c.relname, an.nspname, a.relname
