CREATE POLICY item_0_owner ON public.item_0
FOR ALL TO PUBLIC
USING (owner_name = current_user)
WITH CHECK (owner_name = current_user AND qty >= 0)
