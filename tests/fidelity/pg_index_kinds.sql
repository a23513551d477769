-- A
CREATE TABLE t (id int PRIMARY KEY, a text, b int, c jsonb, d tsvector);
CREATE INDEX ix_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a text, b int, c jsonb, d tsvector);
CREATE INDEX ix_a ON t (lower(a));
CREATE INDEX ix_b_partial ON t (b) WHERE b > 0;
CREATE INDEX ix_c ON t USING gin (c);
CREATE INDEX ix_b_desc ON t (b DESC NULLS LAST);
CREATE UNIQUE INDEX ux_ab ON t (a, b) INCLUDE (id);
