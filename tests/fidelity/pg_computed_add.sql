-- A
CREATE TABLE person (id int PRIMARY KEY, first text, last text);
-- B
CREATE TABLE person (id int PRIMARY KEY, first text, last text,
  full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED,
  initial text NOT NULL GENERATED ALWAYS AS (left(coalesce(first, '?'), 1)) STORED);
