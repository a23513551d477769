-- A partitioned table created from a database's shape is created partitioned (the key from
-- pg_get_partkeydef); its partitions stay unmanaged.
-- A
CREATE TABLE keep (id int PRIMARY KEY);
-- B
CREATE TABLE keep (id int PRIMARY KEY);
CREATE TABLE payment (payment_id serial NOT NULL, amount numeric(5,2) NOT NULL, payment_date timestamptz NOT NULL, PRIMARY KEY (payment_date, payment_id)) PARTITION BY RANGE (payment_date);
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL) PARTITION BY LIST (kind);
