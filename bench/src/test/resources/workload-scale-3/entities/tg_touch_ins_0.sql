CREATE TRIGGER item_0_touch_insert BEFORE INSERT ON public.item_0
FOR EACH ROW WHEN (NEW.last_edited IS NULL) EXECUTE FUNCTION public.touch_0()
