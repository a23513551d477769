-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE INDEX ix_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
CREATE UNIQUE INDEX ix_a ON t (a);
