-- A few rows to look at. last_edited is set explicitly so that the effect of the
-- declared trigger timestamp_update_apply_products_trigger is easy to see: it moves
-- last_edited to now() when a product is updated.

INSERT INTO customers (customer_id, customer_name, email) OVERRIDING SYSTEM VALUE VALUES
    (1, 'Ada Lovelace', 'ada@example.com'),
    (2, 'Grace Hopper', 'grace@example.com'),
    (3, 'Edsger Dijkstra', 'edsger@example.com');

INSERT INTO products (product_id, product_name, description, price, last_edited) OVERRIDING SYSTEM VALUE VALUES
    (1, 'Mechanical keyboard', 'Tenkeyless, brown switches', 89.90, '2026-01-01 09:00:00+00'),
    (2, 'Desk lamp', 'Warm white LED, dimmable', 34.50, '2026-01-01 09:00:00+00'),
    (3, 'Notebook', 'A5, dotted, 120 pages', 6.25, '2026-01-01 09:00:00+00'),
    (4, 'Fountain pen', 'Medium nib', 42.00, '2026-01-01 09:00:00+00');

INSERT INTO tags (tag_id, tag_name) OVERRIDING SYSTEM VALUE VALUES
    (1, 'office'),
    (2, 'writing'),
    (3, 'electronics');

INSERT INTO product_tags (product_id, tag_id) VALUES
    (1, 1), (1, 3),
    (2, 1), (2, 3),
    (3, 1), (3, 2),
    (4, 2);

INSERT INTO orders (order_id, customer_id, order_date) OVERRIDING SYSTEM VALUE VALUES
    (1, 1, '2026-02-02 10:15:00+00'),
    (2, 2, '2026-02-03 16:40:00+00'),
    (3, 1, '2026-02-05 08:05:00+00');

INSERT INTO order_products (order_id, product_id, product_count) VALUES
    (1, 1, 1),
    (1, 3, 4),
    (2, 2, 2),
    (2, 4, 1),
    (3, 3, 10);

-- The rows above chose their ids; let new rows continue after them
ALTER TABLE customers ALTER COLUMN customer_id RESTART WITH 4;
ALTER TABLE products ALTER COLUMN product_id RESTART WITH 5;
ALTER TABLE tags ALTER COLUMN tag_id RESTART WITH 4;
ALTER TABLE orders ALTER COLUMN order_id RESTART WITH 4;
