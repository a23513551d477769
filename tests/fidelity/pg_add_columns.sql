-- A
CREATE TABLE users (id bigserial PRIMARY KEY, name varchar(50) NOT NULL);
-- B
CREATE TABLE users (id bigserial PRIMARY KEY, name varchar(100) NOT NULL, email text UNIQUE, created_at timestamptz NOT NULL DEFAULT now(), score double precision, flags smallint DEFAULT 0 NOT NULL);
