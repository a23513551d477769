-- A
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int GENERATED ALWAYS AS (price * qty) STORED,
  label text COLLATE "C" GENERATED ALWAYS AS ('n' || price) STORED);
CREATE INDEX ix_line_total ON line (total);
CREATE INDEX ix_line_total_desc ON line (total DESC NULLS LAST) WHERE total > 0;
CREATE UNIQUE INDEX ux_line_total_id ON line (total, id);
CREATE INDEX ix_line_label ON line (label);
-- B
CREATE TABLE line (id int PRIMARY KEY, price int NOT NULL, qty int NOT NULL,
  total int GENERATED ALWAYS AS (price * qty + 1) STORED,
  label text COLLATE "C" GENERATED ALWAYS AS ('m' || price) STORED);
CREATE INDEX ix_line_total ON line (total);
CREATE INDEX ix_line_total_desc ON line (total DESC NULLS LAST) WHERE total > 0;
CREATE UNIQUE INDEX ux_line_total_id ON line (total, id);
CREATE INDEX ix_line_label ON line (label);
