//! No password is ever printed: one is planted in every URL source (`--database-url`,
//! `DATABASE_URL`, `DATABASE_URL_FILE`, `POSTGRES_*`, `.env`, `--secret-file`, `diff --from/--to`) and in every
//! form (`user:password@`, `?password=`, `sslpassword=`, any parameter whose name holds `pass` or
//! `secret`), and every command runs at `-vv --echo-sql` and at `RUST_LOG=trace --echo-sql`
//! (`upgrade` and `downgrade` with `--database-url` also as a database tenant run),
//! against a real server (as a role/user created with that password) and against a closed port.
//! The password must appear in neither stdout nor stderr, raw or percent-decoded.
//!
//! Needs the `cli` binary: see `tests::process` (`cargo nextest run --workspace` builds it).

use std::net::TcpListener;
use std::path::Path;
use std::process::Output;

use sea_orm::ConnectionTrait;
use tests::process::{cli_bin, std_command, texts};
use tests::{Backend, TempDir, TestDb, admin_connection, unique};

/// Where the planted URL is given.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    Flag,
    Env,
    File,
    DotEnv,
    PostgresVars,
    DotEnvPostgresVars,
    /// `--secret-file`: the RDS JSON (user-info form) or a whole URL (query form).
    SecretFile,
}

/// How the password sits in the URL.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Form {
    /// `user:password@host`.
    UserInfo,
    /// Query parameters: `password=` (the real one on PostgreSQL), `sslpassword=`,
    /// `app_secret=`, `passfile=`.
    Query,
}

/// A server to point at, and the credentials planted for it.
#[derive(Clone)]
struct Target {
    backend: Backend,
    port: u16,
    user: String,
    /// The real password; contains `token`.
    password: String,
    /// In every planted secret; must never be printed.
    token: String,
    db: String,
    db2: String,
    /// `--connect-timeout`.
    timeout: &'static str,
}

/// Percent-encodes every byte but ASCII letters and digits.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl Target {
    fn scheme(&self) -> &'static str {
        match self.backend {
            Backend::Postgres => "postgres",
            _ => "mysql",
        }
    }

    /// The URL of `db` with the secrets planted in `form`.
    fn url(&self, form: Form, db: &str) -> String {
        let t = &self.token;
        let (scheme, user, port) = (self.scheme(), enc(&self.user), self.port);
        let extra = format!("sslpassword=S{t}3&app_secret=S{t}4&passfile=S{t}5");
        match (form, self.backend) {
            (Form::UserInfo, _) => format!(
                "{scheme}://{user}:{}@127.0.0.1:{port}/{db}",
                enc(&self.password)
            ),
            // sqlx-postgres reads `password=`; sqlx-mysql ignores it, so the real one stays
            // in the user info there.
            (Form::Query, Backend::Postgres) => format!(
                "{scheme}://{user}@127.0.0.1:{port}/{db}?password={}&{extra}",
                enc(&self.password)
            ),
            (Form::Query, _) => format!(
                "{scheme}://{user}:{}@127.0.0.1:{port}/{db}?password=S{t}2&{extra}",
                enc(&self.password)
            ),
        }
    }

    /// Asserts that no planted secret is in the output.
    fn assert_clean(&self, output: &Output, what: &str) {
        let (out, err) = texts(output);
        for needle in [
            self.token.clone(),
            self.password.clone(),
            enc(&self.password),
        ] {
            assert!(
                !out.contains(&needle),
                "{what}: stdout leaks {needle}:\n{out}"
            );
            assert!(
                !err.contains(&needle),
                "{what}: stderr leaks {needle}:\n{err}"
            );
        }
    }
}

/// The command lines run for each configuration, in an order that leaves the database at base.
fn commands(versions: &Path) -> Vec<Vec<String>> {
    let versions = versions.display().to_string();
    let list: [&[&str]; 9] = [
        &["upgrade"],
        &["current", "--verbose"],
        &["history", "--indicate-current"],
        &["heads"],
        &["check"],
        &["revision", "--autogenerate", "-m", "scan"],
        &["stamp", "head"],
        &["downgrade", "base"],
        &["upgrade", "--sql"],
    ];
    list.iter()
        .map(|args| {
            let mut v = vec!["--versions-dir".to_string(), versions.clone()];
            v.extend(args.iter().map(|s| s.to_string()));
            v
        })
        .collect()
}

