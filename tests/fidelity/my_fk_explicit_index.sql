-- A
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, pid int, CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id));
-- B
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, pid int, KEY ix_c_pid (pid), CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id));
