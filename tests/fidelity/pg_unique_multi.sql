-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, UNIQUE (a, b));
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int, UNIQUE (b, a), UNIQUE (c));
