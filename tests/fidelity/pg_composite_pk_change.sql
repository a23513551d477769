-- A
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a));
-- B
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a, b));
