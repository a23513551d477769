//! Where the database URL comes from: `--database-url` > `DATABASE_URL` > `DATABASE_URL_FILE` >
//! `POSTGRES_*` > `.env` > the SQLite default, checked through the `cli` binary in a temporary
//! working directory with a controlled environment (`-v upgrade --sql` logs the resolved URL
//! and needs no database).
//!
//! Needs the `cli` binary: see `tests::process` (`cargo nextest run --workspace` builds it).

use std::path::Path;

use sea_orm::{ConnectionTrait, Statement};
use tests::catalog::version_rows;
use tests::process::{assert_no_secret, cli, success, texts};
use tests::{Backend, TempDir, TestDb, admin_connection, unique};

/// The source, URL and script dialect `cli` resolves in `dir` with `env` (and `flag`).
fn resolve(dir: &Path, env: &[(&str, &str)], flag: Option<&str>) -> (String, String, String) {
    let mut cmd = cli(dir);
    cmd.arg("-v");
    if let Some(url) = flag {
        cmd.args(["--database-url", url]);
    }
    cmd.args(["upgrade", "--sql"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().unwrap();
    let script = success(&output);
    let (_, err) = texts(&output);
    let line = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("DEBUG database URL from "))
        .unwrap_or_else(|| panic!("no resolution log line in:\n{err}"))
        .to_string();
    let (source, url) = line.split_once(": ").expect("source: url");
    let dialect = script
        .lines()
        .next()
        .and_then(|l| l.rsplit_once('('))
        .map(|(_, d)| d.trim_end_matches(')').to_string())
        .expect("script header");
    (source.to_string(), url.to_string(), dialect)
}

fn check(
    dir: &Path,
    env: &[(&str, &str)],
    flag: Option<&str>,
    source: &str,
    url: &str,
    dialect: &str,
) {
    let got = resolve(dir, env, flag);
    assert_eq!(
        got,
        (source.to_string(), url.to_string(), dialect.to_string()),
        "env {env:?}, flag {flag:?}"
    );
}

#[test]
fn each_source_beats_the_next() {
    let dir = TempDir::new();
    let d = &dir.path;
    // At the project root (here the working directory: no workspace above it).
    check(
        d,
        &[],
        None,
        "the embedded SQLite default",
        &format!("sqlite://{}/autogen.db?mode=rwc", d.display()),
        "sqlite",
    );

    std::fs::write(
        d.join(".env"),
        "DATABASE_URL=mysql://dotenv@dothost/dotdb\n",
    )
    .unwrap();
    check(
        d,
        &[],
        None,
        ".env file",
        "mysql://dotenv@dothost/dotdb",
        "mysql",
    );

    let mut env = vec![
        ("POSTGRES_USER", "pguser"),
        ("POSTGRES_HOST", "pghost"),
        ("POSTGRES_DB", "pgdb"),
    ];
    check(
        d,
        &env,
        None,
        "POSTGRES_* variables",
        "postgres://pguser@pghost:5432/pgdb",
        "postgres",
    );

    let file = d.join("url-secret");
    std::fs::write(&file, "  sqlite://fromfile.db?mode=rwc\n\n").unwrap();
    let file = file.display().to_string();
    env.push(("DATABASE_URL_FILE", &file));
    check(
        d,
        &env,
        None,
        "DATABASE_URL_FILE",
        "sqlite://fromfile.db?mode=rwc",
        "sqlite",
    );

    env.push(("DATABASE_URL", "mariadb://envuser@envhost/envdb"));
    check(
        d,
        &env,
        None,
        "DATABASE_URL",
        "mysql://envuser@envhost/envdb",
        "mysql",
    );

    check(
        d,
        &env,
        Some("postgres://flaguser@flaghost/flagdb"),
        "--database-url",
        "postgres://flaguser@flaghost/flagdb",
        "postgres",
    );
}

/// An empty variable is an error naming it, never "unset": a missing Kubernetes secret must not
/// fall through to another source, least of all to `autogen.db` in the working directory.
#[test]
fn empty_variables_are_errors() {
    let dir = TempDir::new();
    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("DATABASE_URL", "")], "DATABASE_URL is set but empty"),
        (
            &[("DATABASE_URL_FILE", ""), ("POSTGRES_USER", "pguser")],
            "DATABASE_URL_FILE is set but empty",
        ),
        (
            &[("POSTGRES_PASSWORD", "")],
            "POSTGRES_PASSWORD is set but empty",
        ),
        (
            &[
                ("POSTGRES_USER", "u"),
                ("POSTGRES_HOST", " "),
                ("POSTGRES_DB", "d"),
            ],
            "POSTGRES_HOST is set but empty",
        ),
        (
            &[("POSTGRES_PASSWORD", "x")],
            "POSTGRES_PASSWORD set, but POSTGRES_USER, POSTGRES_HOST, POSTGRES_DB missing",
        ),
    ];
    for (env, needle) in cases {
        let mut cmd = cli(&dir.path);
        cmd.arg("upgrade");
        for (k, v) in env {
            cmd.env(k, v);
        }
        tests::process::one_line_error(&cmd.output().unwrap(), &[needle]);
    }
    std::fs::write(dir.path.join(".env"), "DATABASE_URL=\n").unwrap();
    let output = cli(&dir.path).arg("upgrade").output().unwrap();
    let env_file = dir.path.join(".env").display().to_string();
    tests::process::one_line_error(
        &output,
        &["DATABASE_URL is set but empty in .env file", &env_file],
    );
    let written: Vec<_> = std::fs::read_dir(&dir.path).unwrap().collect();
    assert_eq!(written.len(), 1, "only .env: {written:?}");
}