/// The two logging modes: `-vv` and `RUST_LOG=trace`, each with `--echo-sql`.
const MODES: [&str; 2] = ["-vv", "RUST_LOG=trace"];

/// A command in `dir` with `source` configured for `form` and logging `mode`.
fn configured(
    target: &Target,
    dir: &Path,
    source: Source,
    form: Form,
    mode: &str,
    args: &[String],
) -> std::process::Command {
    let mut cmd = std_command(&cli_bin(), dir);
    cmd.args(["--echo-sql", "--connect-timeout", target.timeout]);
    if mode == "-vv" {
        cmd.arg("-vv");
    } else {
        cmd.env("RUST_LOG", "trace");
    }
    let url = target.url(form, &target.db);
    let pg_vars = [
        ("POSTGRES_USER", target.user.clone()),
        ("POSTGRES_PASSWORD", target.password.clone()),
        ("POSTGRES_HOST", "127.0.0.1".to_string()),
        ("POSTGRES_PORT", target.port.to_string()),
        ("POSTGRES_DB", target.db.clone()),
    ];
    let _ = std::fs::remove_file(dir.join(".env"));
    match source {
        Source::Flag => {
            cmd.args(["--database-url", &url]);
        }
        Source::Env => {
            cmd.env("DATABASE_URL", &url);
        }
        Source::File => {
            let file = dir.join("url-secret");
            std::fs::write(&file, format!("{url}\n")).unwrap();
            cmd.env("DATABASE_URL_FILE", &file);
        }
        Source::DotEnv => {
            std::fs::write(dir.join(".env"), format!("DATABASE_URL='{url}'\n")).unwrap();
        }
        Source::PostgresVars => {
            cmd.envs(pg_vars);
        }
        Source::SecretFile => {
            let file = dir.join("local_secret_file.json");
            let text = match form {
                Form::UserInfo => serde_json::json!({
                    "engine": if target.backend == Backend::Postgres { "postgres" } else { "mysql" },
                    "host": "127.0.0.1", "port": target.port.to_string(),
                    "username": target.user, "password": target.password, "dbname": target.db,
                })
                .to_string(),
                Form::Query => url.clone(),
            };
            std::fs::write(&file, text).unwrap();
            cmd.arg("--secret-file").arg(&file);
        }
        Source::DotEnvPostgresVars => {
            let text: String = pg_vars
                .iter()
                .map(|(k, v)| format!("{k}='{v}'\n"))
                .collect();
            std::fs::write(dir.join(".env"), text).unwrap();
        }
    }
    cmd.args(args);
    cmd
}

fn sources(backend: Backend) -> Vec<(Source, Form)> {
    let mut out = Vec::new();
    for source in [
        Source::Flag,
        Source::Env,
        Source::File,
        Source::DotEnv,
        Source::SecretFile,
    ] {
        out.push((source, Form::UserInfo));
        out.push((source, Form::Query));
    }
    if backend == Backend::Postgres {
        out.push((Source::PostgresVars, Form::UserInfo));
        out.push((Source::DotEnvPostgresVars, Form::UserInfo));
    }
    out
}

/// Parallel lanes against the real server, each with its own two databases: the runs mostly
/// wait on the server, so lanes shorten the test without loading the machine.
const LANES: usize = 4;

/// Creates the role (PostgreSQL) or user (MariaDB) with the planted password, owning two
/// fresh databases per lane. Returns one target per lane and the databases (to be dropped
/// before the role).
async fn reachable(backend: Backend) -> (Vec<Target>, Vec<TestDb>) {
    let token = unique("tok").replace('_', "");
    let user: String = unique("scanuser").chars().take(32).collect();
    let password = format!("P@ss:{token}/1");
    let admin = admin_connection(backend).await.unwrap();
    let port = match backend {
        Backend::Postgres => {
            admin
                .execute_unprepared(&format!(
                    "CREATE ROLE \"{user}\" LOGIN PASSWORD '{password}'"
                ))
                .await
                .unwrap();
            5432
        }
        _ => {
            admin
                .execute_unprepared(&format!(
                    "CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'"
                ))
                .await
                .unwrap();
            3306
        }
    };
    let mut targets = Vec::new();
    let mut dbs = Vec::new();
    for _ in 0..LANES {
        let db = TestDb::new(backend, "scan").await;
        let db2 = TestDb::new(backend, "scan2").await;
        for name in [&db.name, &db2.name] {
            let grant = match backend {
                Backend::Postgres => format!("ALTER DATABASE \"{name}\" OWNER TO \"{user}\""),
                _ => format!("GRANT ALL ON `{name}`.* TO '{user}'@'%'"),
            };
            admin.execute_unprepared(&grant).await.unwrap();
        }
        targets.push(Target {
            backend,
            port,
            user: user.clone(),
            password: password.clone(),
            token: token.clone(),
            db: db.name.clone(),
            db2: db2.name.clone(),
            timeout: "5",
        });
        dbs.push(db);
        dbs.push(db2);
    }
    (targets, dbs)
}

