-- same
-- 6 is the default fractional-seconds precision of timestamp, time and interval.
-- A
CREATE TABLE t (id int PRIMARY KEY, a timestamp(6) with time zone, b time(6), c timestamp(6) without time zone, d interval(6));
-- B
CREATE TABLE t (id int PRIMARY KEY, a timestamptz, b time, c timestamp, d interval);
