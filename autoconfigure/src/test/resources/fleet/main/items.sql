CREATE VIEW item_ids AS SELECT id FROM items;
