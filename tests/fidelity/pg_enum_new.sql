-- A
CREATE TABLE t (id int PRIMARY KEY, status text);
-- B
CREATE TYPE status AS ENUM ('new', 'done');
CREATE TABLE t (id int PRIMARY KEY, status status);
