-- the tenant template of the fleet page's examples: unqualified, the same view in every tenant schema
CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE total > 0;
