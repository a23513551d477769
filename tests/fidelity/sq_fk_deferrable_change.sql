-- A
CREATE TABLE p (id integer PRIMARY KEY, k int, UNIQUE (id, k));
CREATE TABLE c (id integer PRIMARY KEY, pid int, pk int, CONSTRAINT f FOREIGN KEY (pid, pk) REFERENCES p (id, k) DEFERRABLE INITIALLY DEFERRED);
-- B
CREATE TABLE p (id integer PRIMARY KEY, k int, UNIQUE (id, k));
CREATE TABLE c (id integer PRIMARY KEY, pid int, pk int, CONSTRAINT f FOREIGN KEY (pid, pk) REFERENCES p (id, k) DEFERRABLE);
