CREATE VIEW best_sellers AS
SELECT product_id, product_name, units_sold
FROM product_revenue
WHERE units_sold > 0;
