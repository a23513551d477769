-- A
CREATE TABLE t (id serial PRIMARY KEY, n int);
-- B
CREATE TABLE t (id int PRIMARY KEY, n int);
