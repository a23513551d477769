-- A
CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int, c text, d numeric(5,2), e timestamp, f text);
-- B
CREATE TABLE t (id int PRIMARY KEY, a text, b bigint, c varchar(200), d numeric(8,3), e timestamptz, f integer);
