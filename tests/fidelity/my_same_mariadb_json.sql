-- same
-- A
CREATE TABLE t (id int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, j json, k longtext CHECK (json_valid(k)), b bit(1) DEFAULT b'0', u binary(16), dt datetime(6) DEFAULT CURRENT_TIMESTAMP(6), ti tinyint(4), big bigint(20) unsigned, c char(36), f float, d double DEFAULT -1.5, s varchar(10) DEFAULT 'it''s');
-- B
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, j json, k longtext CHECK (json_valid(k)), b bit(1) DEFAULT b'0', u binary(16), dt datetime(6) DEFAULT current_timestamp(6), ti tinyint, big bigint unsigned, c char(36), f float, d double DEFAULT '-1.5', s varchar(10) DEFAULT 'it''s');
