-- A
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int GENERATED ALWAYS AS (price * qty) STORED);
CREATE INDEX line_total ON line (price);
-- B
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int GENERATED ALWAYS AS (price * qty + 1) STORED);
CREATE INDEX line_total ON line (price);
