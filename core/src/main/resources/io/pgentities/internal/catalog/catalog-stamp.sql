-- A stamp of the whole catalog as this session sees it (no parameter): one row.
--
-- Every committed change to a catalog row gives the row a new version, whose xmin is the
-- changing transaction: a row inserted, updated or deleted changes its catalog's count of
-- rows or the sum of their xmins (new rows carry newer transactions than any row that was
-- there before, so one change cannot undo another in the sums). Equal stamps read at two
-- moments mean that no catalog row read here changed in between, so every definition
-- PostgreSQL prints, and everything a simulation can reach, is as it was.
--   * catalogs: those of the database (statistics, large objects and subscriptions' state
--     aside: they change without DDL), this database's row of pg_database (its privileges),
--     role memberships, and the roles as pg_roles shows them (pg_authid is not readable by
--     everyone);
--   * the session: the current user, the settings that change how PostgreSQL prints, and
--     its temporary schema when it holds anything (searched first for relations and types);
--   * the server's version.
-- VACUUM and ANALYZE update pg_class rows in place, without a new version: what they
-- change (sizes, statistics) is never printed. A TRUNCATE or a temporary table gives new
-- versions: a stamp that differs only says that a look at the definitions is needed.
with versions(catalog, v) as (
    select 'pg_aggregate', xmin::text::bigint from pg_aggregate
    union all select 'pg_am', xmin::text::bigint from pg_am
    union all select 'pg_amop', xmin::text::bigint from pg_amop
    union all select 'pg_amproc', xmin::text::bigint from pg_amproc
    union all select 'pg_attrdef', xmin::text::bigint from pg_attrdef
    union all select 'pg_attribute', xmin::text::bigint from pg_attribute
    union all select 'pg_auth_members', xmin::text::bigint from pg_auth_members
    union all select 'pg_cast', xmin::text::bigint from pg_cast
    union all select 'pg_class', xmin::text::bigint from pg_class
    union all select 'pg_collation', xmin::text::bigint from pg_collation
    union all select 'pg_constraint', xmin::text::bigint from pg_constraint
    union all select 'pg_conversion', xmin::text::bigint from pg_conversion
    union all select 'pg_database', xmin::text::bigint from pg_database where datname = current_database()
    union all select 'pg_default_acl', xmin::text::bigint from pg_default_acl
    union all select 'pg_depend', xmin::text::bigint from pg_depend
    union all select 'pg_description', xmin::text::bigint from pg_description
    union all select 'pg_enum', xmin::text::bigint from pg_enum
    union all select 'pg_event_trigger', xmin::text::bigint from pg_event_trigger
    union all select 'pg_extension', xmin::text::bigint from pg_extension
    union all select 'pg_foreign_data_wrapper', xmin::text::bigint from pg_foreign_data_wrapper
    union all select 'pg_foreign_server', xmin::text::bigint from pg_foreign_server
    union all select 'pg_foreign_table', xmin::text::bigint from pg_foreign_table
    union all select 'pg_index', xmin::text::bigint from pg_index
    union all select 'pg_inherits', xmin::text::bigint from pg_inherits
    union all select 'pg_init_privs', xmin::text::bigint from pg_init_privs
    union all select 'pg_language', xmin::text::bigint from pg_language
    union all select 'pg_namespace', xmin::text::bigint from pg_namespace
    union all select 'pg_opclass', xmin::text::bigint from pg_opclass
    union all select 'pg_operator', xmin::text::bigint from pg_operator
    union all select 'pg_opfamily', xmin::text::bigint from pg_opfamily
    union all select 'pg_partitioned_table', xmin::text::bigint from pg_partitioned_table
    union all select 'pg_policy', xmin::text::bigint from pg_policy
    union all select 'pg_proc', xmin::text::bigint from pg_proc
    union all select 'pg_publication', xmin::text::bigint from pg_publication
    union all select 'pg_publication_rel', xmin::text::bigint from pg_publication_rel
    union all select 'pg_range', xmin::text::bigint from pg_range
    union all select 'pg_rewrite', xmin::text::bigint from pg_rewrite
    union all select 'pg_seclabel', xmin::text::bigint from pg_seclabel
    union all select 'pg_sequence', xmin::text::bigint from pg_sequence
    union all select 'pg_statistic_ext', xmin::text::bigint from pg_statistic_ext
    union all select 'pg_transform', xmin::text::bigint from pg_transform
    union all select 'pg_trigger', xmin::text::bigint from pg_trigger
    union all select 'pg_ts_config', xmin::text::bigint from pg_ts_config
    union all select 'pg_ts_config_map', xmin::text::bigint from pg_ts_config_map
    union all select 'pg_ts_dict', xmin::text::bigint from pg_ts_dict
    union all select 'pg_ts_parser', xmin::text::bigint from pg_ts_parser
    union all select 'pg_ts_template', xmin::text::bigint from pg_ts_template
    union all select 'pg_type', xmin::text::bigint from pg_type
),
catalogs as (
    select catalog, count(*) as row_count, sum(v) as xmin_sum, sum(hashint8(v)) as xmin_hashes
    from versions
    group by catalog
)
select md5(concat_ws(E'\n',
    (select string_agg(concat_ws(' ', catalog, row_count, xmin_sum, xmin_hashes), E'\n' order by catalog)
     from catalogs),
    (select md5(string_agg(r::text, E'\n' order by r.oid)) from pg_roles r),
    concat_ws(' ', current_setting('server_version_num'), current_user, current_setting('TimeZone'),
        current_setting('DateStyle'), current_setting('IntervalStyle'), current_setting('extra_float_digits'),
        current_setting('bytea_output'), current_setting('lc_monetary'), current_setting('check_function_bodies'),
        coalesce(current_setting('plpgsql.extra_errors', true), 'none'), current_setting('quote_all_identifiers'),
        current_setting('standard_conforming_strings'), current_setting('xmloption')),
    (select n.oid::text from pg_namespace n
     where n.oid = pg_my_temp_schema()
       and (exists (select 1 from pg_class c where c.relnamespace = n.oid)
            or exists (select 1 from pg_type t where t.typnamespace = n.oid)
            or exists (select 1 from pg_proc p where p.pronamespace = n.oid)
            or exists (select 1 from pg_operator o where o.oprnamespace = n.oid)
            or exists (select 1 from pg_collation co where co.collnamespace = n.oid)
            or exists (select 1 from pg_ts_config f where f.cfgnamespace = n.oid)))
)) as stamp
