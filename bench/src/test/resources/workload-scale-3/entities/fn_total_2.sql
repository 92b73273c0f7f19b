create or replace function public.total_2(p_qty integer, p_price numeric)
returns numeric
language sql immutable parallel safe
as $$ select p_qty * p_price $$