/// With nothing configured, the SQLite default is used and said so on stderr (even with
/// `-q`), with its absolute path; stdout stays the command's own.
#[test]
fn the_sqlite_default_is_announced() {
    let dir = TempDir::new();
    let output = cli(&dir.path).args(["-q", "upgrade"]).output().unwrap();
    let out = success(&output);
    let (_, err) = texts(&output);
    let db = dir.path.join("autogen.db");
    assert_eq!(
        err,
        format!(
            "note: no database configured (--database-url, DATABASE_URL, DATABASE_URL_FILE, POSTGRES_*, .env, autogen.toml, --secret-id, --secret-file); using SQLite file {}\n",
            db.display()
        )
    );
    assert!(out.starts_with("Upgraded 2 revision(s)"), "{out}");
    assert!(db.exists());
}

/// A URL file is read as a mounted secret is written: a byte-order mark, surrounding spaces and
/// newlines are dropped.
#[test]
fn url_file_with_bom_and_whitespace() {
    let dir = TempDir::new();
    let file = dir.path.join("url-secret");
    std::fs::write(&file, "\u{feff}  mysql://u@h/bomdb \r\n").unwrap();
    let shown = file.display().to_string();
    check(
        &dir.path,
        &[("DATABASE_URL_FILE", &shown)],
        None,
        "DATABASE_URL_FILE",
        "mysql://u@h/bomdb",
        "mysql",
    );
    check(
        &dir.path,
        &[("DATABASE_URL", "\t POSTGRES://u@h/ws \n")],
        None,
        "DATABASE_URL",
        "postgres://u@h/ws",
        "postgres",
    );
}

#[test]
fn dotenv_follows_the_same_order_and_fills_only_gaps() {
    let dir = TempDir::new();
    let d = &dir.path;
    // Inside .env, DATABASE_URL still beats POSTGRES_*.
    std::fs::write(
        d.join(".env"),
        "POSTGRES_USER=dotpg\nDATABASE_URL=sqlite://dot.db\n",
    )
    .unwrap();
    check(d, &[], None, ".env file", "sqlite://dot.db", "sqlite");

    // POSTGRES_* from .env, with a password that needs encoding (and is not logged).
    std::fs::write(
        d.join(".env"),
        "POSTGRES_USER=dotpg\nPOSTGRES_PASSWORD='p@ss/w:rd'\nPOSTGRES_HOST=db.internal\nPOSTGRES_PORT=6543\nPOSTGRES_DB=shop\n",
    )
    .unwrap();
    check(
        d,
        &[],
        None,
        ".env file",
        "postgres://dotpg:***@db.internal:6543/shop",
        "postgres",
    );

    // The real environment wins over .env, variable family by variable family.
    check(
        d,
        &[("DATABASE_URL", "sqlite://real.db")],
        None,
        "DATABASE_URL",
        "sqlite://real.db",
        "sqlite",
    );
}

