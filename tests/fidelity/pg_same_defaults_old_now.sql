-- same
-- Dumps of PostgreSQL < 10 spell CURRENT_DATE as ('now'::text)::date.
-- A
CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT 'x', b timestamptz DEFAULT now(), c jsonb DEFAULT '{}', d text[] DEFAULT '{}', e int DEFAULT (1), f varchar(5) DEFAULT 'ab', g timestamp DEFAULT CURRENT_TIMESTAMP, h date DEFAULT CURRENT_DATE, i numeric DEFAULT 0);
-- B
CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT 'x'::text, b timestamptz DEFAULT CURRENT_TIMESTAMP, c jsonb DEFAULT '{}'::jsonb, d text[] DEFAULT '{}'::text[], e int DEFAULT 1, f varchar(5) DEFAULT 'ab'::character varying, g timestamp DEFAULT now(), h date DEFAULT ('now'::text)::date, i numeric DEFAULT '0'::numeric);
