CREATE OR REPLACE VIEW public.item_2_summary AS
SELECT p.name, sum(p.total) AS total, count(*) AS n
FROM public.item_2_priced p
GROUP BY p.name
