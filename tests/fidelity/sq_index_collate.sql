-- A
CREATE TABLE t (id integer PRIMARY KEY, name text, code text);
CREATE INDEX ix_t_name ON t (name);
CREATE INDEX ix_t_code ON t (code COLLATE NOCASE);
-- B
CREATE TABLE t (id integer PRIMARY KEY, name text, code text);
CREATE INDEX ix_t_name ON t (name COLLATE NOCASE);
CREATE INDEX ix_t_code ON t (code COLLATE RTRIM DESC);