/// `POSTGRES_*` values with reserved characters are percent-encoded: the URL really connects,
/// as the right role, to the right database.
#[tokio::test]
async fn postgres_vars_are_percent_encoded() {
    let db = TestDb::new(Backend::Postgres, "pgvars").await;
    let admin = admin_connection(Backend::Postgres).await.unwrap();
    let role = format!("{} we@ird:r/le", unique("r"));
    let password = "p@ss:w/rd#?% x";
    admin
        .execute_unprepared(&format!(
            "CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'"
        ))
        .await
        .unwrap();
    let owner = db.connect().await;
    owner
        .execute_unprepared(&format!("GRANT ALL ON SCHEMA public TO \"{role}\""))
        .await
        .unwrap();

    let dir = TempDir::new();
    let output = cli(&dir.path)
        .args(["-v", "upgrade"])
        .env("POSTGRES_USER", &role)
        .env("POSTGRES_PASSWORD", password)
        .env("POSTGRES_HOST", "127.0.0.1")
        .env("POSTGRES_PORT", "5432")
        .env("POSTGRES_DB", &db.name)
        .output()
        .unwrap();
    success(&output);
    assert_no_secret(&output, password);
    assert_no_secret(&output, "p@ss");
    let (_, err) = texts(&output);
    assert!(
        err.contains("database URL from POSTGRES_* variables: postgres://")
            && err.contains("%40ird%3Ar%2Fle:***@127.0.0.1:5432/"),
        "{err}"
    );

    assert_eq!(version_rows(&owner).await, ["75a0c80e6bb5", "680c9dba15ef"]);
    let row = owner
        .query_one_raw(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT tableowner FROM pg_catalog.pg_tables WHERE tablename = 'user'",
        ))
        .await
        .unwrap()
        .expect("table user exists");
    assert_eq!(row.try_get::<String>("", "tableowner").unwrap(), role);

    // Leave the server clean: the role owns objects in this test's database only.
    owner
        .execute_unprepared(&format!("REASSIGN OWNED BY \"{role}\" TO postgres"))
        .await
        .unwrap();
    owner
        .execute_unprepared(&format!("DROP OWNED BY \"{role}\""))
        .await
        .unwrap();
    drop(owner);
    admin
        .execute_unprepared(&format!("DROP ROLE \"{role}\""))
        .await
        .unwrap();
}

#[test]
fn password_in_a_url_file_is_not_logged() {
    let dir = TempDir::new();
    let file = dir.path.join("secret-url");
    std::fs::write(&file, "postgres://app:hunter2-secret@127.0.0.1:1/db\n").unwrap();
    let output = cli(&dir.path)
        .args(["-vv", "upgrade", "--sql"])
        .env("DATABASE_URL_FILE", &file)
        .output()
        .unwrap();
    success(&output);
    assert_no_secret(&output, "hunter2-secret");
    let (_, err) = texts(&output);
    assert!(
        err.contains("DATABASE_URL_FILE: postgres://app:***@127.0.0.1:1/db"),
        "{err}"
    );
}

#[test]
fn malformed_dotenv_is_named_without_its_contents() {
    let dir = TempDir::new();
    for content in [
        "FOO=bar\nDATABASE_URL=\"postgres://u:hunter2-secret@127.0.0.1/db\n",
        "POSTGRES_USER=app\nPOSTGRES_PASSWORD=hunter2 secret\n",
    ] {
        std::fs::write(dir.path.join(".env"), content).unwrap();
        let output = cli(&dir.path).arg("current").output().unwrap();
        let env_file = dir.path.join(".env").display().to_string();
        tests::process::one_line_error(&output, &["cannot parse .env file", &env_file, ": line 2"]);
        assert_no_secret(&output, "hunter2");
    }
    // A real DATABASE_URL means .env is never read.
    let output = cli(&dir.path)
        .args(["upgrade", "--sql"])
        .env("DATABASE_URL", "sqlite://x.db")
        .output()
        .unwrap();
    success(&output);
}

/// The backend is read from the scheme whatever its case or the whitespace around it, so
/// offline scripts are in the dialect of the database the URL names (the lock and the
/// connection use the same typed value; see runtime_concurrency for those).
#[test]
fn any_spelling_of_a_scheme_names_its_backend() {
    let dir = TempDir::new();
    for (spelling, url, dialect) in [
        (" POSTGRES://u@h/db\n", "postgres://u@h/db", "postgres"),
        ("PostgreSQL://u@h/db", "postgresql://u@h/db", "postgres"),
        ("MYSQL://u@h/db", "mysql://u@h/db", "mysql"),
        ("MariaDB://u@h/db", "mysql://u@h/db", "mysql"),
        ("\tSQLITE://x.db ", "sqlite://x.db", "sqlite"),
    ] {
        check(
            &dir.path,
            &[("DATABASE_URL", spelling)],
            None,
            "DATABASE_URL",
            url,
            dialect,
        );
    }
}
