//! `diff` between two databases built from SQL, per object kind: the ops found, then
//! `diff --sql` applied to the first as a script makes a second `diff` empty.

use tests::Backend;
use tests::sql_pair::converge;

/// MySQL `AUTO_INCREMENT` on `UNSIGNED` keys with foreign keys pointing at them survives the
/// render (it used to be dropped, which then re-created every foreign key on the key).
#[tokio::test]
async fn mysql_unsigned_auto_increment_with_foreign_keys() {
    let parent = "CREATE TABLE parent (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, big bigint unsigned NOT NULL)";
    let child = "CREATE TABLE child (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, parent_id int unsigned NOT NULL, CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))";
    converge(
        Backend::MySql,
        &[],
        &[parent, child],
        &["add_table", "add_table"],
    )
    .await;
    // Already equal: no change at all, in particular no foreign-key drop/re-add.
    converge_none(Backend::MySql, &[parent, child]).await;
}

/// The same SQL on both sides gives no op.
async fn converge_none(backend: Backend, sql: &[&str]) {
    tests::sql_pair::assert_same(backend, sql, sql).await;
}

/// A table comment change is the JSON op `set_table_comment`.
#[tokio::test]
async fn table_comment_is_set_table_comment() {
    for backend in [Backend::Postgres, Backend::MySql] {
        let (from, to) = match backend {
            Backend::MySql => (
                "CREATE TABLE t (id int PRIMARY KEY)",
                "CREATE TABLE t (id int PRIMARY KEY) COMMENT 'people'",
            ),
            _ => (
                "CREATE TABLE t (id int PRIMARY KEY)",
                "CREATE TABLE t (id int PRIMARY KEY)",
            ),
        };
        let mut to_sql = vec![to];
        if backend == Backend::Postgres {
            to_sql.push("COMMENT ON TABLE t IS 'people'");
        }
        converge(backend, &[from], &to_sql, &["set_table_comment"]).await;
    }
}

/// The check tables on `backend`: `price` with a check named `c_price` of `expr`.
fn check_table(backend: Backend, check: Option<&str>) -> String {
    let id = match backend {
        Backend::Sqlite => "id integer PRIMARY KEY",
        _ => "id int PRIMARY KEY",
    };
    match check {
        Some(expr) => {
            format!("CREATE TABLE t ({id}, price int NOT NULL, CONSTRAINT c_price CHECK ({expr}))")
        }
        None => format!("CREATE TABLE t ({id}, price int NOT NULL)"),
    }
}

/// A check whose expression changes but not its name: drop then add, on every backend
/// (SQLite through the table rebuild); added and dropped checks too.
async fn checks(backend: Backend) {
    let (gt, ge) = (
        check_table(backend, Some("price > 0")),
        check_table(backend, Some("price >= 0")),
    );
    let none = check_table(backend, None);
    converge(backend, &[&gt], &[&ge], &["drop_check", "add_check"]).await;
    converge(backend, &[&none], &[&gt], &["add_check"]).await;
    converge(backend, &[&gt], &[&none], &["drop_check"]).await;
    // Renamed, same expression: drop + add.
    let renamed = gt.replace("c_price", "c_price_positive");
    converge(backend, &[&gt], &[&renamed], &["drop_check", "add_check"]).await;
    // The same check spelled differently is no change.
    let spelled = check_table(backend, Some("((price) > (0))"));
    converge_none_between(backend, &gt, &spelled).await;
}

/// `a` and `b` differ only in spelling: no op either way.
async fn converge_none_between(backend: Backend, a: &str, b: &str) {
    tests::sql_pair::assert_same(backend, &[a], &[b]).await;
}

#[tokio::test]
async fn checks_postgres() {
    checks(Backend::Postgres).await;
}

#[tokio::test]
async fn checks_mysql() {
    checks(Backend::MySql).await;
}

#[tokio::test]
async fn checks_sqlite() {
    checks(Backend::Sqlite).await;
}

/// SQLite's unnamed column-level check is matched by its expression.
#[tokio::test]
async fn sqlite_unnamed_check() {
    let a = "CREATE TABLE t (id integer PRIMARY KEY, price int CHECK (price > 0))";
    let b = "CREATE TABLE t (id integer PRIMARY KEY, price int CHECK (price > 1))";
    converge(Backend::Sqlite, &[a], &[b], &["drop_check", "add_check"]).await;
    converge_none_between(Backend::Sqlite, a, &a.replace("price > 0", "\"price\">0")).await;
}

