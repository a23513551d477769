//! `squash` refusals, through the `autogen_fixture` binary (graph `squash_refusals`): a range
//! with a branch or a merge in it, a range that changes rows, a range of one revision, a bad
//! range, and a `--delete` whose files are not there. Each is one `error:` line, exit 2, and
//! nothing written; on SQLite, where the replay needs no server.

use std::path::Path;

use tests::TempDir;
use tests::process::{command, one_line_error};

const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

fn squash(dir: &Path, versions: &Path, range: &str, extra: &[&str]) -> std::process::Output {
    let url = format!("sqlite://{}/refusals.db?mode=rwc", dir.display());
    command(Path::new(FIXTURE), dir)
        .env("AUTOGEN_FIXTURE", "squash_refusals")
        .env("DATABASE_URL", url)
        .args(["squash", range, "-m", "squashed", "--versions-dir"])
        .arg(versions)
        .args(extra)
        .output()
        .expect("run autogen_fixture")
}

#[test]
fn squash_refuses_what_it_cannot_replace_and_writes_nothing() {
    let dir = TempDir::new();
    let versions = TempDir::new();
    let refused = |range: &str, extra: &[&str], needles: &[&str]| {
        one_line_error(&squash(&dir.path, &versions.path, range, extra), needles);
        let left: Vec<_> = std::fs::read_dir(&versions.path).unwrap().collect();
        assert!(left.is_empty(), "{range}: wrote {left:?}");
    };
    refused(
        "5f00000000b0:5f00000000b1",
        &[],
        &[
            "cannot squash 5f00000000b0:5f00000000b1: a branch starts inside it: 5f00000000b2 also builds on 5f00000000b0",
        ],
    );
    refused(
        "5f00000000b1:5f00000000b4",
        &[],
        &["cannot squash 5f00000000b1:5f00000000b4: 5f00000000b3 is a merge of several branches"],
    );
    refused(
        "5f00000000b3:5f00000000b4",
        &[],
        &["5f00000000b3 is a merge of several branches"],
    );
    refused(
        "5f0000000001:5f0000000003",
        &[],
        &[
            "cannot squash: revision 5f0000000002 runs `INSERT INTO \"fx_kept\"",
            "would not repeat",
        ],
    );
    refused("5f0000000003:5f0000000003", &[], &["one revision"]);
    refused("5f0000000003", &[], &["invalid range '5f0000000003'"]);
    refused(":5f0000000003", &[], &["squash needs a range <from>:<to>"]);
    refused("5f0000000003:nope", &[], &["revision 'nope' not found"]);
    refused(
        "5f00000000b3:5f00000000b1",
        &[],
        &["5f00000000b3 is not an ancestor of 5f00000000b1"],
    );
}

#[test]
fn squash_delete_needs_every_original_file() {
    let dir = TempDir::new();
    let versions = TempDir::new();
    // A linear range without data statements, whose files are not in the directory.
    let out = squash(
        &dir.path,
        &versions.path,
        "5f0000000003:5f0000000004",
        &["--delete"],
    );
    one_line_error(
        &out,
        &[
            "squash --delete: no file of revision 5f0000000003",
            "nothing written",
        ],
    );
    assert_eq!(std::fs::read_dir(&versions.path).unwrap().count(), 0);
}
