CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;