/// Indexes the column model cannot express, per backend: (before, after) pairs of the same
/// named index, each a change (drop then add) that `diff --sql` carries out.
fn index_changes(backend: Backend) -> Vec<(&'static str, &'static str)> {
    match backend {
        Backend::Postgres => vec![
            // Partial: the predicate changes.
            (
                "CREATE INDEX ix ON t (price) WHERE price < 10",
                "CREATE INDEX ix ON t (price) WHERE price < 20",
            ),
            // Expression: the expression changes.
            (
                "CREATE INDEX ix ON t (lower(name))",
                "CREATE INDEX ix ON t (upper(name))",
            ),
            // Method.
            (
                "CREATE INDEX ix ON t USING hash (name)",
                "CREATE INDEX ix ON t USING btree (name text_pattern_ops)",
            ),
            (
                "CREATE INDEX ix ON t USING gin (tags)",
                "CREATE INDEX ix ON t USING gist (p)",
            ),
            (
                "CREATE INDEX ix ON t USING brin (price)",
                "CREATE INDEX ix ON t (price DESC NULLS LAST)",
            ),
            // INCLUDE and NULLS NOT DISTINCT; becoming unique under the same name.
            (
                "CREATE INDEX ix ON t (price) INCLUDE (name)",
                "CREATE UNIQUE INDEX ix ON t (price) NULLS NOT DISTINCT",
            ),
        ],
        Backend::MySql => vec![
            (
                "CREATE FULLTEXT INDEX ix ON t (body)",
                "CREATE FULLTEXT INDEX ix ON t (body, name)",
            ),
            (
                "CREATE INDEX ix ON t (name(10))",
                "CREATE INDEX ix ON t (name(12))",
            ),
            (
                "CREATE INDEX ix ON t (name(10))",
                "CREATE UNIQUE INDEX ix ON t (name(10))",
            ),
        ],
        Backend::Sqlite => vec![
            (
                "CREATE INDEX ix ON t (price) WHERE price < 10",
                "CREATE INDEX ix ON t (price) WHERE price < 20",
            ),
            (
                "CREATE INDEX ix ON t (lower(name))",
                "CREATE INDEX ix ON t (upper(name))",
            ),
        ],
    }
}

fn index_table(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => {
            "CREATE TABLE t (id int PRIMARY KEY, name varchar(40), price int, tags int[], p point)"
        }
        Backend::MySql => {
            "CREATE TABLE t (id int PRIMARY KEY, name varchar(40), price int, body text)"
        }
        Backend::Sqlite => "CREATE TABLE t (id integer PRIMARY KEY, name varchar(40), price int)",
    }
}

async fn defined_indexes(backend: Backend) {
    let table = index_table(backend);
    let changes = index_changes(backend);
    // Every pair at once, each under its own name: all drops, then all adds.
    fn named(i: usize, sql: &str) -> String {
        sql.replacen("INDEX ix ON", &format!("INDEX ix{i} ON"), 1)
    }
    let side = |after: bool| {
        std::iter::once(table.to_owned())
            .chain(
                changes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| named(i, if after { c.1 } else { c.0 })),
            )
            .collect::<Vec<String>>()
    };
    let (before, after) = (side(false), side(true));
    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let kinds: Vec<&str> = std::iter::repeat_n("drop_index", changes.len())
        .chain(std::iter::repeat_n("add_index", changes.len()))
        .collect();
    converge(backend, &refs(&before), &refs(&after), &kinds).await;
    // Added and dropped, and no change when equal.
    let first = changes[0].0;
    converge(backend, &[table], &[table, first], &["add_index"]).await;
    converge(backend, &[table, first], &[table], &["drop_index"]).await;
    converge_none(backend, &refs(&after)).await;
}

#[tokio::test]
async fn defined_indexes_postgres() {
    defined_indexes(Backend::Postgres).await;
}

#[tokio::test]
async fn defined_indexes_mysql() {
    defined_indexes(Backend::MySql).await;
}

#[tokio::test]
async fn defined_indexes_sqlite() {
    defined_indexes(Backend::Sqlite).await;
}

/// Names that differ only by case are different indexes on PostgreSQL.
#[tokio::test]
async fn postgres_index_names_are_case_sensitive() {
    let table = index_table(Backend::Postgres);
    converge(
        Backend::Postgres,
        &[table, "CREATE INDEX \"Ix\" ON t (lower(name))"],
        &[table, "CREATE INDEX ix ON t (lower(name))"],
        &["drop_index", "add_index"],
    )
    .await;
}

/// PostgreSQL auto-increment kinds: identity `BY DEFAULT` ↔ `ALWAYS`, a step change, serial ↔
/// identity, and identity added to a plain column; each one `alter_column`.
#[tokio::test]
async fn postgres_identity_and_serial() {
    let t = |id: &str| format!("CREATE TABLE t (id {id} PRIMARY KEY, name text)");
    let by_default = t("int GENERATED BY DEFAULT AS IDENTITY");
    let always = t("int GENERATED ALWAYS AS IDENTITY");
    let step = t("int GENERATED ALWAYS AS IDENTITY (INCREMENT BY 10)");
    let serial = t("serial");
    let plain = t("int");
    for (a, b) in [
        (&by_default, &always),
        (&always, &step),
        (&step, &by_default),
        (&serial, &by_default),
        (&always, &serial),
        (&plain, &always),
        (&serial, &plain),
    ] {
        converge(Backend::Postgres, &[a], &[b], &["alter_column"]).await;
    }
}
