-- A
CREATE TABLE t (id int PRIMARY KEY, name varchar(20) NOT NULL,
  code varchar(20) CHARACTER SET latin1 COLLATE latin1_bin AS (upper(name)) VIRTUAL,
  tag varchar(20) COLLATE utf8mb4_bin AS (concat('a', name)) STORED
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- B
CREATE TABLE t (id int PRIMARY KEY, name varchar(20) NOT NULL,
  code varchar(20) CHARACTER SET latin1 COLLATE latin1_bin AS (lower(name)) VIRTUAL,
  tag varchar(20) COLLATE utf8mb4_bin AS (concat('b', name)) STORED
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
