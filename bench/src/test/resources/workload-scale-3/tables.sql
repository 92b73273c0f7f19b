CREATE TABLE IF NOT EXISTS public.item_0 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    price numeric(12,2) NOT NULL DEFAULT 0,
    owner_name text NOT NULL DEFAULT current_user,
    last_edited timestamptz
);
ALTER TABLE public.item_0 ENABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS public.item_1 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    price numeric(12,2) NOT NULL DEFAULT 0,
    owner_name text NOT NULL DEFAULT current_user,
    last_edited timestamptz
);
ALTER TABLE public.item_1 ENABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS public.item_2 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    price numeric(12,2) NOT NULL DEFAULT 0,
    owner_name text NOT NULL DEFAULT current_user,
    last_edited timestamptz
);
ALTER TABLE public.item_2 ENABLE ROW LEVEL SECURITY;
