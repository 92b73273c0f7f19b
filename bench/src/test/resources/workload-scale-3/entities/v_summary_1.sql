CREATE OR REPLACE VIEW public.item_1_summary AS
SELECT p.name, sum(p.total) AS total, count(*) AS n
FROM public.item_1_priced p
GROUP BY p.name
