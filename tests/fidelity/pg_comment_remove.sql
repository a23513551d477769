-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
COMMENT ON TABLE t IS 'x';
COMMENT ON COLUMN t.a IS 'y';
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
