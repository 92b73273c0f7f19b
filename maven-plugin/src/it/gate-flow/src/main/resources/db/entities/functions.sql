-- added by the pull request, without a migration
CREATE FUNCTION total(quantity integer, price numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS 'SELECT quantity * price';
