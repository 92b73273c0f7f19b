-- A row-level-security policy, declared in SQL. V3 enables row-level security on
-- orders; this policy decides which rows a role other than the table's owner sees:
-- the orders of the customer named by the setting sample.customer_id, e.g.
--     SET sample.customer_id = '1';
-- With the setting unset, such a role sees no orders at all.

CREATE POLICY orders_visible_to_their_customer ON orders
    FOR SELECT
    USING (customer_id = nullif(current_setting('sample.customer_id', true), '')::integer);
