-- A
CREATE TABLE t (id int PRIMARY KEY, a varchar(50));
-- B
CREATE TABLE t (id int PRIMARY KEY, a varchar(50));
CREATE INDEX ix_desc ON t (a DESC);
CREATE INDEX ix_pref ON t (a(5), id);
