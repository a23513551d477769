-- ARRAY[..] defaults: a cast inside the brackets is not the whole default's cast.
-- A
CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT 'x', b int DEFAULT 1, c timestamptz DEFAULT now(), d jsonb DEFAULT '{}', e text[] DEFAULT '{}', f boolean, g numeric DEFAULT 1.5, h uuid);
-- B
CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT 'y', b int DEFAULT -1, c timestamptz, d jsonb DEFAULT '[]'::jsonb, e text[] DEFAULT ARRAY['a']::text[], f boolean DEFAULT false, g numeric DEFAULT 2.5, h uuid DEFAULT gen_random_uuid());
