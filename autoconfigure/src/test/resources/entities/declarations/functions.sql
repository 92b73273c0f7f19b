CREATE FUNCTION total(qty integer, price numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT qty * price $$;
