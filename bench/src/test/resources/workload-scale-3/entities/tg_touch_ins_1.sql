CREATE TRIGGER item_1_touch_insert BEFORE INSERT ON public.item_1
FOR EACH ROW WHEN (NEW.last_edited IS NULL) EXECUTE FUNCTION public.touch_1()
