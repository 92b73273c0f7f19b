CREATE MATERIALIZED VIEW public.item_0_top AS
SELECT name, total FROM public.item_0_summary ORDER BY total DESC LIMIT 10
WITH NO DATA
