-- Views over the items table
CREATE VIEW item_names AS
    SELECT name FROM items;

CREATE VIEW app.item_ids AS SELECT id FROM public.items;
