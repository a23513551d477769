-- A column's own collation survives a type change (ALTER COLUMN .. TYPE without COLLATE
-- would reset it to the type's default) and a new collated column is created with it.
-- A
CREATE TABLE doc (id integer PRIMARY KEY, code varchar(10) COLLATE "C", title text);
-- B
CREATE TABLE doc (id integer PRIMARY KEY, code varchar(20) COLLATE "C", title text, slug text COLLATE "C");
