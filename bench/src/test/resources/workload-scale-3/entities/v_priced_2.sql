CREATE OR REPLACE VIEW public.item_2_priced AS
SELECT b.id, b.name, public.total_2(b.qty, b.price) AS total
FROM public.item_2_base b
