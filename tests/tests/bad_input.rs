//! Bad input, table-driven: each case runs the `cli` binary (or the fixture binary, for
//! revision graphs the real migrations lack) in its own empty working directory and must exit
//! with code 2 and exactly one stderr line, starting `error:`, that names the thing (variable,
//! flag, file, revision). Nothing may be written: the working directory holds what the case put
//! there and nothing else (no `autogen.db`), and a database the case points at is byte-for-byte
//! unchanged. Then the two inputs that must not fail: a `-m` message with bidi controls, and a
//! closed stdout.
//!
//! Needs the `cli` binary: see `tests::process` (`cargo nextest run --workspace` builds it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use sea_orm::{ConnectionTrait, Database};
use tests::process::{cli_bin, command, one_line_error, std_command, success, texts};
use tests::{Backend, TempDir, TestDb};

const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

/// The database a case points `DATABASE_URL` at (a SQLite file outside the working directory).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Db {
    /// No database: the case configures its own URL (or none).
    None,
    /// An empty SQLite file.
    Empty,
    /// Migrated to head by the real migrations.
    AtHead,
    /// A version table with a row in an unknown state.
    UnknownState,
    /// A version table without its `checksum` and `state` columns.
    MissingColumns,
    /// At the fixture graph's base revision `a1b2c3d4e5f6`.
    FixtureBase,
}

/// One bad input.
struct Case {
    name: &'static str,
    fixture: bool,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
    /// Files put in the working directory first (a name ending in `/` is a directory).
    files: Vec<(&'static str, Vec<u8>)>,
    db: Db,
    /// A directory `ro/` in the working directory that nobody may write, root included.
    read_only_dir: bool,
    needles: Vec<String>,
}

fn case(name: &'static str, args: &[&str], env: &[(&'static str, &str)], needles: &[&str]) -> Case {
    Case {
        name,
        fixture: false,
        args: args.iter().map(|s| s.to_string()).collect(),
        env: env.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        files: Vec::new(),
        db: Db::None,
        read_only_dir: false,
        needles: needles.iter().map(|s| s.to_string()).collect(),
    }
}

impl Case {
    fn file(mut self, name: &'static str, content: &[u8]) -> Self {
        self.files.push((name, content.to_vec()));
        self
    }

    fn db(mut self, db: Db) -> Self {
        self.db = db;
        self
    }

    fn fixture(mut self) -> Self {
        self.fixture = true;
        self
    }

    fn read_only(mut self) -> Self {
        self.read_only_dir = true;
        self
    }
}

/// `current` with `DATABASE_URL` set to `url`.
fn url_case(name: &'static str, url: &str, needles: &[&str]) -> Case {
    case(name, &["current"], &[("DATABASE_URL", url)], needles)
}

/// `current` with these `POSTGRES_*` variables.
fn pg_case(name: &'static str, env: &[(&'static str, &str)], needles: &[&str]) -> Case {
    case(name, &["current"], env, needles)
}

const FULL_PG: [(&str, &str); 3] = [
    ("POSTGRES_USER", "app"),
    ("POSTGRES_HOST", "127.0.0.1"),
    ("POSTGRES_DB", "app"),
];