async fn drop_user(backend: Backend, user: &str) {
    let admin = admin_connection(backend).await.unwrap();
    let sql = match backend {
        Backend::Postgres => format!("DROP ROLE \"{user}\""),
        _ => format!("DROP USER '{user}'@'%'"),
    };
    admin.execute_unprepared(&sql).await.unwrap();
}

/// One configuration (source, form, mode) through every command, in order; the number of runs.
fn scan_config(target: &Target, source: Source, form: Form, mode: &str) -> usize {
    let dir = TempDir::new();
    let versions = dir.path.join("versions");
    std::fs::create_dir(&versions).unwrap();
    let mut runs = 0;
    for args in commands(&versions) {
        let what = format!("{source:?}/{form:?}/{mode}: {}", args[2..].join(" "));
        let output = configured(target, &dir.path, source, form, mode, &args)
            .output()
            .unwrap();
        runs += 1;
        target.assert_clean(&output, &what);
        let (out, err) = texts(&output);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{what}\n--- stdout\n{out}\n--- stderr\n{err}"
        );
        if args[2] == "upgrade" && args.len() == 3 {
            // Proof that the run connected and logged what it executed.
            assert!(err.contains("CREATE TABLE"), "{what}: {err}");
        }
    }
    // The same database as a database tenant: its URL is rebuilt with the database replaced
    // (whatever the source, the same URL text: each form and mode once).
    let tenant_runs: &[&[&str]] = if source == Source::Flag {
        &[&["upgrade"], &["downgrade", "base"]]
    } else {
        &[]
    };
    for command in tenant_runs {
        let mut args = vec!["--versions-dir".to_string(), versions.display().to_string()];
        args.extend(command.iter().map(|s| s.to_string()));
        args.extend(["--tenant-kind", "database", "--tenants", &target.db].map(String::from));
        let what = format!("{source:?}/{form:?}/{mode}: {}", args[2..].join(" "));
        let output = configured(target, &dir.path, source, form, mode, &args)
            .output()
            .unwrap();
        runs += 1;
        target.assert_clean(&output, &what);
        let (out, err) = texts(&output);
        assert!(
            output.status.success() && out.contains(&format!("{}: ", target.db)),
            "{what}\n--- stdout\n{out}\n--- stderr\n{err}"
        );
    }
    let written = std::fs::read_dir(&versions).unwrap().count();
    assert_eq!(written, 0, "in sync: no revision written");
    runs
}

/// `diff` and `diff --sql` with both URLs planted; the number of runs.
fn scan_diff(target: &Target, form: Form, mode: &str) -> usize {
    for sql in [false, true] {
        let dir = TempDir::new();
        let mut cmd = configured(target, &dir.path, Source::Flag, form, mode, &[]);
        let from = target.url(form, &target.db);
        let to = target.url(form, &target.db2);
        cmd.args(["diff", "--from", &from, "--to", &to]);
        if sql {
            cmd.arg("--sql");
        }
        let output = cmd.output().unwrap();
        let what = format!("diff {form:?}/{mode}/sql={sql}");
        target.assert_clean(&output, &what);
        let (_, err) = texts(&output);
        assert!(matches!(output.status.code(), Some(0 | 1)), "{what}: {err}");
    }
    2
}

