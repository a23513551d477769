-- A
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'sad', n mood);
CREATE TABLE u (id int PRIMARY KEY, m mood);
INSERT INTO t VALUES (1, 'happy', 'sad');
-- B
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE t (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'sad', n mood);
CREATE TABLE u (id int PRIMARY KEY, m mood);
