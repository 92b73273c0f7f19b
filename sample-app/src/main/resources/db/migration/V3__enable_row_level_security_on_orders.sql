-- Row-level security is a property of the table, so it is switched on here, in a
-- migration. The policy itself, orders_visible_to_their_customer, is a declared entity
-- (db/entities/orders_policy.sql). The table's owner bypasses policies unless the table
-- is also FORCE ROW LEVEL SECURITY; other roles see only the rows a policy lets them.
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
