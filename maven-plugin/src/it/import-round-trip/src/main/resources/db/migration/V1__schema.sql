CREATE TABLE products (product_id serial PRIMARY KEY, product_name text NOT NULL, price numeric(10, 2),
    last_edited timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    new.last_edited = now();
    RETURN new;
END
$$;
CREATE TRIGGER touch BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW cheap_products AS SELECT product_id, product_name FROM products WHERE price < 10;
COMMENT ON VIEW cheap_products IS 'under ten';
-- left to another team: neither imported nor reported
CREATE VIEW legacy_report AS SELECT count(*) AS products FROM products;
