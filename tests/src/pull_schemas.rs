//! Realistic schemas for the `pull` round trip, written once as SQL with a few placeholders
//! and turned into each backend's dialect: `{pk}`/`{bigpk}` (auto-increment keys), `{bool}`,
//! `{true}`/`{false}`, `{ts}`, `{text}`, `{json}`, `{deferred}`/`{deferrable}` (a foreign
//! key's `DEFERRABLE INITIALLY DEFERRED`/`DEFERRABLE`; nothing on MySQL, which has none), `{enum_status}`/`{enum_state}` (a
//! PostgreSQL enum type, a MySQL `ENUM`, a `varchar` on SQLite), `{email}` (a PostgreSQL
//! domain over `varchar(190)`, the `varchar` elsewhere), `{cm:text}` (a column comment, inline on MySQL; PostgreSQL gets
//! `COMMENT ON` statements from [`statements`]). A line tagged `@postgres,sqlite ` is only
//! for the backends it names.

use autogen::Backend;

/// The schemas by name.
pub const SCHEMAS: [(&str, &str); 2] = [
    ("shop", include_str!("pull_schemas/shop.sql")),
    ("projects", include_str!("pull_schemas/projects.sql")),
];

/// PostgreSQL comments (MySQL has them inline, SQLite has none).
const POSTGRES_COMMENTS: &str = "COMMENT ON COLUMN customer.display_name IS 'shown on invoices';\n\
COMMENT ON COLUMN project.title IS 'human readable';\n\
COMMENT ON TABLE product IS 'things we sell';\n\
COMMENT ON TABLE \"AppUser\" IS 'people who log in';\n";

/// PostgreSQL's enum types and domains, created before the tables that use them.
const POSTGRES_ENUMS: [(&str, &str); 3] = [
    (
        "{email}",
        "CREATE DOMAIN email_address AS varchar(190) DEFAULT 'nobody@example.org' CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%')",
    ),
    (
        "{enum_status}",
        "CREATE TYPE product_status AS ENUM ('draft', 'active', 'retired')",
    ),
    (
        "{enum_state}",
        "CREATE TYPE issue_state AS ENUM ('open', 'In Progress', 'won''t fix')",
    ),
];

/// A line as `backend` runs it: `@postgres,sqlite <line>` is only for the backends named
/// (indexes one backend cannot express), any other line is for all.
fn only_on(backend: Backend, line: &str) -> Option<&str> {
    let Some(tagged) = line.strip_prefix('@') else {
        return Some(line);
    };
    let (names, rest) = tagged.split_once(' ')?;
    names
        .split(',')
        .any(|n| n == backend.name())
        .then_some(rest)
}

/// The statements of `sql` in `backend`'s dialect.
pub fn statements(backend: Backend, sql: &str) -> Vec<String> {
    let mut text: String = sql
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .filter_map(|l| only_on(backend, l))
        .collect::<Vec<_>>()
        .join("\n");
    let subs: &[(&str, &str)] = match backend {
        Backend::Postgres => &[
            ("{pk}", "serial PRIMARY KEY"),
            ("{bigpk}", "bigserial PRIMARY KEY"),
            ("{bool}", "boolean"),
            ("{true}", "true"),
            ("{false}", "false"),
            ("{ts}", "timestamp"),
            ("{text}", "text"),
            ("{json}", "jsonb"),
            ("{enum_status}", "product_status"),
            ("{enum_state}", "issue_state"),
            ("{email}", "email_address"),
            ("{deferred}", "DEFERRABLE INITIALLY DEFERRED"),
            ("{deferrable}", "DEFERRABLE"),
        ],
        Backend::MySql => &[
            ("{pk}", "int NOT NULL AUTO_INCREMENT PRIMARY KEY"),
            ("{bigpk}", "bigint NOT NULL AUTO_INCREMENT PRIMARY KEY"),
            ("{bool}", "bool"),
            ("{true}", "1"),
            ("{false}", "0"),
            ("{ts}", "datetime"),
            ("{text}", "text"),
            ("{json}", "json"),
            ("{enum_status}", "enum('draft','active','retired')"),
            ("{enum_state}", "enum('open','In Progress','won''t fix')"),
            ("{email}", "varchar(190)"),
            ("{deferred}", ""),
            ("{deferrable}", ""),
        ],
        Backend::Sqlite => &[
            ("{pk}", "integer PRIMARY KEY AUTOINCREMENT"),
            ("{bigpk}", "integer PRIMARY KEY AUTOINCREMENT"),
            ("{bool}", "boolean"),
            ("{true}", "1"),
            ("{false}", "0"),
            ("{ts}", "timestamp"),
            ("{text}", "text"),
            ("{json}", "json"),
            ("{enum_status}", "varchar(20)"),
            ("{enum_state}", "varchar(20)"),
            ("{email}", "varchar(190)"),
            ("{deferred}", "DEFERRABLE INITIALLY DEFERRED"),
            ("{deferrable}", "DEFERRABLE"),
        ],
    };
    if backend == Backend::Postgres {
        for (placeholder, create) in POSTGRES_ENUMS {
            if text.contains(placeholder) {
                text = format!("{create};\n{text}");
            }
        }
    }
    for (from, to) in subs {
        text = text.replace(from, to);
    }
    // Column comments.
    while let Some(at) = text.find("{cm:") {
        let end = at + text[at..].find('}').expect("closing brace");
        let comment = text[at + 4..end].to_string();
        let inline = match backend {
            Backend::MySql => format!(" COMMENT '{comment}'"),
            _ => String::new(),
        };
        text.replace_range(at..=end, &inline);
    }
    if backend == Backend::MySql {
        text = text.replace('"', "`");
        text = text.replace("COMMENT ON", "-- COMMENT ON");
    }
    let mut out: Vec<String> = text
        .split(";\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_end_matches(';').to_string())
        .collect();
    if backend == Backend::Postgres {
        let relevant = |s: &&str| {
            let table = s.split(' ').nth(3).unwrap_or("");
            let table = table.split('.').next().unwrap_or("");
            sql.contains(&format!("CREATE TABLE {table} ("))
        };
        out.extend(
            POSTGRES_COMMENTS
                .lines()
                .filter(relevant)
                .map(|s| s.trim_end_matches(';').to_string()),
        );
    }
    if backend == Backend::MySql {
        let tables = ["product", "AppUser"];
        for t in tables {
            if sql.contains(&format!("CREATE TABLE {t} ("))
                || sql.contains(&format!("CREATE TABLE \"{t}\" ("))
            {
                let comment = if t == "product" {
                    "things we sell"
                } else {
                    "people who log in"
                };
                out.push(format!("ALTER TABLE `{t}` COMMENT = '{comment}'"));
            }
        }
    }
    out
}
