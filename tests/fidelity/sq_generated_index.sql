-- A
CREATE TABLE line (id integer PRIMARY KEY, price integer NOT NULL, qty integer NOT NULL,
  total integer GENERATED ALWAYS AS (price * qty) STORED,
  half integer GENERATED ALWAYS AS (price / 2) VIRTUAL);
CREATE INDEX ix_line_total ON line (total);
CREATE INDEX ix_line_half ON line (half DESC) WHERE half > 0;
-- B
CREATE TABLE line (id integer PRIMARY KEY, price integer NOT NULL, qty integer NOT NULL,
  total integer GENERATED ALWAYS AS (price * qty + 1) STORED,
  half integer GENERATED ALWAYS AS (price / 3) VIRTUAL);
CREATE INDEX ix_line_total ON line (total);
CREATE INDEX ix_line_half ON line (half DESC) WHERE half > 0;
