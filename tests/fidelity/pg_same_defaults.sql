-- same
-- A
CREATE TABLE t (id serial PRIMARY KEY, a timestamp DEFAULT now(), b timestamptz DEFAULT CURRENT_TIMESTAMP, c boolean DEFAULT false, d numeric(10,2) DEFAULT 0, e text DEFAULT 'x', f jsonb DEFAULT '{}'::jsonb, g varchar(20) DEFAULT 'a'::character varying, h int[] DEFAULT '{}', i uuid DEFAULT gen_random_uuid(), j date DEFAULT CURRENT_DATE);
-- B
CREATE TABLE t (id serial PRIMARY KEY, a timestamp DEFAULT CURRENT_TIMESTAMP, b timestamptz DEFAULT now(), c bool DEFAULT 'f', d decimal(10,2) DEFAULT '0', e text DEFAULT 'x'::text, f jsonb DEFAULT '{}', g character varying(20) DEFAULT 'a', h integer[] DEFAULT '{}'::integer[], i uuid DEFAULT gen_random_uuid(), j date DEFAULT current_date);
