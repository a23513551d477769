//! A chain of ten revisions (and an eleventh, written after they are squashed), rendered by
//! the library the way `revision --autogenerate` renders them, for the `squash` tests.

use autogen::compare::compare;
use autogen::model::{ColumnType as Ty, Schema, Table};
use autogen::render::{RenderInput, render_migration};
use autogen::revision::{NewRevision, file_name};

use crate::render_cases::{NO, auto, col, def, fk, index, null, schema, table, unique};

/// The ids of the ten revisions, oldest first.
pub const CHAIN: [&str; 10] = [
    "5a0000000001",
    "5a0000000002",
    "5a0000000003",
    "5a0000000004",
    "5a0000000005",
    "5a0000000006",
    "5a0000000007",
    "5a0000000008",
    "5a0000000009",
    "5a0000000010",
];

/// The id the tests give the squash.
pub const SQUASH: &str = "5a00000000aa";

/// The revision written on top of the squash.
pub const AFTER: &str = "5a0000000011";

fn author(email: bool, unique_email: bool, bio: bool) -> Table {
    let mut columns = vec![
        auto(col("id", Ty::BigInteger)),
        col("name", Ty::String(Some(100))),
    ];
    if email {
        columns.push(null(col("email", Ty::String(Some(255)))));
    }
    if bio {
        columns.push(null(col("bio", Ty::Text)));
    }
    let t = table("author", columns, &["id"]);
    if unique_email {
        unique(t, "author_email_key", &["email"])
    } else {
        t
    }
}

fn book(title: u32, indexed: bool, pages: bool) -> Table {
    let mut columns = vec![
        auto(col("id", Ty::BigInteger)),
        col("author_id", Ty::BigInteger),
        col("title", Ty::String(Some(title))),
    ];
    if pages {
        columns.push(def(col("pages", Ty::Integer), "0"));
    }
    let t = fk(
        table("book", columns, &["id"]),
        "fk-book-author_id",
        &["author_id"],
        "author",
        NO,
    );
    if indexed {
        index(t, "idx-book-title", &["title"])
    } else {
        t
    }
}

fn tag() -> Table {
    table(
        "tag",
        vec![
            auto(col("id", Ty::Integer)),
            col("label", Ty::String(Some(50))),
        ],
        &["id"],
    )
}

fn review() -> Table {
    let t = table(
        "review",
        vec![
            auto(col("id", Ty::BigInteger)),
            col("book_id", Ty::BigInteger),
            col("stars", Ty::Integer),
        ],
        &["id"],
    );
    fk(t, "fk-review-book_id", &["book_id"], "book", NO)
}

/// The schema after each revision of the chain, then after [`AFTER`], with its message.
fn steps() -> Vec<(&'static str, Schema)> {
    vec![
        ("create author", schema(vec![author(false, false, false)])),
        ("author email", schema(vec![author(true, false, false)])),
        (
            "create book",
            schema(vec![author(true, false, false), book(200, false, false)]),
        ),
        (
            "index book title",
            schema(vec![author(true, false, false), book(200, true, false)]),
        ),
        (
            "unique author email",
            schema(vec![author(true, true, false), book(200, true, false)]),
        ),
        (
            "longer titles",
            schema(vec![author(true, true, false), book(300, true, false)]),
        ),
        (
            "create tag",
            schema(vec![
                author(true, true, false),
                book(300, true, false),
                tag(),
            ]),
        ),
        (
            "book pages",
            schema(vec![
                author(true, true, false),
                book(300, true, true),
                tag(),
            ]),
        ),
        (
            "drop tag",
            schema(vec![author(true, true, false), book(300, true, true)]),
        ),
        (
            "author bio",
            schema(vec![author(true, true, true), book(300, true, true)]),
        ),
        (
            "create review",
            schema(vec![
                author(true, true, true),
                book(300, true, true),
                review(),
            ]),
        ),
    ]
}

/// `(file name, source)` of each revision of the chain, then of [`AFTER`] (on the squash).
pub fn files() -> Vec<(String, String)> {
    let ids = CHAIN.iter().copied().chain([AFTER]);
    let mut before = Schema::default();
    let mut out = Vec::new();
    for (n, (id, (message, after))) in ids.zip(steps()).enumerate() {
        let parent = match n {
            0 => None,
            10 => Some(SQUASH),
            _ => Some(CHAIN[n - 1]),
        };
        let revision = NewRevision {
            id: id.into(),
            down_revisions: parent.into_iter().map(String::from).collect(),
            message: message.into(),
            create_date: format!("2026-01-01 00:00:{n:02} UTC"),
            ..NewRevision::default()
        };
        let ops = compare(&before, &after);
        let source = render_migration(RenderInput {
            revision,
            ops: &ops,
            before: &before,
        });
        out.push((file_name(id, message), source));
        before = after;
    }
    out
}
