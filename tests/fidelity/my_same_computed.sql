-- same
-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int AS (a*2) PERSISTENT, c int AS (`a` + 1));
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS (`a` * 2) STORED, c int GENERATED ALWAYS AS (a + 1) VIRTUAL);
