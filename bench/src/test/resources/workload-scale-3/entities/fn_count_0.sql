CREATE OR REPLACE FUNCTION public.count_named_0(p_name text DEFAULT 'x', p_min integer DEFAULT 0)
RETURNS bigint
LANGUAGE plpgsql STABLE
AS $body$
DECLARE
    result bigint;
BEGIN
    SELECT count(*) INTO result FROM public.item_0 WHERE name = p_name AND qty >= p_min;
    RETURN result;
END;
$body$
