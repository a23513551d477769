-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int GENERATED ALWAYS AS (a + 1) STORED);
