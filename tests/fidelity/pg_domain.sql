-- A
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE t (id int PRIMARY KEY, qty posint);
