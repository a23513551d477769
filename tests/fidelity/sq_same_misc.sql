-- same
-- A
CREATE TABLE p (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, x TEXT UNIQUE, d datetime, n numeric(10,2), dbl double, pa INTEGER, pb TEXT, FOREIGN KEY (pa, pb) REFERENCES p(a, b) ON DELETE CASCADE);
-- B
CREATE TABLE p (a integer not null, b text not null, primary key (a, b)) without rowid;
CREATE TABLE t (id integer primary key not null, x text, d DATETIME, n NUMERIC(10, 2), dbl DOUBLE, pa integer, pb text, foreign key (pa, pb) references p (a, b) on delete cascade);
CREATE UNIQUE INDEX ux_t_x ON t (x);
