CREATE OR REPLACE VIEW public.item_0_summary AS
SELECT p.name, sum(p.total) AS total, count(*) AS n
FROM public.item_0_priced p
GROUP BY p.name
