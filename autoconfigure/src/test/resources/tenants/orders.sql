-- the entities of every tenant schema: unqualified, each stands for the same entity in every tenant
CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE total > 0;

CREATE FUNCTION order_total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(total) FROM orders $$;
