CREATE OR REPLACE FUNCTION public.count_named_2(p_name text DEFAULT 'x', p_min integer DEFAULT 0)
RETURNS bigint
LANGUAGE plpgsql STABLE
AS $body$
DECLARE
    result bigint;
BEGIN
    SELECT count(*) INTO result FROM public.item_2 WHERE name = p_name AND qty >= p_min;
    RETURN result;
END;
$body$