fn with_pg(extra: (&'static str, &'static str)) -> Vec<(&'static str, &'static str)> {
    let mut v: Vec<_> = FULL_PG
        .iter()
        .filter(|(k, _)| *k != extra.0)
        .copied()
        .collect();
    v.push(extra);
    v
}

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    let incomplete = "incomplete database URL from DATABASE_URL";
    vec![
        // URLs of every shape.
        url_case("mysql without database", "mysql://root@127.0.0.1:3306", &[incomplete, "no database name"]),
        url_case("mysql with bare slash", "mysql://root@127.0.0.1:3306/", &[incomplete, "no database name"]),
        url_case("mariadb without database", "mariadb://root@127.0.0.1:3306", &[incomplete, "no database name"]),
        url_case("upper-case scheme without database", "POSTGRES://u@127.0.0.1", &[incomplete, "no database name"]),
        url_case("whitespace around a URL without database", "  mysql://root@127.0.0.1:3306 \n", &[incomplete, "no database name"]),
        url_case("empty sqlite path", "sqlite://", &[incomplete, "no database file"]),
        url_case("sqlite: alone", "sqlite:", &[incomplete, "no database file"]),
        url_case("upper-case empty sqlite path", "SQLITE://?mode=rwc", &[incomplete, "no database file"]),
        url_case("no host", "postgres://u@/db", &["malformed database URL from DATABASE_URL", "empty host"]),
        url_case("unknown scheme", "oracle://u@h/db", &["unsupported database URL scheme 'oracle' from DATABASE_URL"]),
        url_case("http scheme", "http://h/db", &["unsupported database URL scheme 'http'"]),
        url_case("port out of range", "postgres://u@127.0.0.1:99999/db", &["malformed database URL from DATABASE_URL", "invalid port number"]),
        url_case("port not a number", "mysql://u@127.0.0.1:port/db", &["malformed database URL from DATABASE_URL", "invalid port number"]),
        url_case("unclosed IPv6 host", "postgres://u@[::1/db", &["malformed database URL", "invalid IPv6 address"]),
        url_case("not a URL", "localhost/db", &["malformed database URL from DATABASE_URL", "relative URL without a base"]),
        url_case("empty DATABASE_URL", "", &["DATABASE_URL is set but empty"]),
        url_case("whitespace DATABASE_URL", " \t\n", &["DATABASE_URL is set but empty"]),
        url_case("byte-order mark only", "\u{feff}", &["DATABASE_URL is set but empty"]),
        case("empty flag", &["--database-url", "", "current"], &[], &["--database-url is set but empty"]),
        case("whitespace flag", &["--database-url", "  ", "upgrade"], &[], &["--database-url is set but empty"]),
        case("flag without database", &["--database-url", "postgres://u@127.0.0.1:5432", "upgrade"], &[], &["incomplete database URL from --database-url"]),
        case("diff --from empty sqlite", &["diff", "--from", "sqlite://", "--to", "sqlite::memory:"], &[], &["from --from", "no database file"]),
        case("diff --to empty", &["diff", "--from", "sqlite::memory:", "--to", ""], &[], &["--to is set but empty"]),
        // Empty and partial configuration.
        case("empty DATABASE_URL beside a URL file", &["current"], &[("DATABASE_URL", ""), ("DATABASE_URL_FILE", "{dir}/url")], &["DATABASE_URL is set but empty"]).file("url", b"sqlite://x.db?mode=rwc"),
        case("empty DATABASE_URL_FILE", &["current"], &[("DATABASE_URL_FILE", "")], &["DATABASE_URL_FILE is set but empty"]),
        case("missing URL file", &["current"], &[("DATABASE_URL_FILE", "{dir}/nope")], &["cannot read DATABASE_URL_FILE {dir}/nope", "No such file"]),
        case("URL file is a directory", &["current"], &[("DATABASE_URL_FILE", "{dir}/sub")], &["cannot read DATABASE_URL_FILE {dir}/sub", "directory"]).file("sub/", b""),
        case("empty URL file", &["current"], &[("DATABASE_URL_FILE", "{dir}/url")], &["DATABASE_URL_FILE {dir}/url is empty"]).file("url", b""),
        case("URL file with only a BOM and newline", &["current"], &[("DATABASE_URL_FILE", "{dir}/url")], &["DATABASE_URL_FILE {dir}/url is empty"]).file("url", "\u{feff}\r\n".as_bytes()),
        case("URL file without database", &["current"], &[("DATABASE_URL_FILE", "{dir}/url")], &["incomplete database URL from DATABASE_URL_FILE", "no database name"]).file("url", "\u{feff}mysql://root@127.0.0.1:3306\n".as_bytes()),
        case("URL file not UTF-8", &["current"], &[("DATABASE_URL_FILE", "{dir}/url")], &["cannot read DATABASE_URL_FILE {dir}/url", "UTF-8"]).file("url", b"sqlite://\xff\xfe.db"),
        case(".env with empty DATABASE_URL", &["upgrade"], &[], &["DATABASE_URL is set but empty in .env file {dir}/.env"]).file(".env", b"DATABASE_URL=\n"),
        case(".env with empty sqlite path", &["upgrade"], &[], &["incomplete database URL from .env file", "no database file"]).file(".env", b"DATABASE_URL=sqlite://\n"),
        case(".env with only a password", &["upgrade"], &[], &["incomplete POSTGRES_* variables in .env file {dir}/.env", "POSTGRES_USER, POSTGRES_HOST, POSTGRES_DB missing"]).file(".env", b"POSTGRES_PASSWORD=hunter2\n"),
        case("malformed .env", &["upgrade"], &[], &["cannot parse .env file {dir}/.env", "line 2"]).file(".env", b"A=1\nDATABASE_URL=\"postgres://u@h/db\n"),
        case(".env is a directory", &["upgrade"], &[], &["cannot read .env file {dir}/.env"]).file(".env/", b""),
        pg_case("only POSTGRES_PASSWORD", &[("POSTGRES_PASSWORD", "x")], &["POSTGRES_PASSWORD set", "POSTGRES_USER, POSTGRES_HOST, POSTGRES_DB missing"]),
        pg_case("only POSTGRES_USER", &[("POSTGRES_USER", "app")], &["POSTGRES_HOST, POSTGRES_DB missing"]),
        pg_case("no POSTGRES_DB", &[("POSTGRES_USER", "app"), ("POSTGRES_HOST", "h")], &["but POSTGRES_DB missing"]),
        pg_case("only POSTGRES_PORT", &[("POSTGRES_PORT", "5432")], &["POSTGRES_PORT set", "POSTGRES_USER, POSTGRES_HOST, POSTGRES_DB missing"]),
        pg_case("empty POSTGRES_DB", &with_pg(("POSTGRES_DB", "")), &["POSTGRES_DB is set but empty"]),
        pg_case("empty POSTGRES_PASSWORD", &with_pg(("POSTGRES_PASSWORD", "")), &["POSTGRES_PASSWORD is set but empty"]),
        pg_case("host with a slash", &with_pg(("POSTGRES_HOST", "127.0.0.1/evil")), &["POSTGRES_HOST", "'127.0.0.1/evil'"]),
        pg_case("host with a question mark", &with_pg(("POSTGRES_HOST", "h?sslmode=disable")), &["POSTGRES_HOST", "'h?sslmode=disable'"]),
        pg_case("host with a hash", &with_pg(("POSTGRES_HOST", "h#x")), &["POSTGRES_HOST", "'h#x'"]),
        pg_case("host with an at sign", &with_pg(("POSTGRES_HOST", "u@h")), &["POSTGRES_HOST", "'u@h'"]),
        pg_case("port zero", &with_pg(("POSTGRES_PORT", "0")), &["POSTGRES_PORT", "got '0'"]),
        pg_case("port too large", &with_pg(("POSTGRES_PORT", "65536")), &["POSTGRES_PORT", "got '65536'"]),
        pg_case("port not a number", &with_pg(("POSTGRES_PORT", "54x2")), &["POSTGRES_PORT", "got '54x2'"]),
        // Durations.
        case("connect timeout zero", &["--connect-timeout", "0", "current"], &[], &["--connect-timeout", "'0'", "at least 1 second"]),
        case("connect timeout overflow", &["--connect-timeout", "9223372036854775807", "current"], &[], &["--connect-timeout", "at most 86400"]),
        case("lock timeout overflow", &["--lock-timeout", "9223372036854775807", "upgrade"], &[], &["--lock-timeout", "at most 86400"]),
        case("statement timeout overflow", &["--statement-timeout", "9223372036854775807", "upgrade"], &[], &["--statement-timeout", "at most 86400"]),
        case("lock timeout beyond u64", &["--lock-timeout", "18446744073709551616", "upgrade"], &[], &["--lock-timeout", "whole number of seconds"]),
        case("lock timeout a day and a second", &["--lock-timeout", "86401", "upgrade"], &[], &["--lock-timeout", "'86401'"]),
        case("statement timeout zero", &["--statement-timeout", "0", "upgrade"], &[], &["--statement-timeout", "unset for no limit"]),
        case("negative lock timeout", &["--lock-timeout", "-1", "upgrade"], &[], &["--lock-timeout", "'-1'"]),
        case("fractional lock timeout", &["--lock-timeout", "1.5", "upgrade"], &[], &["--lock-timeout", "'1.5'"]),
        case("word as connect timeout", &["--connect-timeout", "ten", "upgrade"], &[], &["--connect-timeout", "'ten'"]),
        case("connect timeout zero from the environment", &["current"], &[("AUTOGEN_CONNECT_TIMEOUT", "0")], &["--connect-timeout", "from AUTOGEN_CONNECT_TIMEOUT"]),
        case("statement timeout overflow from the environment", &["upgrade"], &[("AUTOGEN_STATEMENT_TIMEOUT", "9223372036854775807")], &["--statement-timeout", "from AUTOGEN_STATEMENT_TIMEOUT"]),
        case("empty lock timeout variable", &["upgrade"], &[("AUTOGEN_LOCK_TIMEOUT", "")], &["AUTOGEN_LOCK_TIMEOUT is set but empty"]),
        // Unknown and ambiguous revisions, two heads.
        case("upgrade to an unknown revision", &["upgrade", "zzzz"], &[], &["revision 'zzzz' not found"]).db(Db::AtHead),
        case("downgrade to an unknown revision", &["downgrade", "zzzz"], &[], &["revision 'zzzz' not found"]).db(Db::AtHead),
        case("stamp an unknown revision", &["stamp", "zzzz"], &[], &["revision 'zzzz' not found"]).db(Db::AtHead),
        case("show an unknown revision", &["show", "zzzz"], &[], &["revision 'zzzz' not found"]),
        case("history from an unknown revision", &["history", "-r", "zzzz:head"], &[], &["revision 'zzzz' not found"]),
        case("offline SQL from an unknown revision", &["upgrade", "--sql", "zzzz:head"], &[("DATABASE_URL", "sqlite://x.db")], &["revision 'zzzz' not found"]),
        case("revision on an unknown head", &["revision", "-m", "x", "--head", "zzzz", "--versions-dir", "{dir}"], &[], &["revision 'zzzz' not found"]),
        case("ambiguous prefix to show", &["show", "a1b2c3"], &[], &["prefix 'a1b2c3' is ambiguous", "a1b2c3aaaaaa", "a1b2c3bbbbbb"]).fixture(),
        case("ambiguous prefix to upgrade", &["upgrade", "a1b2c3"], &[], &["prefix 'a1b2c3' is ambiguous"]).fixture().db(Db::FixtureBase),
        case("upgrade head with two heads", &["upgrade"], &[], &["multiple heads", "a1b2c3aaaaaa", "a1b2c3bbbbbb"]).fixture().db(Db::FixtureBase),
        // A fresh database gets no version table (and no lock file) from a bad target.
        case("upgrade a fresh database to an unknown revision", &["upgrade", "zzzz"], &[], &["revision 'zzzz' not found"]).db(Db::Empty),
        case("downgrade a fresh database to an unknown revision", &["downgrade", "zzzz"], &[], &["revision 'zzzz' not found"]).db(Db::Empty),
        case("stamp a fresh database with an unknown revision", &["stamp", "zzzz"], &[], &["revision 'zzzz' not found"]).db(Db::Empty),
        case("upgrade a fresh database with two heads", &["upgrade"], &[], &["multiple heads"]).fixture().db(Db::Empty),
        case("upgrade a fresh database to an ambiguous prefix", &["upgrade", "a1b2c3"], &[], &["prefix 'a1b2c3' is ambiguous"]).fixture().db(Db::Empty),
        case("revision on two heads", &["revision", "-m", "x", "--versions-dir", "{dir}"], &[], &["multiple heads", "a1b2c3aaaaaa"]).fixture(),
        case("merge into a missing directory", &["merge", "-m", "m", "--versions-dir", "{dir}/nope"], &[], &["versions directory {dir}/nope not found"]).fixture(),
        case("downgrade --sql without a range", &["downgrade", "--sql", "base"], &[("DATABASE_URL", "sqlite://x.db")], &["needs a range", "'base'"]),
        case("revision id with a space", &["revision", "-m", "x", "--rev-id", "bad id", "--versions-dir", "{dir}"], &[], &["revision id 'bad id'"]),
        case("revision id that exists", &["revision", "-m", "x", "--rev-id", "680c9dba15ef", "--versions-dir", "{dir}"], &[], &["revision id '680c9dba15ef' already exists"]),
        // A damaged version table.
        case("unknown state, current", &["current"], &[], &["autogen_version", "unknown state 'bogus'"]).db(Db::UnknownState),
        case("unknown state, upgrade", &["upgrade"], &[], &["autogen_version", "unknown state 'bogus'"]).db(Db::UnknownState),
        case("unknown state, stamp", &["stamp", "head"], &[], &["autogen_version", "unknown state 'bogus'"]).db(Db::UnknownState),
        case("missing columns, current", &["current"], &[], &["autogen_version", "no such column"]).db(Db::MissingColumns),
        case("missing columns, upgrade", &["upgrade"], &[], &["autogen_version", "no such column"]).db(Db::MissingColumns),
        case("missing columns, downgrade", &["downgrade", "base"], &[], &["autogen_version", "no such column"]).db(Db::MissingColumns),
        // Read-only and missing versions directories.
        case("revision into a missing directory", &["revision", "-m", "x", "--versions-dir", "{dir}/nope"], &[], &["versions directory {dir}/nope not found", "--versions-dir"]),
        case("revision into a file", &["revision", "-m", "x", "--versions-dir", "{dir}/afile"], &[], &["versions directory {dir}/afile not found"]).file("afile", b"not a directory"),
        case("revision into a read-only directory", &["revision", "-m", "x", "--rev-id", "0000000000aa", "--versions-dir", "{dir}/ro"], &[], &["cannot write {dir}/ro/0000000000aa_x.rs"]).read_only(),
        case("autogenerate into a missing directory", &["revision", "--autogenerate", "-m", "x", "--versions-dir", "{dir}/nope"], &[], &["versions directory {dir}/nope not found"]).db(Db::Empty),
    ]
}

