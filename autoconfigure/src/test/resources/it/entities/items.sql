-- Declared entities of the integration tests, over the table of flyway/items
CREATE VIEW item_names AS
    SELECT id, name FROM items;

CREATE FUNCTION total(qty integer, price numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT qty * price $$;
