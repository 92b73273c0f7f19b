CREATE OR REPLACE FUNCTION public.touch_2()
RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.last_edited = now();
    RETURN NEW;
END;
$$
