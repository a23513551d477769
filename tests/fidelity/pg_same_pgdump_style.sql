-- same
-- A
CREATE TABLE public.auth_user (id integer NOT NULL, username character varying(150) NOT NULL, email character varying(254) DEFAULT ''::character varying NOT NULL, is_active boolean DEFAULT true NOT NULL, date_joined timestamp with time zone DEFAULT timezone('utc'::text, now()) NOT NULL);
CREATE SEQUENCE public.auth_user_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.auth_user_id_seq OWNED BY public.auth_user.id;
ALTER TABLE ONLY public.auth_user ALTER COLUMN id SET DEFAULT nextval('public.auth_user_id_seq'::regclass);
ALTER TABLE ONLY public.auth_user ADD CONSTRAINT auth_user_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.auth_user ADD CONSTRAINT auth_user_username_key UNIQUE (username);
CREATE TABLE public.post (id bigint NOT NULL, author_id integer NOT NULL, status character varying(10) NOT NULL, deleted_at timestamp without time zone, CONSTRAINT post_status_check CHECK (((status)::text = ANY ((ARRAY['draft'::character varying, 'live'::character varying])::text[]))));
CREATE SEQUENCE public.post_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE public.post_id_seq OWNED BY public.post.id;
ALTER TABLE ONLY public.post ALTER COLUMN id SET DEFAULT nextval('public.post_id_seq'::regclass);
ALTER TABLE ONLY public.post ADD CONSTRAINT post_pkey PRIMARY KEY (id);
CREATE INDEX post_author_id_idx ON public.post USING btree (author_id);
CREATE UNIQUE INDEX post_live_uq ON public.post USING btree (author_id, status) WHERE (deleted_at IS NULL);
ALTER TABLE ONLY public.post ADD CONSTRAINT post_author_id_fk FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
-- B
CREATE TABLE auth_user (id serial PRIMARY KEY, username varchar(150) NOT NULL UNIQUE, email varchar(254) NOT NULL DEFAULT '', is_active bool NOT NULL DEFAULT true, date_joined timestamptz NOT NULL DEFAULT timezone('utc', now()));
CREATE TABLE post (id bigserial PRIMARY KEY, author_id int NOT NULL, status varchar(10) NOT NULL CHECK (status IN ('draft', 'live')), deleted_at timestamp);
CREATE INDEX post_author_id_idx ON post (author_id);
CREATE UNIQUE INDEX post_live_uq ON post (author_id, status) WHERE deleted_at IS NULL;
ALTER TABLE post ADD CONSTRAINT post_author_id_fk FOREIGN KEY (author_id) REFERENCES auth_user(id) DEFERRABLE INITIALLY DEFERRED;
