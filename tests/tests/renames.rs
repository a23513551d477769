//! Rename detection (issue 11): a column dropped and one added with the same definition (or a
//! table gone and a new one with the same columns) is a rename candidate. On a terminal
//! `revision --autogenerate` asks `[y/N]`; without one it plans drop + add and says how to
//! rename; `--rename` decides without asking. The accepted rename is a real `rename_column`
//! (or `rename_table`) in the file, reversed in `down`, and `--verify` runs it on a scratch
//! copy of the database (up, nothing left to generate, down restores).
//!
//! The database is the project's at head with a column or table renamed by hand, so the
//! entities declare the new name and the database holds the old one.
//!
//! Needs the `cli` binary: see `tests::process`.

use tests::drifted::Drifted;
use tests::process::{cli_on_terminal, success, texts};
use tests::{Backend, per_backend};

/// `user.full_name` renamed by hand to `fullname`.
async fn column_renamed(backend: Backend, label: &str) -> Drifted {
    let sql = format!(
        "ALTER TABLE {} RENAME COLUMN full_name TO fullname",
        backend.ident("user")
    );
    Drifted::new(backend, label, &[sql]).await
}

/// The one file written.
fn only_file(d: &Drifted) -> String {
    let files = d.files();
    assert_eq!(files.len(), 1, "expected one revision file");
    files.into_iter().next().unwrap()
}

const COLUMN_NOTE: &str = "note: user.fullname -> full_name may be a rename; planned as drop + add";

async fn without_a_terminal_it_is_drop_and_add(backend: Backend) {
    let d = column_renamed(backend, "rn_plain").await;
    let stdout = success(&d.autogenerate(&[]));
    assert!(
        stdout.contains(&format!(
            "{COLUMN_NOTE} (no terminal to ask); to rename, pass --rename user.fullname=full_name"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("drop column user.fullname"), "{stdout}");
    let file = only_file(&d);
    assert!(!file.contains("rename_column"), "{file}");
    assert!(file.contains("drop_column"), "{file}");
}

async fn flag_renames_and_verifies(backend: Backend) {
    let d = column_renamed(backend, "rn_flag").await;
    let out = d.autogenerate(&["--rename", "user.fullname=full_name", "--verify"]);
    let stdout = success(&out);
    assert!(
        stdout.contains("rename column user.fullname -> full_name"),
        "{stdout}"
    );
    assert!(!stdout.contains("may be a rename"), "{stdout}");
    assert!(stdout.contains("Verified on a scratch copy"), "{stdout}");
    let file = only_file(&d);
    assert!(file.contains("rename_column"), "{file}");
    assert!(!file.contains("drop_column"), "{file}");
    // Up renames fullname to full_name; down renames it back.
    let up = file.find("\"fullname\"").expect("old name in the file");
    let down = file.rfind("\"fullname\"").unwrap();
    assert!(up < down, "the rename is not reversed in down:\n{file}");
}

async fn a_table_renamed_by_hand(backend: Backend) {
    let sql = format!(
        "ALTER TABLE {} RENAME TO {}",
        backend.ident("product"),
        backend.ident("goods")
    );
    let d = Drifted::new(backend, "rn_table", &[sql]).await;
    let stdout = success(&d.autogenerate(&["--verify", "--rename", "goods=product"]));
    assert!(stdout.contains("rename table goods -> product"), "{stdout}");
    assert!(!stdout.contains("add table product"), "{stdout}");
    assert!(stdout.contains("Verified on a scratch copy"), "{stdout}");
    let file = only_file(&d);
    assert!(file.contains("rename_table"), "{file}");
}

async fn unknown_rename_is_one_line_error(backend: Backend) {
    let d = column_renamed(backend, "rn_bad").await;
    let out = d.autogenerate(&["--rename", "user.nosuch=full_name"]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert_eq!(
        stderr.trim(),
        "error: --rename user.nosuch=full_name: no column nosuch in table user in the database"
    );
    assert!(d.files().is_empty());
    let out = d.autogenerate(&["--rename", "user.fullname"]);
    let (_, stderr) = texts(&out);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr.contains("is not `table.old=new`"), "{stderr}");
}

/// On a pseudo-terminal: the question, answered `answer`.
async fn prompt(backend: Backend, answer: &str) -> Drifted {
    let d = column_renamed(backend, &format!("rn_pty_{answer}")).await;
    let versions = d.versions.path.to_string_lossy().into_owned();
    let args = [
        "revision",
        "--autogenerate",
        "-m",
        "drift",
        "--versions-dir",
        &versions,
    ];
    let mut term = cli_on_terminal(&d.dir.path, &d.db.url, &args);
    term.exp_string("rename user.fullname to user.full_name? [y/N]")
        .expect("the rename question");
    term.send_line(answer).unwrap();
    let rest = term.exp_eof().expect("the cli ends");
    assert!(rest.contains("Generated "), "{rest}");
    d
}

async fn terminal_yes_renames(backend: Backend) {
    let d = prompt(backend, "y").await;
    let file = only_file(&d);
    assert!(file.contains("rename_column"), "{file}");
    assert!(!file.contains("drop_column"), "{file}");
}

async fn terminal_no_drops_and_adds(backend: Backend) {
    let d = prompt(backend, "n").await;
    let file = only_file(&d);
    assert!(!file.contains("rename_column"), "{file}");
    assert!(file.contains("drop_column"), "{file}");
}

per_backend!(
    without_a_terminal_it_is_drop_and_add,
    flag_renames_and_verifies,
    a_table_renamed_by_hand,
    unknown_rename_is_one_line_error,
    terminal_yes_renames,
    terminal_no_drops_and_adds,
);