/// Every path under `dir` with a hash of its contents (directories as 0), the SQLite lock file
/// included: a bad target is refused before the lock is taken.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, u64> {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    let hash = |bytes: &[u8]| BuildHasherDefault::<DefaultHasher>::default().hash_one(bytes);
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        for entry in std::fs::read_dir(&path).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.insert(path.clone(), 0);
                stack.push(path);
            } else {
                out.insert(path.clone(), hash(&std::fs::read(&path).unwrap()));
            }
        }
    }
    out
}

/// Makes `dir` unwritable even for root (`chattr +i`), and undoes it on drop.
struct Immutable(PathBuf);

impl Immutable {
    fn new(dir: &Path) -> Immutable {
        std::fs::create_dir(dir).unwrap();
        let mut perms = std::fs::metadata(dir).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
        std::fs::set_permissions(dir, perms).unwrap();
        // Root writes through mode 555; the immutable flag stops it too.
        let _ = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .status();
        let probe = dir.join("probe");
        assert!(
            std::fs::write(&probe, "x").is_err(),
            "cannot make {} read-only here",
            dir.display()
        );
        Immutable(dir.to_path_buf())
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
        let mut perms = std::fs::metadata(&self.0).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        let _ = std::fs::set_permissions(&self.0, perms);
    }
}

