-- A
CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int, c text, d mediumtext);
-- B
CREATE TABLE t (id int PRIMARY KEY, a varchar(50) COMMENT 'the a', b bigint NOT NULL DEFAULT 3, c varchar(255), d longtext) COMMENT='table t';
