-- same
-- A
CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, a ENUM('G', 'PG', 'R') NOT NULL, b tinyint(1) DEFAULT 0, c datetime DEFAULT CURRENT_TIMESTAMP, d timestamp NULL DEFAULT current_timestamp(), e decimal(10,2) DEFAULT '0.00', f varchar(20) DEFAULT NULL, g YEAR, h SET('a','b'), i double, j text, k json) ENGINE=InnoDB;
-- B
CREATE TABLE t (id integer NOT NULL AUTO_INCREMENT, a enum('G','PG','R') NOT NULL, b boolean DEFAULT false, c datetime DEFAULT now(), d timestamp NULL DEFAULT CURRENT_TIMESTAMP, e numeric(10,2) DEFAULT 0, f varchar(20), g YEAR(4), h set('a', 'b'), i double precision, j text, k json, PRIMARY KEY (id)) ENGINE=InnoDB;
