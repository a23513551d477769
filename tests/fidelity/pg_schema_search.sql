-- A
CREATE TABLE t (id int PRIMARY KEY, a text);
-- B
CREATE TABLE t (id int PRIMARY KEY, a text NOT NULL);
CREATE INDEX "Ix_Case" ON t (a);
CREATE INDEX "ix_case" ON t (id, a);
