CREATE POLICY item_1_owner ON public.item_1
FOR ALL TO PUBLIC
USING (owner_name = current_user)
WITH CHECK (owner_name = current_user AND qty >= 0)
