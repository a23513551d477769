-- A
CREATE TABLE p (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(20));
CREATE TABLE c (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, pid int unsigned NOT NULL, CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id));
-- B
CREATE TABLE p (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'key', name varchar(40));
CREATE TABLE c (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'row', pid int unsigned NOT NULL COMMENT 'parent', CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id));
