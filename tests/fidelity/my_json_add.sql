-- A
CREATE TABLE t (id int PRIMARY KEY);
-- B
CREATE TABLE t (id int PRIMARY KEY, j json, dt datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), b bit(1) DEFAULT b'1', big bigint unsigned DEFAULT 5);
