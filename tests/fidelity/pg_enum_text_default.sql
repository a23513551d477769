-- A
CREATE TABLE t (id int PRIMARY KEY, s text NOT NULL DEFAULT 'new');
INSERT INTO t VALUES (1, 'done');
-- B
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE t (id int PRIMARY KEY, s status NOT NULL DEFAULT 'new');
