-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int, UNIQUE (a, b));
CREATE INDEX ix_b ON t (b);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
