CREATE MATERIALIZED VIEW public.item_2_top AS
SELECT name, total FROM public.item_2_summary ORDER BY total DESC LIMIT 10
WITH NO DATA
