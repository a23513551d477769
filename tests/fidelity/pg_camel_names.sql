-- A
CREATE TABLE "UserAccount" ("Id" serial PRIMARY KEY, "FirstName" text);
-- B
CREATE TABLE "UserAccount" ("Id" serial PRIMARY KEY, "FirstName" text NOT NULL DEFAULT '', "LastName" varchar(40));
CREATE INDEX "IX_UserAccount_LastName" ON "UserAccount" ("LastName");
CREATE TABLE "Post" ("Id" serial PRIMARY KEY, "AuthorId" int NOT NULL REFERENCES "UserAccount"("Id"));