/// Runs `sql` on the database at `url`, by hand (the damage a case starts from).
async fn damage(url: &str, sql: &[&str]) {
    let conn = Database::connect(url).await.unwrap();
    for statement in sql {
        conn.execute_unprepared(statement).await.unwrap();
    }
    conn.close().await.unwrap();
}

/// A SQLite database in the state `db` asks for.
async fn prepare(db: Db) -> Option<TestDb> {
    if db == Db::None {
        return None;
    }
    let test_db = TestDb::new(Backend::Sqlite, "badinput").await;
    // Creates the file; closed before any run, so that the file is settled when compared.
    Database::connect(&test_db.url)
        .await
        .unwrap()
        .close()
        .await
        .unwrap();
    match db {
        Db::None | Db::Empty => {}
        Db::AtHead | Db::UnknownState => {
            let dir = TempDir::new();
            success(
                &tests::process::cli(&dir.path)
                    .args(["-q", "upgrade"])
                    .env("DATABASE_URL", &test_db.url)
                    .output()
                    .unwrap(),
            );
            if db == Db::UnknownState {
                damage(
                    &test_db.url,
                    &["UPDATE autogen_version SET state = 'bogus' WHERE revision = '75a0c80e6bb5'"],
                )
                .await;
            }
        }
        Db::FixtureBase => {
            let dir = TempDir::new();
            success(
                &command(Path::new(FIXTURE), &dir.path)
                    .args(["-q", "upgrade", "a1b2c3d4e5f6"])
                    .env("DATABASE_URL", &test_db.url)
                    .output()
                    .unwrap(),
            );
        }
        Db::MissingColumns => {
            damage(
                &test_db.url,
                &[
                    "CREATE TABLE autogen_version (seq integer PRIMARY KEY, revision varchar(64))",
                    "INSERT INTO autogen_version (revision) VALUES ('75a0c80e6bb5')",
                ],
            )
            .await;
        }
    }
    Some(test_db)
}

