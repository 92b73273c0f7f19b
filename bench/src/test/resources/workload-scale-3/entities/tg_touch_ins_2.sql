CREATE TRIGGER item_2_touch_insert BEFORE INSERT ON public.item_2
FOR EACH ROW WHEN (NEW.last_edited IS NULL) EXECUTE FUNCTION public.touch_2()
