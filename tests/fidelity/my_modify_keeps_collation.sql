-- A
CREATE TABLE t (
  id int PRIMARY KEY,
  code varchar(10) COLLATE utf8mb4_bin NOT NULL,
  legacy text CHARACTER SET latin1 COLLATE latin1_swedish_ci
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- B
CREATE TABLE t (
  id int PRIMARY KEY,
  code varchar(20) COLLATE utf8mb4_bin NOT NULL,
  legacy text CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
