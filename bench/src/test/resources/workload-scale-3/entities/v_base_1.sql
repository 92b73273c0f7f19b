CREATE OR REPLACE VIEW public.item_1_base AS
SELECT id, name, qty, price FROM public.item_1 WHERE qty > 0
