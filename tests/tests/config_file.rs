//! `autogen.toml` through the `cli` binary: found walking up or named by `-c`/`AUTOGEN_CONFIG`;
//! flag > environment > file > default for the URL (table-driven); the versions directory,
//! exclude patterns and post-write hooks it sets; a bad file is one line naming file, line and
//! key, with exit 2.
//!
//! Needs the `cli` binary: see `tests::process`.

use std::path::Path;

use tests::TempDir;
use tests::process::{cli, one_line_error, success, texts};

/// The URL source and URL `cli -v upgrade --sql` logs in `dir` with `env` and `args`.
fn resolved(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let mut cmd = cli(dir);
    cmd.arg("-v").args(args).args(["upgrade", "--sql"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().unwrap();
    success(&output);
    let (_, err) = texts(&output);
    let line = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("DEBUG database URL from "))
        .unwrap_or_else(|| panic!("no resolution log line in:\n{err}"));
    let (source, url) = line.split_once(": ").expect("source: url");
    (source.to_string(), url.to_string())
}

/// A precedence case: config file, environment, flag, expected source, expected URL.
type UrlCase<'a> = (
    &'a str,
    &'a [(&'a str, &'a str)],
    Option<&'a str>,
    &'a str,
    String,
);

#[test]
fn url_precedence_flag_environment_file_default() {
    let tmp = TempDir::new();
    let root = &tmp.path;
    let sub = root.join("entity");
    std::fs::create_dir_all(&sub).unwrap();
    let r = root.display().to_string();
    let named = "url_var = \"DB_DATABASE_URL\"\ndefault_url = \"sqlite://data/app.db?mode=rwc\"\n";
    let plain = "default_url = \"sqlite://data/app.db?mode=rwc\"\n";
    let cases: &[UrlCase] = &[
        (
            "",
            &[],
            None,
            "the embedded SQLite default",
            format!("sqlite://{r}/autogen.db?mode=rwc"),
        ),
        (
            plain,
            &[],
            None,
            "default_url of autogen.toml",
            format!("sqlite://{r}/data/app.db?mode=rwc"),
        ),
        (
            plain,
            &[("DATABASE_URL", "mysql://u@env/db")],
            None,
            "DATABASE_URL",
            "mysql://u@env/db".into(),
        ),
        (
            named,
            &[("DATABASE_URL", "mysql://u@env/db")],
            None,
            "DATABASE_URL",
            "mysql://u@env/db".into(),
        ),
        (
            named,
            &[
                ("DATABASE_URL", "mysql://u@env/db"),
                ("DB_DATABASE_URL", "postgres://u@named/db"),
            ],
            None,
            "the url_var variable of autogen.toml",
            "postgres://u@named/db".into(),
        ),
        (
            named,
            &[("DB_DATABASE_URL", "postgres://u@named/db")],
            Some("mysql://u@flag/db"),
            "--database-url",
            "mysql://u@flag/db".into(),
        ),
        (
            named,
            &[],
            None,
            "default_url of autogen.toml",
            format!("sqlite://{r}/data/app.db?mode=rwc"),
        ),
    ];
    for (file, env, flag, source, url) in cases {
        std::fs::write(root.join("autogen.toml"), file).unwrap();
        let mut args = Vec::new();
        if let Some(flag) = flag {
            args.extend(["--database-url", flag]);
        }
        assert_eq!(
            resolved(&sub, env, &args),
            (source.to_string(), url.clone()),
            "file {file:?}, env {env:?}, flag {flag:?}"
        );
    }
}

#[test]
fn named_config_file_is_the_root() {
    let tmp = TempDir::new();
    let conf = tmp.path.join("conf");
    std::fs::create_dir_all(conf.join("revs")).unwrap();
    std::fs::write(conf.join("other.toml"), "versions_dir = \"revs\"\n").unwrap();
    let elsewhere = tmp.path.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    for how in ["flag", "env"] {
        let id = if how == "flag" {
            "0000000000f1"
        } else {
            "0000000000e1"
        };
        let mut cmd = cli(&elsewhere);
        if how == "flag" {
            cmd.args(["-c", "../conf/other.toml"]);
        } else {
            cmd.env("AUTOGEN_CONFIG", conf.join("other.toml"));
        }
        success(
            &cmd.args(["revision", "-m", how, "--rev-id", id])
                .output()
                .unwrap(),
        );
        assert!(conf.join(format!("revs/{id}_{how}.rs")).exists(), "{how}");
    }
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn post_write_hooks_run_on_the_new_file() {
    let tmp = TempDir::new();
    let root = &tmp.path;
    std::fs::create_dir_all(root.join("v")).unwrap();
    std::fs::write(
        root.join("autogen.toml"),
        "versions_dir = \"v\"\npost_write_hooks = [[\"cp\", \"{file}\", \"copied.rs\"], [\"rustfmt\", \"--edition\", \"2024\", \"--check\", \"{file}\"]]\n",
    )
    .unwrap();
    success(
        &cli(root)
            .args(["revision", "-m", "hooked", "--rev-id", "00000000000h"])
            .output()
            .unwrap(),
    );
    let written = std::fs::read_to_string(root.join("v/00000000000h_hooked.rs")).unwrap();
    assert_eq!(
        std::fs::read_to_string(root.join("copied.rs")).unwrap(),
        written
    );

    std::fs::write(
        root.join("autogen.toml"),
        "versions_dir = \"v\"\npost_write_hooks = [[\"false\", \"{file}\"]]\n",
    )
    .unwrap();
    one_line_error(
        &cli(root)
            .args(["revision", "-m", "failing", "--rev-id", "00000000000i"])
            .output()
            .unwrap(),
        &[
            "post-write hook `false {file}` failed on",
            "00000000000i_failing.rs",
        ],
    );
}

#[test]
fn bad_config_is_one_line_naming_file_line_and_key() {
    let tmp = TempDir::new();
    let path = tmp.path.join("autogen.toml");
    let shown = path.display().to_string();
    for (text, expected) in [
        (
            "lock_timeout = 5\nversoins_dir = \"x\"\n",
            format!("{shown}:2: unknown field `versoins_dir`"),
        ),
        (
            "\nlock_timeout = \"soon\"\n",
            format!("{shown}:2: key `lock_timeout`: invalid type"),
        ),
        (
            "exclude_tables = \"a\"\n",
            format!("{shown}:1: key `exclude_tables`: invalid type"),
        ),
        (
            "exclude_tables = [\"[a\"]\n",
            format!("{shown}:1: key `exclude_tables`: invalid table pattern '[a'"),
        ),
    ] {
        std::fs::write(&path, text).unwrap();
        one_line_error(&cli(&tmp.path).arg("heads").output().unwrap(), &[&expected]);
    }
}

#[test]
fn invalid_template_writes_nothing() {
    let tmp = TempDir::new();
    let root = &tmp.path;
    std::fs::create_dir_all(root.join("v")).unwrap();
    std::fs::write(root.join("t.tmpl"), "{{header}}\nfn broken( {\n").unwrap();
    std::fs::write(
        root.join("autogen.toml"),
        "versions_dir = \"v\"\ntemplate = \"t.tmpl\"\n",
    )
    .unwrap();
    let shown = root.join("t.tmpl").display().to_string();
    one_line_error(
        &cli(root).args(["revision", "-m", "x"]).output().unwrap(),
        &[
            &format!("revision template {shown} would produce an invalid revision file"),
            "nothing written",
        ],
    );
    assert_eq!(std::fs::read_dir(root.join("v")).unwrap().count(), 0);
}
