-- A
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (
  id int PRIMARY KEY,
  pid int NOT NULL,
  x int NOT NULL,
  KEY ix_pid_x (pid, x),
  CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id)
);
-- B
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (
  id int PRIMARY KEY,
  pid int NOT NULL,
  x int NOT NULL,
  CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id)
);
