//! Multi-tenant runs of the real `cli` binary: PostgreSQL schema tenants and PostgreSQL /
//! MariaDB database tenants, on real servers. Each test makes its own database (PostgreSQL
//! schemas live in it) or its own uniquely prefixed databases, and drops them.
//!
//! Needs the `cli` binary: see `tests::process`.

use std::collections::BTreeMap;
use std::process::Output;
use std::time::Duration;

use autogen::backend::ObjectName;
use autogen::runtime::{ConnectOptions, Session};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::Value;
use tests::process::{assert_no_secret, cli, one_line_error, success, texts};
use tests::{Backend, TempDir, TestDb, admin_connection, drop_databases, unique};

/// The first revision of the real migration crate (creates `user` and `product`).
const FIRST: &str = "75a0c80e6bb5";
/// Its head (creates `order`).
const HEAD: &str = "680c9dba15ef";

/// Runs the cli in `dir` against `url` with `args`.
fn run(dir: &TempDir, url: &str, args: &[&str]) -> Output {
    cli(&dir.path)
        .args(args)
        .env("DATABASE_URL", url)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run cli")
}

/// The one JSON object on stdout.
fn json(output: &Output) -> Value {
    let (out, err) = texts(output);
    serde_json::from_str(out.trim()).unwrap_or_else(|e| {
        panic!("stdout is not one JSON object ({e}):\n{out}\n--- stderr\n{err}")
    })
}

/// The `tenants` list of a JSON report, by name.
fn by_name(report: &Value) -> BTreeMap<String, Value> {
    report["tenants"]
        .as_array()
        .expect("tenants list")
        .iter()
        .map(|t| (t["name"].as_str().expect("name").to_string(), t.clone()))
        .collect()
}

/// Tenant databases on a server, dropped at the end of a passing test (a failing test keeps
/// them, as `TestDb` does).
struct Databases {
    backend: Backend,
    names: Vec<String>,
}

impl Databases {
    async fn create(backend: Backend, prefix: &str, count: usize) -> Databases {
        let conn = admin_connection(backend).await.expect("a server backend");
        let names: Vec<String> = (0..count).map(|i| format!("{prefix}_{i:03}")).collect();
        for name in &names {
            conn.execute_unprepared(&format!("CREATE DATABASE {}", backend.ident(name)))
                .await
                .unwrap_or_else(|e| panic!("create database {name}: {e}"));
        }
        Databases { backend, names }
    }

    /// The URL of tenant database `name`, with the base's credentials.
    fn url(&self, base: &TestDb, name: &str) -> String {
        base.url.replace(&base.name, name)
    }
}

impl Drop for Databases {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("keeping tenant databases {:?}", self.names);
            return;
        }
        drop_databases(self.backend, &self.names);
    }
}

/// Creates schemas `<prefix>_000`.. in the PostgreSQL database `conn` (dropped with it).
async fn create_schemas(conn: &DatabaseConnection, prefix: &str, count: usize) -> Vec<String> {
    let names: Vec<String> = (0..count).map(|i| format!("{prefix}_{i:03}")).collect();
    let sql: Vec<String> = names
        .iter()
        .map(|n| format!("CREATE SCHEMA {}", Backend::Postgres.ident(n)))
        .collect();
    conn.execute_unprepared(&sql.join(";\n"))
        .await
        .expect("create schemas");
    names
}

/// Per PostgreSQL schema matching `like`: its tables, sorted and comma-joined.
async fn pg_tables_by_schema(conn: &DatabaseConnection, like: &str) -> BTreeMap<String, String> {
    let rows = conn
        .query_all_raw(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!(
                "SELECT schemaname::text AS s, string_agg(tablename::text, ',' ORDER BY tablename) AS t \
                 FROM pg_tables WHERE schemaname LIKE '{like}' GROUP BY 1"
            ),
        ))
        .await
        .expect("pg_tables");
    rows.iter()
        .map(|r| (r.try_get("", "s").unwrap(), r.try_get("", "t").unwrap()))
        .collect()
}

