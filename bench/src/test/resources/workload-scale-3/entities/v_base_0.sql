CREATE OR REPLACE VIEW public.item_0_base AS
SELECT id, name, qty, price FROM public.item_0 WHERE qty > 0
