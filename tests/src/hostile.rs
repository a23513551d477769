//! Hostile identifiers, and two databases built from them in raw SQL that differ in every way
//! `diff` handles (tables, columns, indexes, uniques and foreign keys added and dropped), plus
//! an unrelated `canary` table holding rows that an injected `DROP TABLE canary` would take.
//!
//! Names hold quotes of every backend, `'`, `;`, `--`, `\`, spaces, line breaks, non-ASCII and bidi text,
//! reserved words used as they are, and the backend's own injection payload; about one in
//! three names is exactly at the backend's identifier limit (63 bytes on PostgreSQL, 64
//! characters on MySQL). All SQL is built with [`autogen::Backend::ident`].

use autogen::Backend as Kind;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::Backend;

/// The canary table's name and its row count.
pub const CANARY: &str = "canary";
/// Rows in the canary table of the `from` database.
pub const CANARY_ROWS: i64 = 3;

const PIECES: &[&str] = &[
    "\"", "`", "'", ";", "--", "\\", " ", "é", "名前", "\u{202e}", "order", "user", "select", "/*",
    "*/", "''", "\"\"", "$1", "%s", "?", "\n", "\t", "\r\n",
];
const RESERVED: &[&str] = &["order", "user", "select"];

/// A generator of distinct hostile names for one backend.
pub struct Names {
    rng: StdRng,
    kind: Kind,
    count: usize,
}

impl Names {
    /// Names for `backend`, from `seed` (the same seed gives the same names).
    pub fn new(backend: Backend, seed: u64) -> Names {
        Names {
            rng: StdRng::seed_from_u64(seed),
            kind: backend,
            count: 0,
        }
    }

    /// The statement an unescaped name would smuggle in on this backend.
    fn payload(&self) -> String {
        let q = self.kind.ident_quote();
        format!("{q}; DROP TABLE {CANARY}; --")
    }

    /// A new name, distinct from every earlier one; `payload` starts it with the injection.
    pub fn next(&mut self, payload: bool) -> String {
        self.count += 1;
        let mut core = if payload {
            self.payload()
        } else {
            String::new()
        };
        for _ in 0..self.rng.random_range(1..=3) {
            core.push_str(PIECES[self.rng.random_range(0..PIECES.len())]);
        }
        // A trailing digit keeps names distinct (MySQL compares many of them
        // case-insensitively) and never ends in a space (MySQL refuses that).
        let tail = format!("_{}", self.count);
        let limit = 63; // the smaller of the two limits, in bytes and so in characters too
        while core.len() + tail.len() > limit {
            core.pop();
        }
        let mut name = core + &tail;
        if self.rng.random_ratio(1, 3) {
            name = self.at_limit(name);
        }
        name
    }

    /// `name` padded to exactly the backend's identifier limit.
    fn at_limit(&self, name: String) -> String {
        match self.kind.max_identifier_len() {
            // PostgreSQL counts bytes.
            Some(63) => {
                let pad = 63 - name.len();
                format!("{}{name}", "x".repeat(pad))
            }
            // MySQL counts characters; SQLite has no limit, so 64 like MySQL.
            _ => {
                let pad = 64 - name.chars().count();
                format!("{}{name}", "x".repeat(pad))
            }
        }
    }

    /// A reserved word, as it is.
    pub fn reserved(&mut self) -> String {
        RESERVED[self.rng.random_range(0..RESERVED.len())].to_string()
    }
}

/// A column: name, and whether it is an integer (else `varchar(40)`).
#[derive(Debug, Clone)]
pub struct Col {
    /// Name.
    pub name: String,
    /// Integer or text.
    pub int: bool,
}

/// A foreign key from `column` to `parent`'s key `parent_id`.
#[derive(Debug, Clone)]
pub struct Fk {
    /// Constraint name.
    pub name: String,
    /// Referencing column.
    pub column: String,
    /// Referenced table.
    pub parent: String,
    /// Referenced column.
    pub parent_id: String,
}

/// One table: an integer key `id`, columns, uniques and indexes on one column each, keys.
#[derive(Debug, Clone)]
pub struct Tbl {
    /// Name.
    pub name: String,
    /// Primary-key column.
    pub id: String,
    /// Other columns.
    pub cols: Vec<Col>,
    /// `(name, column)` unique constraints.
    pub uniques: Vec<(String, String)>,
    /// `(name, column)` indexes.
    pub indexes: Vec<(String, String)>,
    /// Foreign keys.
    pub fks: Vec<Fk>,
}

/// The two schemas of one round: `from` (changed by the diff) and `to`.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Tables of the `from` database, parents first.
    pub from: Vec<Tbl>,
    /// Tables of the `to` database, parents first.
    pub to: Vec<Tbl>,
}

fn col(name: &str, int: bool) -> Col {
    Col {
        name: name.to_string(),
        int,
    }
}

