-- Revenue per product over all orders, declared in SQL. pg-entities compares the
-- materialized view and its index with the database; when the query changes, the plan
-- drops and recreates both (a materialized view cannot be replaced in place) and
-- repopulates the view.
--
-- Refresh it after orders change:
--     REFRESH MATERIALIZED VIEW CONCURRENTLY product_revenue;
-- (CONCURRENTLY needs the unique index below.)

CREATE MATERIALIZED VIEW product_revenue AS
SELECT p.product_id,
       p.product_name,
       coalesce(sum(op.product_count), 0) AS units_sold,
       coalesce(sum(op.product_count * p.price), 0) AS revenue
FROM products p
LEFT JOIN order_products op ON op.product_id = p.product_id
GROUP BY p.product_id, p.product_name;

CREATE UNIQUE INDEX product_revenue_product_id_idx ON product_revenue (product_id);

COMMENT ON MATERIALIZED VIEW product_revenue IS 'Units sold and revenue per product; refresh after orders change';
