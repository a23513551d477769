-- same
-- A
CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar DEFAULT '' NOT NULL, "created_at" datetime(6) NOT NULL, "admin" boolean DEFAULT 0);
CREATE UNIQUE INDEX "index_users_on_email" ON "users" ("email");
CREATE TABLE "posts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "title" varchar, CONSTRAINT "fk_rails_1" FOREIGN KEY ("user_id") REFERENCES "users" ("id"));
CREATE INDEX "index_posts_on_user_id" ON "posts" ("user_id");
-- B
CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, email VARCHAR NOT NULL DEFAULT '', created_at DATETIME(6) NOT NULL, admin BOOLEAN DEFAULT 0);
CREATE UNIQUE INDEX index_users_on_email ON users (email);
CREATE TABLE posts (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users (id), title VARCHAR);
CREATE INDEX index_posts_on_user_id ON posts (user_id);