/// Every source, form, command and mode against the real server: each run succeeds (or, for
/// `diff`, reports a difference), and none prints the password.
async fn reachable_server(backend: Backend) {
    let (targets, dbs) = reachable(backend).await;
    let mut configs: Vec<(Option<Source>, Form, &str)> = Vec::new();
    for (source, form) in sources(backend) {
        for mode in MODES {
            configs.push((Some(source), form, mode));
        }
    }
    for form in [Form::UserInfo, Form::Query] {
        for mode in MODES {
            configs.push((None, form, mode));
        }
    }
    let runs: usize = std::thread::scope(|scope| {
        let lanes: Vec<_> = targets
            .iter()
            .enumerate()
            .map(|(lane, target)| {
                let mine: Vec<_> = configs.iter().skip(lane).step_by(LANES).copied().collect();
                scope.spawn(move || {
                    mine.into_iter()
                        .map(|(source, form, mode)| match source {
                            Some(source) => scan_config(target, source, form, mode),
                            None => scan_diff(target, form, mode),
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        lanes.into_iter().map(|l| l.join().unwrap()).sum()
    });
    eprintln!("{backend:?}: {runs} runs against the real server, no password printed");
    assert!(runs >= 150, "{runs}");
    let user = targets[0].user.clone();
    drop(dbs);
    drop_user(backend, &user).await;
}

/// A port nothing listens on (bound, then closed).
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// The same matrix against a closed port: every command that connects fails with one
/// `cannot connect` line, and none prints the password. Runs in parallel: each one waits for
/// its connect timeout.
fn unreachable_server(backend: Backend) {
    let token = unique("tok").replace('_', "");
    let target = Target {
        backend,
        port: closed_port(),
        user: "scanner".into(),
        password: format!("P@ss:{token}/1"),
        token,
        db: "scan".into(),
        db2: "scan2".into(),
        timeout: "1",
    };
    // (description, offline, command, its working directory)
    let mut jobs = Vec::new();
    for (source, form) in sources(backend) {
        for mode in MODES {
            for i in 0..commands(Path::new("versions")).len() {
                // One directory per run: each writes its own `.env` or URL file.
                let dir = TempDir::new();
                let versions = dir.path.join("versions");
                std::fs::create_dir(&versions).unwrap();
                let args = commands(&versions).swap_remove(i);
                // `heads` and offline `--sql` need no server.
                let offline = args[2] == "heads" || args.iter().any(|a| a == "--sql");
                let what = format!("{source:?}/{form:?}/{mode}: {}", args[2..].join(" "));
                let cmd = configured(&target, &dir.path, source, form, mode, &args);
                jobs.push((what, offline, cmd, dir));
            }
        }
    }
    for form in [Form::UserInfo, Form::Query] {
        for mode in MODES {
            let dir = TempDir::new();
            let mut cmd = configured(&target, &dir.path, Source::Flag, form, mode, &[]);
            let from = target.url(form, &target.db);
            let to = target.url(form, &target.db2);
            cmd.args(["diff", "--from", &from, "--to", &to]);
            jobs.push((format!("diff {form:?}/{mode}"), false, cmd, dir));
        }
    }
    let runs = jobs.len();
    // Batches: each run sleeps through its connect timeout, so many can wait at once.
    while !jobs.is_empty() {
        let batch: Vec<_> = jobs.drain(..jobs.len().min(40)).collect();
        let children: Vec<_> = batch
            .into_iter()
            .map(|(what, offline, mut cmd, dir)| {
                let child = cmd
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap();
                (what, offline, child, dir)
            })
            .collect();
        finish(&target, children);
    }
    eprintln!("{backend:?}: {runs} runs against a closed port, no password printed");
    assert!(runs >= 140, "{runs}");
}

fn finish(target: &Target, jobs: Vec<(String, bool, std::process::Child, TempDir)>) {
    for (what, offline, child, _dir) in jobs {
        let output = child.wait_with_output().unwrap();
        target.assert_clean(&output, &what);
        let (_, err) = texts(&output);
        if offline {
            assert_eq!(output.status.code(), Some(0), "{what}: {err}");
        } else {
            assert_eq!(output.status.code(), Some(2), "{what}: {err}");
            let last = err.lines().last().unwrap_or_default();
            assert!(
                last.starts_with("error: cannot connect to "),
                "{what}: {err}"
            );
        }
    }
}

#[tokio::test]
async fn postgres_reachable() {
    reachable_server(Backend::Postgres).await;
}

#[tokio::test]
async fn mysql_reachable() {
    reachable_server(Backend::MySql).await;
}

#[test]
fn postgres_unreachable() {
    unreachable_server(Backend::Postgres);
}

#[test]
fn mysql_unreachable() {
    unreachable_server(Backend::MySql);
}
