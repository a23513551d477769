-- A
CREATE TABLE t (id int PRIMARY KEY, a int, b int AS (a * 2) VIRTUAL, CONSTRAINT a_pos CHECK (a > 0));
-- B
CREATE TABLE t (id int PRIMARY KEY, a int, b int AS (a * 3) VIRTUAL, CONSTRAINT a_pos CHECK (a >= 0));
