-- same: SQLite keeps no foreign-key names the tool could compare (sea-query writes none).
-- A
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, pid int, CONSTRAINT fk_old FOREIGN KEY (pid) REFERENCES p (id));
-- B
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY, pid int REFERENCES p (id) NOT DEFERRABLE);