/// The schemas of round `seed` on `backend`.
pub fn pair(backend: Backend, seed: u64) -> Pair {
    let mut n = Names::new(backend, seed);
    // One table and some columns are bare reserved words.
    let p_name = n.reserved();
    let (c_name, new_name, dropped_name) = (n.next(false), n.next(false), n.next(false));
    let [p_id, p1, p2, px] = [n.reserved(), n.next(false), n.next(false), n.next(false)];
    let [c_id, c1, c2, c3, c4] = [
        n.next(false),
        n.reserved(),
        n.next(false),
        n.next(false),
        n.next(false),
    ];
    let fk = |n: &mut Names, column: &str, parent: &str, parent_id: &str| Fk {
        name: n.next(true),
        column: column.to_string(),
        parent: parent.to_string(),
        parent_id: parent_id.to_string(),
    };

    // Parent: `to` adds a column and an index, drops a column with its index.
    let parent_to = Tbl {
        name: p_name.clone(),
        id: p_id.clone(),
        cols: vec![col(&p1, false), col(&p2, false)],
        uniques: vec![],
        indexes: vec![(n.next(true), p1.clone())],
        fks: vec![],
    };
    let parent_from = Tbl {
        cols: vec![col(&p1, false), col(&px, false)],
        indexes: vec![(n.next(true), px.clone())],
        ..parent_to.clone()
    };

    // Child: the same unique; an index renamed; a unique and a foreign key dropped, another
    // foreign key added.
    let unique = (n.next(true), c1.clone());
    let child_to = Tbl {
        name: c_name.clone(),
        id: c_id.clone(),
        cols: vec![
            col(&c1, false),
            col(&c2, false),
            col(&c3, true),
            col(&c4, true),
        ],
        uniques: vec![unique.clone()],
        indexes: vec![(n.next(true), c2.clone())],
        fks: vec![fk(&mut n, &c3, &p_name, &p_id)],
    };
    let child_from = Tbl {
        uniques: vec![unique, (n.next(true), c4.clone())],
        indexes: vec![(n.next(true), c2.clone())],
        fks: vec![fk(&mut n, &c4, &p_name, &p_id)],
        ..child_to.clone()
    };

    // A table only `to` has, and one only `from` has.
    let [n_id, n1, n2] = [n.next(false), n.next(false), n.reserved()];
    let new = Tbl {
        name: new_name,
        id: n_id,
        cols: vec![col(&n1, true), col(&n2, false)],
        uniques: vec![(n.next(true), n2.clone())],
        indexes: vec![(n.next(true), n1.clone())],
        fks: vec![fk(&mut n, &n1, &c_name, &c_id)],
    };
    let [d_id, d1] = [n.next(false), n.next(false)];
    let dropped = Tbl {
        name: dropped_name,
        id: d_id,
        cols: vec![col(&d1, true)],
        uniques: vec![],
        indexes: vec![(n.next(true), d1.clone())],
        fks: vec![fk(&mut n, &d1, &p_name, &p_id)],
    };
    Pair {
        from: vec![parent_from, child_from, dropped],
        to: vec![parent_to, child_to, new],
    }
}

/// The DDL of `tables` and the canary, then (for `from`) rows in the canary, the parent and
/// the child, all on `backend`.
pub fn schema_sql(backend: Backend, tables: &[Tbl], with_rows: bool) -> Vec<String> {
    let kind = backend;
    let q = |name: &str| kind.ident(name);
    let mut out = vec![format!(
        "CREATE TABLE {} ({} integer NOT NULL PRIMARY KEY, {} varchar(40) NULL)",
        q(CANARY),
        q("id"),
        q("note")
    )];
    for t in tables {
        let mut parts = vec![format!("{} integer NOT NULL PRIMARY KEY", q(&t.id))];
        for c in &t.cols {
            let ty = if c.int { "integer" } else { "varchar(40)" };
            parts.push(format!("{} {ty} NULL", q(&c.name)));
        }
        if kind != autogen::Backend::Sqlite {
            for (name, column) in &t.uniques {
                parts.push(format!("CONSTRAINT {} UNIQUE ({})", q(name), q(column)));
            }
        }
        for fk in &t.fks {
            parts.push(format!(
                "CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({})",
                q(&fk.name),
                q(&fk.column),
                q(&fk.parent),
                q(&fk.parent_id)
            ));
        }
        out.push(format!(
            "CREATE TABLE {} ({})",
            q(&t.name),
            parts.join(", ")
        ));
        // A UNIQUE table constraint loses its name on SQLite; a unique index keeps it.
        let sqlite_uniques = t
            .uniques
            .iter()
            .filter(|_| kind == autogen::Backend::Sqlite);
        let uniques = sqlite_uniques.map(|(n, c)| ("UNIQUE INDEX", n, c));
        for (what, name, column) in uniques.chain(t.indexes.iter().map(|(n, c)| ("INDEX", n, c))) {
            out.push(format!(
                "CREATE {what} {} ON {} ({})",
                q(name),
                q(&t.name),
                q(column)
            ));
        }
    }
    if with_rows {
        for i in 1..=CANARY_ROWS {
            out.push(format!(
                "INSERT INTO {} ({}, {}) VALUES ({i}, {})",
                q(CANARY),
                q("id"),
                q("note"),
                kind.string(&format!("row {i}"))
            ));
        }
        // One parent row, and a child row pointing at it through every key column.
        let (parent, child) = (&tables[0], &tables[1]);
        out.push(format!(
            "INSERT INTO {} ({}, {}) VALUES (1, {})",
            q(&parent.name),
            q(&parent.id),
            q(&parent.cols[0].name),
            kind.string("it's \"1\"")
        ));
        let ints: Vec<&Col> = child.cols.iter().filter(|c| c.int).collect();
        let names: Vec<String> = ints.iter().map(|c| q(&c.name)).collect();
        out.push(format!(
            "INSERT INTO {} ({}, {}) VALUES (1, {})",
            q(&child.name),
            q(&child.id),
            names.join(", "),
            vec!["1"; ints.len()].join(", ")
        ));
    }
    out
}
