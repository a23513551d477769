-- A
CREATE TABLE t (id int PRIMARY KEY, a varchar(200), b text, c int);
-- B
CREATE TABLE t (id int PRIMARY KEY, a varchar(200), b text, c int);
CREATE INDEX ix_a10 ON t (a(10));
CREATE FULLTEXT INDEX ft_b ON t (b);
CREATE UNIQUE INDEX ux_c ON t (c);
CREATE INDEX ix_ca ON t (c, a);
