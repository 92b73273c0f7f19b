CREATE TABLE products (product_id serial PRIMARY KEY, product_name text NOT NULL, price numeric(10, 2));
CREATE VIEW cheap_products AS SELECT product_id, product_name FROM products WHERE price < 10;
