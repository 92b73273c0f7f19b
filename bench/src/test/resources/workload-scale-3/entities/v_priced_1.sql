CREATE OR REPLACE VIEW public.item_1_priced AS
SELECT b.id, b.name, public.total_1(b.qty, b.price) AS total
FROM public.item_1_base b
