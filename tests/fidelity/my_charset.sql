-- same
-- A
CREATE TABLE t (id int PRIMARY KEY, a varchar(10) CHARACTER SET latin1, b varchar(10)) DEFAULT CHARSET=utf8mb4;
-- B
CREATE TABLE t (id int PRIMARY KEY, a varchar(10) CHARACTER SET latin1, b varchar(10)) DEFAULT CHARSET=utf8mb4;
