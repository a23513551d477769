//! Commands run from a subdirectory work on the project root (the nearest `autogen.toml` or
//! cargo workspace root): the default SQLite file, `.env` and the versions directory are found
//! there, and nothing is created in the subdirectory.
//!
//! Needs the `cli` binary: see `tests::process`.

use tests::TempDir;
use tests::process::{cli, success, texts};

#[test]
fn subdirectory_uses_the_workspace_root() {
    let tmp = TempDir::new();
    let root = &tmp.path;
    std::fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nmembers = [\"entity\"]\n",
    )
    .unwrap();
    let entity = root.join("entity/src");
    std::fs::create_dir_all(&entity).unwrap();
    std::fs::write(
        root.join("entity/Cargo.toml"),
        "[package]\nname = \"entity\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("migration/src/versions")).unwrap();

    let out = cli(&entity).arg("current").output().unwrap();
    let (_, err) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!(
            "using SQLite file {}",
            root.join("autogen.db").display()
        )),
        "{err}"
    );
    assert!(root.join("autogen.db").exists(), "the root's database");
    assert!(!entity.join("autogen.db").exists());
    assert!(!root.join("entity/autogen.db").exists());

    let out = success(
        &cli(&entity)
            .args(["revision", "-m", "from below", "--rev-id", "00000000000b"])
            .output()
            .unwrap(),
    );
    assert!(out.contains("00000000000b"), "{out}");
    let written: Vec<_> = std::fs::read_dir(root.join("migration/src/versions"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["00000000000b_from_below.rs"]);
}

#[test]
fn dotenv_at_the_root_is_read_from_a_subdirectory() {
    let tmp = TempDir::new();
    let root = &tmp.path;
    std::fs::write(root.join("autogen.toml"), "").unwrap();
    let sub = root.join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let db = root.join("chosen.db");
    std::fs::write(
        root.join(".env"),
        format!("DATABASE_URL=sqlite://{}?mode=rwc\n", db.display()),
    )
    .unwrap();
    success(&cli(&sub).arg("current").output().unwrap());
    assert!(db.exists(), "the .env of the root chose the database");
    assert!(!root.join("autogen.db").exists() && !sub.join("autogen.db").exists());
}
