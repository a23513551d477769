-- same
-- A
CREATE TABLE t (id int PRIMARY KEY, tags character varying[], n numeric, ts timestamp(3), tz time with time zone, bi bytea, f4 real, i2 int2, ch char(3), iv interval, ip inet);
-- B
CREATE TABLE t (id int PRIMARY KEY, tags varchar[], n decimal, ts timestamp(3) without time zone, tz timetz, bi bytea, f4 float4, i2 smallint, ch character(3), iv interval, ip inet);
