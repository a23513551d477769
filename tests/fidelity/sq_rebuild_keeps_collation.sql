-- A rebuild (a column type change) restates each column's COLLATE, which no pragma reports.
-- A
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, n INTEGER);
-- B
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, n TEXT NOT NULL DEFAULT '');
