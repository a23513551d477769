-- same
-- A
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT DEFAULT 'x', b INTEGER DEFAULT 0, c REAL DEFAULT 1.5, d varchar(20), e TIMESTAMP DEFAULT CURRENT_TIMESTAMP, f boolean DEFAULT 0);
-- B
create table t (id integer primary key autoincrement, a text default ('x'), b integer default '0', c real default  1.5 , d VARCHAR(20), e timestamp default (CURRENT_TIMESTAMP), f BOOLEAN default (0));
