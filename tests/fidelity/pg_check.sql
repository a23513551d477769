-- A
CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_pos CHECK (a > 0), b text);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT a_pos CHECK (a >= 0), b text CHECK (b IN ('x','y')), CONSTRAINT rng CHECK (a BETWEEN 0 AND 10));
