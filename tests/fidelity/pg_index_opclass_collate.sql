-- A
CREATE TABLE t (id int PRIMARY KEY, name varchar(50), code text, doc jsonb);
CREATE INDEX ix_t_name_pattern ON t (name varchar_pattern_ops);
CREATE INDEX ix_t_code_c ON t (code COLLATE "C");
CREATE INDEX ix_t_doc ON t USING gin (doc);
-- B
CREATE TABLE t (id int PRIMARY KEY, name varchar(50), code text, doc jsonb);
CREATE INDEX ix_t_name_pattern ON t (name text_pattern_ops);
CREATE INDEX ix_t_code_c ON t (code COLLATE "POSIX" DESC);
CREATE INDEX ix_t_doc ON t USING gin (doc jsonb_path_ops);
CREATE INDEX ix_t_code_both ON t (code COLLATE "C" text_pattern_ops);
