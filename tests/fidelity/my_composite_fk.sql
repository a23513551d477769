-- A
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (id int PRIMARY KEY, pa int, pb int);
-- B
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (id int PRIMARY KEY, pa int, pb int, CONSTRAINT fk_c FOREIGN KEY (pa, pb) REFERENCES p(a, b) ON DELETE CASCADE);
