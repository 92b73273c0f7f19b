CREATE POLICY item_2_owner ON public.item_2
FOR ALL TO PUBLIC
USING (owner_name = current_user)
WITH CHECK (owner_name = current_user AND qty >= 0)
