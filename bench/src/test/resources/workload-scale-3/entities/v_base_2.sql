CREATE OR REPLACE VIEW public.item_2_base AS
SELECT id, name, qty, price FROM public.item_2 WHERE qty > 0
