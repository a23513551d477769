-- A
CREATE TABLE t (id int PRIMARY KEY, a int NOT NULL, b varchar(10) NOT NULL DEFAULT 'x', c timestamp, d boolean, e real);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(20), c timestamptz NOT NULL DEFAULT now(), d smallint, e double precision);
