-- A
CREATE TABLE t (id int PRIMARY KEY, a text, b int, j jsonb);
CREATE INDEX ix_e ON t (lower(a));
CREATE INDEX ix_p ON t (b) WHERE b > 0;
CREATE INDEX ix_j ON t ((j->>'k'));
CREATE INDEX ix_co ON t (coalesce(a, ''), (b::text));
-- B
CREATE TABLE t (id int PRIMARY KEY, a text, b int, j jsonb);
CREATE INDEX ix_e ON t (upper(a));
CREATE INDEX ix_p ON t (b) WHERE b > 10;
CREATE INDEX ix_j ON t ((j->>'m'));
CREATE INDEX ix_co ON t (coalesce(a, 'x'), (b::text));
