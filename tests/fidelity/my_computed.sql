-- A
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int AS (price * qty) STORED, note varchar(20) AS (concat('x', id)) VIRTUAL COMMENT 'a note');
-- B
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int AS (price * qty + 1) PERSISTENT, note varchar(20) AS (concat('y', id)) VIRTUAL COMMENT 'a note',
  doubled int GENERATED ALWAYS AS (qty * 2) VIRTUAL);
