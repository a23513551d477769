-- A
CREATE TABLE t (id int PRIMARY KEY, a varchar(10) NOT NULL, b int DEFAULT 1, c datetime, d text, e decimal(5,2), f tinyint(1));
CREATE UNIQUE INDEX ux_a ON t (a);
-- B
CREATE TABLE t (id int PRIMARY KEY, a varchar(20), b int DEFAULT 2 COMMENT 'bee', c datetime(3) DEFAULT CURRENT_TIMESTAMP(3), d mediumtext, e decimal(7,3), f tinyint);
CREATE INDEX ux_a ON t (a);
