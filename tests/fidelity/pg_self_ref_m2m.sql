-- A
CREATE TABLE person (id serial PRIMARY KEY);
-- B
CREATE TABLE person (id serial PRIMARY KEY, manager_id int REFERENCES person(id) ON DELETE SET NULL);
CREATE TABLE tag (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE person_tag (person_id int NOT NULL REFERENCES person(id) ON DELETE CASCADE, tag_id int NOT NULL REFERENCES tag(id) ON DELETE CASCADE, PRIMARY KEY (person_id, tag_id));
CREATE INDEX ix_pt_tag ON person_tag (tag_id);
