CREATE OR REPLACE VIEW public.item_0_priced AS
SELECT b.id, b.name, public.total_0(b.qty, b.price) AS total
FROM public.item_0_base b
