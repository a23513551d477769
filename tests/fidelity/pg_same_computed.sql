-- same
-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS ((a * 2)) STORED,
  s text GENERATED ALWAYS AS (lower("a"::text)) STORED);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS (a*2) STORED,
  s text GENERATED ALWAYS AS (LOWER(CAST(a AS text))) STORED);
