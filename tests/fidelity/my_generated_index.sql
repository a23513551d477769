-- A
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int AS (price * qty) STORED, half int AS (price DIV 2) VIRTUAL);
CREATE INDEX ix_line_total ON line (total);
CREATE INDEX ix_line_half_price ON line (half, price);
-- B
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int AS (price * qty + 1) STORED, half int AS (price DIV 3) VIRTUAL);
CREATE INDEX ix_line_total ON line (total);
CREATE INDEX ix_line_half_price ON line (half, price);
