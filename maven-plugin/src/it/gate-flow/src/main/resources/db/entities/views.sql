-- in sync with V1: declared differently, canonically the same
create view CHEAP_PRODUCTS as
    select product_id, product_name
    from products
    where price < 10;
