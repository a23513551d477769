-- A
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'sad');
INSERT INTO t VALUES (1, 'happy');
-- B
CREATE TABLE t (id int PRIMARY KEY, m text DEFAULT 'sad');
