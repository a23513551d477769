-- A
CREATE TABLE old_t (id int PRIMARY KEY, a int);
CREATE TABLE r (id int PRIMARY KEY, tid int REFERENCES old_t(id));
-- B
CREATE TABLE new_t (id int PRIMARY KEY, a int);
CREATE TABLE r (id int PRIMARY KEY, tid int REFERENCES new_t(id));
