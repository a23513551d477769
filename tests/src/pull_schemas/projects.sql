-- A project tracker in CamelCase and snake_case: users, teams (many-to-many), projects,
-- issues with a self-reference and two keys to users, comments, labels, time entries.
CREATE TABLE "AppUser" (
    "UserId" {pk},
    "UserName" varchar(60) NOT NULL UNIQUE,
    "Email" {email} NOT NULL,
    "IsAdmin" {bool} NOT NULL DEFAULT {false},
    "LastSeen" {ts}
);
CREATE INDEX ix_appuser_email ON "AppUser" ("Email");
CREATE TABLE team (
    id {pk},
    name varchar(100) NOT NULL UNIQUE,
    description {text}
);
CREATE TABLE team_member (
    team_id integer NOT NULL,
    user_id integer NOT NULL,
    role varchar(20) NOT NULL DEFAULT 'member',
    PRIMARY KEY (team_id, user_id),
    CONSTRAINT fk_tm_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT fk_tm_user FOREIGN KEY (user_id) REFERENCES "AppUser" ("UserId") ON DELETE CASCADE
);
CREATE TABLE project (
    id {pk},
    team_id integer NOT NULL,
    code varchar(10) NOT NULL,
    title varchar(200) NOT NULL{cm:human readable},
    budget decimal(14, 2),
    archived {bool} NOT NULL DEFAULT {false},
    CONSTRAINT fk_project_team FOREIGN KEY (team_id) REFERENCES team (id)
);
CREATE UNIQUE INDEX ux_project_team_code ON project (team_id, code);
CREATE TABLE issue (
    id {bigpk},
    project_id integer NOT NULL,
    parent_id bigint,
    reporter_id integer NOT NULL,
    assignee_id integer,
    title varchar(250) NOT NULL,
    body {text},
    priority smallint NOT NULL DEFAULT 3,
    estimate real,
    state {enum_state},
    opened_at {ts} NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_issue_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
    CONSTRAINT fk_issue_parent FOREIGN KEY (parent_id) REFERENCES issue (id) ON DELETE SET NULL,
    CONSTRAINT fk_issue_reporter FOREIGN KEY (reporter_id) REFERENCES "AppUser" ("UserId"),
    CONSTRAINT fk_issue_assignee FOREIGN KEY (assignee_id) REFERENCES "AppUser" ("UserId") ON DELETE SET NULL,
    CONSTRAINT ck_issue_priority CHECK (priority BETWEEN 1 AND 5)
);
CREATE INDEX ix_issue_project_priority ON issue (project_id, priority);
CREATE INDEX ix_issue_assignee ON issue (assignee_id);
CREATE TABLE issue_comment (
    id {bigpk},
    issue_id bigint NOT NULL,
    author_id integer NOT NULL,
    body {text} NOT NULL,
    created_at {ts} NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_comment_issue FOREIGN KEY (issue_id) REFERENCES issue (id) ON DELETE CASCADE,
    CONSTRAINT fk_comment_author FOREIGN KEY (author_id) REFERENCES "AppUser" ("UserId")
);
CREATE TABLE label (
    id {pk},
    project_id integer NOT NULL,
    name varchar(50) NOT NULL,
    color char(7) NOT NULL DEFAULT '#cccccc',
    CONSTRAINT fk_label_project FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_label_project_name ON label (project_id, name);
CREATE TABLE issue_label (
    issue_id bigint NOT NULL,
    label_id integer NOT NULL,
    PRIMARY KEY (issue_id, label_id),
    CONSTRAINT fk_il_issue FOREIGN KEY (issue_id) REFERENCES issue (id) ON DELETE CASCADE,
    CONSTRAINT fk_il_label FOREIGN KEY (label_id) REFERENCES label (id) ON DELETE CASCADE
);
CREATE TABLE "TimeEntry" (
    "EntryId" {bigpk},
    "IssueId" bigint NOT NULL,
    "UserId" integer NOT NULL,
    "Minutes" integer NOT NULL,
    "SpentOn" date NOT NULL,
    "Billable" {bool} NOT NULL DEFAULT {true},
    CONSTRAINT fk_te_issue FOREIGN KEY ("IssueId") REFERENCES issue (id) ON DELETE CASCADE,
    CONSTRAINT fk_te_user FOREIGN KEY ("UserId") REFERENCES "AppUser" ("UserId"),
    CONSTRAINT ck_te_minutes CHECK ("Minutes" > 0)
);
CREATE INDEX ix_timeentry_user_day ON "TimeEntry" ("UserId", "SpentOn");
CREATE TABLE setting (
    key_name varchar(100) NOT NULL PRIMARY KEY,
    value_json {json},
    updated_at {ts}
);
CREATE TABLE api_token (
    token char(40) NOT NULL PRIMARY KEY,
    user_id integer NOT NULL,
    scopes varchar(255) NOT NULL DEFAULT 'read',
    expires_at {ts},
    CONSTRAINT fk_token_user FOREIGN KEY (user_id) REFERENCES "AppUser" ("UserId") ON DELETE CASCADE
);
