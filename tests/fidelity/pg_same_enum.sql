-- same
-- A
CREATE TYPE "Mood" AS ENUM ('Sad', 'Happy Days', 'it''s');
CREATE TABLE t (id int PRIMARY KEY, m "Mood" DEFAULT 'Sad', a "Mood"[]);
-- B
CREATE TYPE "Mood" AS ENUM ('Sad', 'Happy Days', 'it''s');
CREATE TABLE t (id int PRIMARY KEY, m "Mood" DEFAULT 'Sad'::"Mood", a "Mood"[]);
