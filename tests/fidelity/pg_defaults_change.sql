-- A
CREATE TABLE t (id int PRIMARY KEY, a timestamptz DEFAULT now(), b int DEFAULT 5, c text DEFAULT 'abc', d varchar[] DEFAULT '{}', e jsonb, f boolean DEFAULT true, g numeric DEFAULT 5.5);
-- B
CREATE TABLE t (id int PRIMARY KEY, a timestamptz DEFAULT (now() + '1 day'::interval), b int DEFAULT -5, c text, d varchar[] DEFAULT '{a,b}', e jsonb DEFAULT '[]'::jsonb, f boolean DEFAULT false, g numeric DEFAULT 6.5);
