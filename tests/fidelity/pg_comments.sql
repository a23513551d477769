-- A
CREATE TABLE t (id int PRIMARY KEY, a int);
-- B
CREATE TABLE t (id int PRIMARY KEY, a int);
COMMENT ON TABLE t IS 'the t';
COMMENT ON COLUMN t.a IS 'it''s a';