#[tokio::test]
async fn bad_input_is_one_named_error_and_writes_nothing() {
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let dir = TempDir::new();
        let d = dir.path.display().to_string();
        let fill = |s: &str| s.replace("{dir}", &d);
        for (name, content) in &case.files {
            match name.strip_suffix('/') {
                Some(sub) => std::fs::create_dir(dir.path.join(sub)).unwrap(),
                None => std::fs::write(dir.path.join(name), content).unwrap(),
            }
        }
        let _read_only = case
            .read_only_dir
            .then(|| Immutable::new(&dir.path.join("ro")));
        let db = prepare(case.db).await;
        let db_files = db.as_ref().map(|db| {
            let file = PathBuf::from(&db.name);
            snapshot(file.parent().unwrap())
        });
        let before = snapshot(&dir.path);

        let program = if case.fixture {
            PathBuf::from(FIXTURE)
        } else {
            cli_bin()
        };
        let mut cmd = command(&program, &dir.path);
        cmd.args(case.args.iter().map(|a| fill(a)));
        if let Some(db) = &db {
            cmd.env("DATABASE_URL", &db.url);
        }
        for (k, v) in &case.env {
            cmd.env(k, fill(v));
        }
        let output = cmd.output().unwrap();
        let needles: Vec<String> = case.needles.iter().map(|n| fill(n)).collect();
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        let checked = std::panic::catch_unwind(|| one_line_error(&output, &needles));
        match checked {
            Ok(line) => eprintln!("{:<48} {line}", case.name),
            Err(_) => failures.push(case.name),
        }
        assert_eq!(snapshot(&dir.path), before, "{}: files written", case.name);
        if let (Some(db), Some(files)) = (&db, db_files) {
            let file = PathBuf::from(&db.name);
            assert_eq!(
                snapshot(file.parent().unwrap()),
                files,
                "{}: database changed",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "failed cases: {failures:?}");
    eprintln!(
        "{} bad inputs: exit 2, one named error line, nothing written",
        cases.len()
    );
}

/// A `-m` message with bidi controls (U+202E and friends) writes a file without them, which
/// rustfmt parses (rustc rejects such code points in comments and literals: CVE-2021-42574).
#[test]
fn bidi_message_writes_a_clean_file() {
    let dir = TempDir::new();
    let message = "add \u{202e}redro\u{202c} table\u{2066} x\u{2069}\u{200f}\r";
    let output = tests::process::cli(&dir.path)
        .args([
            "revision",
            "--rev-id",
            "b1d100000001",
            "-m",
            message,
            "--versions-dir",
        ])
        .arg(&dir.path)
        .output()
        .unwrap();
    let out = success(&output);
    let file = dir.path.join("b1d100000001_add_redro_table_x.rs");
    assert_eq!(out, format!("Generated {}\n", file.display()));
    let source = std::fs::read_to_string(&file).unwrap();
    let unsafe_chars: Vec<char> = source
        .chars()
        .filter(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\r'))
        .collect();
    assert!(unsafe_chars.is_empty(), "{unsafe_chars:?} in\n{source}");
    assert!(
        source.contains("message: \"add redro table x\","),
        "{source}"
    );
    assert!(source.starts_with("//! add redro table x\n"), "{source}");
    let parsed = std::process::Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stdout)
    );
    // `history` shows the message without the controls too.
    let shown = tests::process::cli(&dir.path)
        .arg("show")
        .arg("head")
        .output()
        .unwrap();
    assert!(!texts(&shown).0.contains('\u{202e}'));
}

/// `history --verbose | head -3` ends quietly: the three lines, no panic, exit 0.
#[test]
fn closed_stdout_ends_quietly() {
    let dir = TempDir::new();
    let bin = cli_bin();
    let script = format!("{} history --verbose | head -3", bin.display());
    let output = std_command(Path::new("sh"), &dir.path)
        .args(["-c", &script])
        .output()
        .unwrap();
    let (out, err) = texts(&output);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert_eq!(err, "", "stderr");
    assert!(output.status.success());
    // A reader that is gone before the first byte: every write fails with EPIPE.
    for args in [
        &["history", "--verbose"][..],
        &["heads"],
        &["show", "head"],
        &["upgrade", "--sql"],
        &["upgrade"],
        &["current"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let url = format!("sqlite://{}/pipe.db?mode=rwc", dir.path.display());
        let output = std_command(&bin, &dir.path)
            .args(args)
            .env("DATABASE_URL", &url)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let (_, err) = texts(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("error"),
            "{args:?}: {err}"
        );
    }
}
