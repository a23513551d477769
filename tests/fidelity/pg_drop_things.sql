-- A
CREATE TABLE a (id int PRIMARY KEY, x int, y text DEFAULT 'q');
CREATE INDEX ix_x ON a (x);
CREATE TABLE b (id int PRIMARY KEY, aid int REFERENCES a(id));
-- B
CREATE TABLE a (id int PRIMARY KEY, y text);
