CREATE MATERIALIZED VIEW public.item_1_top AS
SELECT name, total FROM public.item_1_summary ORDER BY total DESC LIMIT 10
WITH NO DATA