/// Per MySQL database matching `like`: its tables, sorted and comma-joined.
async fn my_tables_by_database(conn: &DatabaseConnection, like: &str) -> BTreeMap<String, String> {
    let rows = conn
        .query_all_raw(Statement::from_string(
            sea_orm::DbBackend::MySql,
            format!(
                "SELECT CAST(table_schema AS CHAR) AS s, \
                 CAST(GROUP_CONCAT(table_name ORDER BY table_name) AS CHAR) AS t \
                 FROM information_schema.tables WHERE table_schema LIKE '{like}' GROUP BY 1"
            ),
        ))
        .await
        .expect("information_schema.tables");
    rows.iter()
        .map(|r| (r.try_get("", "s").unwrap(), r.try_get("", "t").unwrap()))
        .collect()
}

const ALL_TABLES: &str = "autogen_version,order,product,user";

/// 200 PostgreSQL schemas upgraded concurrently, each with its own version table; then
/// `current --tenants` shows every one at head, and nothing landed in `public`.
#[tokio::test]
async fn postgres_200_schemas_upgrade_concurrently() {
    let db = TestDb::new(Backend::Postgres, "ten200").await;
    let conn = db.connect().await;
    let names = create_schemas(&conn, "tn", 200).await;
    let dir = TempDir::new();

    let output = run(
        &dir,
        &db.url,
        &[
            "upgrade",
            "--tenants",
            "tn_*",
            "--jobs",
            "4",
            "--format",
            "json",
        ],
    );
    let report = json(&output);
    success(&output);
    assert_eq!(
        (&report["total"], &report["ok"], &report["failed"]),
        (&Value::from(200), &Value::from(200), &Value::from(0)),
        "{report}"
    );
    assert_eq!(report["tenant_kind"], "schema");
    let tenants = by_name(&report);
    assert_eq!(tenants.keys().cloned().collect::<Vec<_>>(), names);
    for (name, t) in &tenants {
        assert_eq!(t["status"], "ok", "{name}: {t}");
        assert_eq!(t["from"], serde_json::json!([]), "{name}: {t}");
        assert_eq!(t["to"], serde_json::json!([HEAD]), "{name}: {t}");
        assert_eq!(
            t["revisions"],
            serde_json::json!([FIRST, HEAD]),
            "{name}: {t}"
        );
    }
    let tables = pg_tables_by_schema(&conn, "tn\\_%").await;
    assert_eq!(tables.len(), 200);
    assert!(tables.values().all(|t| t == ALL_TABLES), "{tables:?}");
    assert!(
        pg_tables_by_schema(&conn, "public").await.is_empty(),
        "nothing in public"
    );

    let out = success(&run(&dir, &db.url, &["current", "--tenants", "tn_*"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 201, "{out}");
    for name in &names {
        assert!(
            lines.contains(&format!("{name}: {HEAD} (head)").as_str()),
            "{name} not at head:\n{out}"
        );
    }
    assert_eq!(
        lines[200], "current: 200 tenant(s): 200 ok; 200 at head",
        "{out}"
    );
}

/// 50 MariaDB databases (named by a `sql:` query) upgraded concurrently; then all at head.
#[tokio::test]
async fn mariadb_50_databases_upgrade_concurrently() {
    let base = TestDb::new(Backend::MySql, "ten50").await;
    let prefix = unique("t50");
    let dbs = Databases::create(Backend::MySql, &prefix, 50).await;
    let dir = TempDir::new();
    let query = format!(
        "sql:SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '{prefix}\\_%'"
    );

    let output = run(
        &dir,
        &base.url,
        &["upgrade", "--tenants", &query, "--format", "json"],
    );
    let report = json(&output);
    success(&output);
    assert_eq!(report["tenant_kind"], "database");
    assert_eq!(report["ok"], 50, "{report}");
    let tenants = by_name(&report);
    assert_eq!(tenants.keys().cloned().collect::<Vec<_>>(), dbs.names);
    assert!(
        tenants
            .values()
            .all(|t| t["to"] == serde_json::json!([HEAD]))
    );

    let admin = admin_connection(Backend::MySql).await.unwrap();
    let tables = my_tables_by_database(&admin, &format!("{prefix}\\_%")).await;
    assert_eq!(tables.len(), 50);
    assert!(tables.values().all(|t| t == ALL_TABLES), "{tables:?}");
    // The base database itself is no tenant.
    assert!(my_tables_by_database(&admin, &base.name).await.is_empty());

    let output = run(
        &dir,
        &base.url,
        &[
            "current",
            "--tenants",
            &format!("{prefix}_*"),
            "--format",
            "json",
        ],
    );
    let report = json(&output);
    success(&output);
    assert_eq!(
        (report["total"].clone(), report["at_head"].clone()),
        (50.into(), 50.into())
    );
    for t in by_name(&report).values() {
        assert_eq!(t["current"], serde_json::json!([HEAD]), "{t}");
        assert_eq!(t["at_head"], true, "{t}");
    }
}

/// Tenant names and where to run SQL on them, per backend.
struct Fleet {
    backend: Backend,
    base: TestDb,
    /// PostgreSQL: schemas of `base`; MariaDB: databases.
    names: Vec<String>,
    /// The spec naming them all.
    spec: String,
    _databases: Option<Databases>,
}

impl Fleet {
    async fn new(backend: Backend, label: &str, count: usize) -> Fleet {
        let base = TestDb::new(backend, label).await;
        match backend {
            Backend::Postgres => {
                let names = create_schemas(&base.connect().await, "tf", count).await;
                Fleet {
                    backend,
                    base,
                    names,
                    spec: "tf_*".into(),
                    _databases: None,
                }
            }
            _ => {
                let prefix = unique(label);
                let dbs = Databases::create(backend, &prefix, count).await;
                Fleet {
                    backend,
                    names: dbs.names.clone(),
                    spec: format!("{prefix}_*"),
                    base,
                    _databases: Some(dbs),
                }
            }
        }
    }

    /// Runs `sql` inside tenant `name` (its schema, or its database), on one connection.
    async fn exec_in(&self, name: &str, sql: &str) {
        let (url, sql) = match self.backend {
            // One simple query: both statements on the same session.
            Backend::Postgres => (
                self.base.url.clone(),
                format!("SET search_path TO {}; {sql}", self.backend.ident(name)),
            ),
            _ => (
                self.base.url.replace(&self.base.name, name),
                sql.to_string(),
            ),
        };
        let conn = sea_orm::Database::connect(&url).await.expect("connect");
        conn.execute_unprepared(&sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        conn.close().await.expect("close");
    }

    /// The tables of every tenant.
    async fn tables(&self) -> BTreeMap<String, String> {
        match self.backend {
            Backend::Postgres => pg_tables_by_schema(&self.base.connect().await, "tf\\_%").await,
            _ => {
                let admin = admin_connection(self.backend).await.unwrap();
                let like = self.spec.replace('_', "\\_").replace("\\_*", "\\_%");
                my_tables_by_database(&admin, &like).await
            }
        }
    }
}

/// One tenant holds a table the second revision creates: that tenant fails (reported on its
/// line, in the JSON, in the one `error:` line and by exit 2), every other tenant reaches
/// head. After the repair a rerun finishes it (MariaDB, whose DDL is not transactional,
/// records the failure, so the repair is recorded with `stamp --tenants` first).
async fn failing_tenant_then_rerun(backend: Backend) {
    let fleet = Fleet::new(backend, "tenfail", 6).await;
    let broken = fleet.names[3].clone();
    let q = backend.ident("order");
    fleet
        .exec_in(&broken, &format!("CREATE TABLE {q} (x int)"))
        .await;
    let dir = TempDir::new();

    let output = run(
        &dir,
        &fleet.base.url,
        &["upgrade", "--tenants", &fleet.spec, "--jobs", "3"],
    );
    let (out, _) = texts(&output);
    one_line_error(&output, &["upgrade: 1 of 6 tenant(s) failed", &broken]);
    let failed_line = out
        .lines()
        .find(|l| l.starts_with(&format!("{broken}: FAILED: ")))
        .unwrap_or_else(|| panic!("no FAILED line for {broken}:\n{out}"));
    assert!(failed_line.contains("already exists"), "{failed_line}");
    for name in fleet.names.iter().filter(|n| **n != broken) {
        assert!(
            out.contains(&format!("{name}: upgraded 2 revision(s): base -> {HEAD}")),
            "{name}:\n{out}"
        );
    }
    assert!(
        out.ends_with("upgrade: 6 tenant(s): 5 ok, 1 failed\n"),
        "{out}"
    );
    let tables = fleet.tables().await;
    for name in &fleet.names {
        let expected = if *name == broken {
            "autogen_version,order,product,user" // its own `order`, by hand
        } else {
            ALL_TABLES
        };
        assert_eq!(tables[name], expected, "{name}");
    }

    // The JSON report says the same, and where the broken tenant stopped.
    let output = run(
        &dir,
        &fleet.base.url,
        &["current", "--tenants", &fleet.spec, "--format", "json"],
    );
    let report = json(&output);
    success(&output);
    let tenants = by_name(&report);
    assert_eq!(report["at_head"], 5, "{report}");
    assert_eq!(tenants[&broken]["current"], serde_json::json!([FIRST]));
    assert_eq!(tenants[&broken]["at_head"], false);

    // Repair: the hand-made table goes.
    fleet.exec_in(&broken, &format!("DROP TABLE {q}")).await;
    if backend == Backend::MySql {
        // The failed marker refuses a rerun until the repair is recorded.
        let output = run(&dir, &fleet.base.url, &["upgrade", "--tenants", &broken]);
        one_line_error(&output, &["1 of 1 tenant(s) failed"]);
        assert!(texts(&output).0.contains("previously failed"), "{output:?}");
        let output = run(
            &dir,
            &fleet.base.url,
            &["stamp", FIRST, "--tenants", &broken, "--format", "json"],
        );
        let report = json(&output);
        success(&output);
        assert_eq!(
            report["tenants"][0]["cleared"],
            serde_json::json!([HEAD]),
            "{report}"
        );
    }
    let output = run(
        &dir,
        &fleet.base.url,
        &["upgrade", "--tenants", &fleet.spec, "--format", "json"],
    );
    let report = json(&output);
    success(&output);
    for (name, t) in by_name(&report) {
        let ran = if name == broken { vec![HEAD] } else { vec![] };
        assert_eq!(t["revisions"], serde_json::json!(ran), "{name}: {t}");
        assert_eq!(t["to"], serde_json::json!([HEAD]), "{name}: {t}");
    }
    assert!(fleet.tables().await.values().all(|t| t == ALL_TABLES));
}

#[tokio::test]
async fn failing_tenant_then_rerun_postgres() {
    failing_tenant_then_rerun(Backend::Postgres).await;
}

#[tokio::test]
async fn failing_tenant_then_rerun_mysql() {
    failing_tenant_then_rerun(Backend::MySql).await;
}

/// `--fail-fast --jobs 1`: the first tenant fails, no other starts; they are listed as
/// skipped and left untouched.
async fn fail_fast_stops_early(backend: Backend) {
    let fleet = Fleet::new(backend, "tenff", 5).await;
    let first = fleet.names[0].clone();
    let q = backend.ident("user");
    fleet
        .exec_in(&first, &format!("CREATE TABLE {q} (x int)"))
        .await;
    let dir = TempDir::new();

    let output = run(
        &dir,
        &fleet.base.url,
        &[
            "upgrade",
            "--tenants",
            &fleet.spec,
            "--jobs",
            "1",
            "--fail-fast",
            "--format",
            "json",
        ],
    );
    one_line_error(&output, &["1 of 5 tenant(s) failed", &first]);
    let report = json(&output);
    assert_eq!(
        (
            report["ok"].clone(),
            report["failed"].clone(),
            report["skipped"].clone()
        ),
        (0.into(), 1.into(), 4.into()),
        "{report}"
    );
    let tenants = by_name(&report);
    assert_eq!(tenants[&first]["status"], "failed");
    assert!(
        tenants[&first]["error"]
            .as_str()
            .unwrap()
            .contains("already exists")
    );
    for name in &fleet.names[1..] {
        assert_eq!(tenants[name]["status"], "skipped", "{name}");
        assert_eq!(tenants[name]["ok"], false, "{name}");
    }
    let tables = fleet.tables().await;
    assert_eq!(
        tables.len(),
        1,
        "only the first tenant has tables: {tables:?}"
    );

    // Without --fail-fast the others go on.
    let output = run(
        &dir,
        &fleet.base.url,
        &["upgrade", "--tenants", &fleet.spec, "--jobs", "1"],
    );
    one_line_error(&output, &["1 of 5 tenant(s) failed"]);
    let tables = fleet.tables().await;
    assert_eq!(tables.len(), 5, "{tables:?}");
}

#[tokio::test]
async fn fail_fast_stops_early_postgres() {
    fail_fast_stops_early(Backend::Postgres).await;
}

#[tokio::test]
async fn fail_fast_stops_early_mysql() {
    fail_fast_stops_early(Backend::MySql).await;
}

/// `check --tenants`: drift only in the tenant changed by hand (exit 1), with its op in the
/// JSON; the others in sync. An unreachable tenant makes it exit 2.
async fn check_reports_drift_per_tenant(backend: Backend) {
    let fleet = Fleet::new(backend, "tencheck", 4).await;
    let dir = TempDir::new();
    success(&run(
        &dir,
        &fleet.base.url,
        &["upgrade", "--tenants", &fleet.spec],
    ));
    let changed = fleet.names[2].clone();
    let q = backend.ident("product");
    fleet
        .exec_in(
            &changed,
            &format!("ALTER TABLE {q} ADD COLUMN by_hand integer"),
        )
        .await;

    let output = run(
        &dir,
        &fleet.base.url,
        &["check", "--tenants", &fleet.spec, "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report = json(&output);
    assert_eq!(
        (report["in_sync"].clone(), report["drifted"].clone()),
        (3.into(), 1.into())
    );
    for (name, t) in by_name(&report) {
        if name == changed {
            assert_eq!(t["in_sync"], false, "{t}");
            let ops = t["ops"].as_array().unwrap();
            assert_eq!(ops.len(), 1, "{t}");
            assert_eq!(ops[0]["op"], "drop_column", "{t}");
            assert_eq!(ops[0]["column"], "by_hand", "{t}");
        } else {
            assert_eq!(t["in_sync"], true, "{name}: {t}");
            assert_eq!(t["ops"], serde_json::json!([]), "{name}: {t}");
        }
    }

    let output = run(&dir, &fleet.base.url, &["check", "--tenants", &fleet.spec]);
    assert_eq!(output.status.code(), Some(1));
    let out = texts(&output).0;
    assert!(
        out.contains(&format!(
            "{changed}: drift: 1 op(s): drop column product.by_hand"
        )),
        "{out}"
    );
    assert!(
        out.ends_with("check: 4 tenant(s): 4 ok; 3 in sync, 1 drifted\n"),
        "{out}"
    );

    // A tenant that cannot be checked is an error: exit 2, as `check`'s own errors.
    let spec = format!("{},no_such_tenant", fleet.names[0]);
    let output = run(&dir, &fleet.base.url, &["check", "--tenants", &spec]);
    one_line_error(&output, &["check: 1 of 2 tenant(s) failed: no_such_tenant"]);
}

#[tokio::test]
async fn check_reports_drift_per_tenant_postgres() {
    check_reports_drift_per_tenant(Backend::Postgres).await;
}

#[tokio::test]
async fn check_reports_drift_per_tenant_mysql() {
    check_reports_drift_per_tenant(Backend::MySql).await;
}

/// The migration lock is per tenant: while another session holds tenant A's lock, tenant B
/// migrates and A gives up after `--lock-timeout`.
async fn lock_is_per_tenant(backend: Backend) {
    let fleet = Fleet::new(backend, "tenlock", 2).await;
    let (a, b) = (fleet.names[0].clone(), fleet.names[1].clone());
    let name = ObjectName::parse(&a).unwrap();
    let (url, options) = match backend {
        Backend::Postgres => (
            fleet.base.database_url(),
            ConnectOptions {
                schema: Some(name),
                ..ConnectOptions::default()
            },
        ),
        _ => (
            fleet.base.database_url().with_database(&name).unwrap(),
            ConnectOptions::default(),
        ),
    };
    let holder = Session::open(&url, &options).await.expect("holder session");
    let lock = holder
        .lock(Duration::ZERO)
        .await
        .expect("take tenant A's lock");
    let dir = TempDir::new();

    let output = run(
        &dir,
        &fleet.base.url,
        &[
            "--lock-timeout",
            "1",
            "upgrade",
            "--tenants",
            &fleet.spec,
            "--format",
            "json",
        ],
    );
    one_line_error(&output, &["1 of 2 tenant(s) failed", &a]);
    let tenants = by_name(&json(&output));
    assert!(
        tenants[&a]["error"]
            .as_str()
            .unwrap()
            .contains("migration lock"),
        "{}",
        tenants[&a]
    );
    assert_eq!(tenants[&b]["to"], serde_json::json!([HEAD]));
    lock.release().await;
    success(&run(&dir, &fleet.base.url, &["upgrade", "--tenants", &a]));
}

#[tokio::test]
async fn lock_is_per_tenant_postgres() {
    lock_is_per_tenant(Backend::Postgres).await;
}

#[tokio::test]
async fn lock_is_per_tenant_mysql() {
    lock_is_per_tenant(Backend::MySql).await;
}

/// PostgreSQL database tenants (`--tenant-kind database`), with a password in the URL that
/// never shows, not even in the error of a missing tenant database.
#[tokio::test]
async fn postgres_database_tenants_never_print_the_password() {
    let base = TestDb::new(Backend::Postgres, "tenpgdb").await;
    let prefix = unique("tpd");
    let dbs = Databases::create(Backend::Postgres, &prefix, 3).await;
    let secret = "Tenant-S3cret-Pw";
    // Trust authentication ignores the password; it is in the URL all the same.
    let url = base
        .url
        .replacen("postgres@", &format!("postgres:{secret}@"), 1);
    assert!(url.contains(secret));
    let dir = TempDir::new();
    let spec = format!("{prefix}_*,{prefix}_missing");

    let output = run(
        &dir,
        &url,
        &["upgrade", "--tenant-kind", "database", "--tenants", &spec],
    );
    assert_no_secret(&output, secret);
    let line = one_line_error(&output, &["1 of 4 tenant(s) failed", "_missing"]);
    assert!(!line.contains(secret));
    let out = texts(&output).0;
    assert!(
        out.contains(&format!(
            "{prefix}_missing: FAILED: cannot connect to postgres://postgres:***@"
        )),
        "{out}"
    );
    for name in &dbs.names {
        let conn = sea_orm::Database::connect(dbs.url(&base, name))
            .await
            .unwrap();
        assert_eq!(
            tests::catalog::version_rows(&conn).await,
            [FIRST, HEAD],
            "{name}"
        );
    }
    let output = run(
        &dir,
        &url,
        &[
            "current",
            "--tenant-kind",
            "database",
            "--tenants",
            &format!("{prefix}_*"),
            "--format",
            "json",
        ],
    );
    assert_no_secret(&output, secret);
    assert_eq!(json(&output)["at_head"], 3);
}

/// `--schema` (and `schema` of autogen.toml) manages one named schema without tenants:
/// introspection, the version table and the revisions' tables all live there.
#[tokio::test]
async fn one_named_schema() {
    let db = TestDb::new(Backend::Postgres, "tenschema").await;
    let conn = db.connect().await;
    conn.execute_unprepared("CREATE SCHEMA \"App Data\"")
        .await
        .unwrap();
    let dir = TempDir::new();

    let out = success(&run(&dir, &db.url, &["--schema", "App Data", "upgrade"]));
    assert_eq!(out, format!("Upgraded 2 revision(s): {FIRST}, {HEAD}\n"));
    let tables = pg_tables_by_schema(&conn, "%").await;
    assert_eq!(
        tables.get("App Data").map(String::as_str),
        Some(ALL_TABLES),
        "{tables:?}"
    );
    assert!(!tables.contains_key("public"), "{tables:?}");
    // Without the schema, the database is empty.
    assert_eq!(success(&run(&dir, &db.url, &["current"])), "");

    std::fs::write(dir.path.join("autogen.toml"), "schema = \"App Data\"\n").unwrap();
    let out = success(&run(&dir, &db.url, &["current"]));
    assert_eq!(out, format!("{HEAD} (head, current), add order\n"));
    let out = success(&run(&dir, &db.url, &["check"]));
    assert!(out.contains("No changes detected"), "{out}");
    conn.execute_unprepared("ALTER TABLE \"App Data\".\"user\" ADD COLUMN by_hand int")
        .await
        .unwrap();
    let output = run(&dir, &db.url, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(texts(&output).0.contains("by_hand"));

    let output = run(&dir, &db.url, &["--schema", "nope", "current"]);
    one_line_error(
        &output,
        &["schema \"nope\" does not exist", "CREATE SCHEMA"],
    );
}

/// `tenants` and `tenant_kind` of autogen.toml make every tenant command a tenant run.
#[tokio::test]
async fn tenants_from_the_config_file() {
    let fleet = Fleet::new(Backend::Postgres, "tenconf", 3).await;
    let dir = TempDir::new();
    std::fs::write(
        dir.path.join("autogen.toml"),
        "tenants = \"tf_000, tf_00[12]\"\ntenant_kind = \"schema\"\n",
    )
    .unwrap();
    let out = success(&run(&dir, &fleet.base.url, &["upgrade"]));
    assert!(out.ends_with("upgrade: 3 tenant(s): 3 ok\n"), "{out}");
    let out = success(&run(&dir, &fleet.base.url, &["downgrade", "-1"]));
    for name in &fleet.names {
        assert!(
            out.contains(&format!(
                "{name}: downgraded 1 revision(s): {HEAD} -> {FIRST}"
            )),
            "{out}"
        );
    }
    // The flag wins over the file.
    let out = success(&run(
        &dir,
        &fleet.base.url,
        &["current", "--tenants", "tf_001"],
    ));
    assert_eq!(
        out,
        format!("tf_001: {FIRST} (not at head)\ncurrent: 1 tenant(s): 1 ok; 1 not at head\n")
    );
}

/// Bad specs and flags: one `error:` line, exit 2, nothing run.
#[tokio::test]
async fn bad_tenant_input_is_one_line() {
    let fleet = Fleet::new(Backend::Postgres, "tenbad", 1).await;
    let url = &fleet.base.url;
    let dir = TempDir::new();
    for (args, needles) in [
        (
            vec!["upgrade", "--tenants", "a,,b"],
            vec!["--tenants", "item 2 of the list is empty"],
        ),
        (
            vec!["upgrade", "--tenants", "[x"],
            vec!["invalid glob '[x'"],
        ),
        (
            vec!["upgrade", "--tenants", "sql:"],
            vec!["`sql:` without a query"],
        ),
        (
            vec!["upgrade", "--tenants", "zz_*"],
            vec!["pattern 'zz_*' matches no schema"],
        ),
        (
            vec!["upgrade", "--tenants", "tf_000", "--jobs", "0"],
            vec!["--jobs", "from 1 to 256"],
        ),
        (
            vec!["upgrade", "--jobs", "2"],
            vec!["upgrade --jobs needs --tenants"],
        ),
        (
            vec!["current", "--format", "json"],
            vec!["current --format json needs --tenants"],
        ),
        (
            vec!["upgrade", "--tenants", "tf_000", "--tenant-kind", "table"],
            vec!["--tenant-kind"],
        ),
        (
            vec!["--schema", "x", "upgrade", "--tenants", "tf_000"],
            vec!["--schema and schema tenants"],
        ),
        (
            vec!["upgrade", "--sql", "--tenants", "tf_000"],
            vec!["takes no --tenants"],
        ),
        (
            vec!["check", "--diff", "--tenants", "tf_000"],
            vec!["check --diff compares one database"],
        ),
        (
            vec![
                "upgrade",
                "--tenants",
                "sql:CREATE TABLE public.evil (x int)",
            ],
            vec!["--tenants sql:", "read-only transaction"],
        ),
        (
            vec!["upgrade", "--tenants", "sql:SELECT 'tf_000' WHERE false"],
            vec!["the query returned no schema"],
        ),
    ] {
        let output = run(&dir, url, &args);
        one_line_error(&output, &needles);
        assert_eq!(texts(&output).0, "", "{args:?}: nothing on stdout");
    }
    let conn = fleet.base.connect().await;
    for schema in ["public", "tf_000"] {
        let tables = pg_tables_by_schema(&conn, schema).await;
        assert!(tables.is_empty(), "nothing was created: {tables:?}");
    }
    let output = run(&dir, "sqlite::memory:", &["upgrade", "--tenants", "a"]);
    one_line_error(&output, &["tenants need PostgreSQL or MySQL/MariaDB"]);
}

/// On a terminal (a pty made by `script`), a progress bar counts the tenants while the
/// per-tenant lines go on; `-v --log-format json` names the tenant in every event of its job.
#[tokio::test]
async fn progress_bar_and_tenant_in_the_logs() {
    let fleet = Fleet::new(Backend::Postgres, "tenbar", 3).await;
    let dir = TempDir::new();
    let command = format!(
        "{} upgrade --tenants 'tf_*' --jobs 1",
        tests::process::cli_bin().display()
    );
    let output = tests::process::std_command(std::path::Path::new("script"), &dir.path)
        .args(["-qec", &command, "/dev/null"])
        .env("DATABASE_URL", &fleet.base.url)
        .output()
        .expect("run script (util-linux)");
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{screen}");
    assert!(screen.contains("3/3 tenants"), "no progress bar:\n{screen}");
    for name in &fleet.names {
        assert!(
            screen.contains(&format!("{name}: upgraded 2 revision(s)")),
            "{screen}"
        );
    }
    assert!(screen.contains("upgrade: 3 tenant(s): 3 ok"), "{screen}");

    let output = run(
        &dir,
        &fleet.base.url,
        &[
            "-v",
            "--log-format",
            "json",
            "downgrade",
            "base",
            "--tenants",
            "tf_001",
        ],
    );
    success(&output);
    let events: Vec<Value> = texts(&output)
        .1
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let running: Vec<&Value> = events
        .iter()
        .filter(|e| {
            e["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("running downgrade"))
        })
        .collect();
    assert_eq!(running.len(), 2, "{events:?}");
    for event in running {
        assert_eq!(event["span"]["tenant"], "tf_001", "{event}");
    }
}
