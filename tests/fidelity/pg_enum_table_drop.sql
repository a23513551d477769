-- A
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood);
CREATE TABLE keep (id int PRIMARY KEY);
-- B
CREATE TABLE keep (id int PRIMARY KEY);
