//! Pseudo-random schema versions for round trips: deterministic per seed, and valid on every
//! backend (types change only within a family, text is never indexed, foreign keys point at
//! integer keys, auto-increment keys never change).

use autogen::model::{
    Column, ColumnType as Ty, FkAction, ForeignKey, Index, PrimaryKey, Schema, Table, Unique,
    column_key,
};

/// A small deterministic generator (64-bit LCG).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }

    /// True with probability 1/`n`.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn column(name: &str, ty: Ty, nullable: bool, default: Option<&str>) -> Column {
    Column {
        name: name.into(),
        col_type: ty,
        nullable,
        default: default.map(str::to_string),
        auto_increment: false,
        comment: None,
        identity: None,
        renamed_from: None,
        on_update: None,
        collation: None,
        generated: None,
    }
}

const TABLES: [&str; 4] = ["user", "order", "item", "tag"];
const ACTIONS: [FkAction; 4] = [
    FkAction::NoAction,
    FkAction::Cascade,
    FkAction::SetNull,
    FkAction::Restrict,
];

/// One table of a version.
fn table(rng: &mut Rng, name: &str, present: &[&str], previous: Option<&Table>) -> Table {
    let mut t = Table::new(name);
    let mut id = column("id", Ty::Integer, false, None);
    id.auto_increment = true;
    t.columns.push(id);
    t.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec!["id".into()],
    });

    // Columns: each present or not, in one of its shapes.
    let len = *rng.pick(&[20u32, 60]);
    if !rng.one_in(5) {
        let default = *rng.pick(&[None, Some("'a'"), Some("'it''s'")]);
        t.columns.push(column(
            "label",
            Ty::String(Some(len)),
            rng.one_in(2),
            default,
        ));
    }
    if !rng.one_in(5) {
        let ty = rng.pick(&[Ty::Integer, Ty::BigInteger]).clone();
        let default = *rng.pick(&[None, Some("0"), Some("5")]);
        t.columns.push(column("amount", ty, rng.one_in(2), default));
    }
    if rng.one_in(2) {
        let default = *rng.pick(&[None, Some("true"), Some("false")]);
        t.columns
            .push(column("active", Ty::Boolean, rng.one_in(2), default));
    }
    if rng.one_in(2) {
        t.columns.push(column("body", Ty::Text, true, None));
    }
    if rng.one_in(2) {
        let default = *rng.pick(&[None, Some("CURRENT_TIMESTAMP")]);
        t.columns
            .push(column("seen_at", Ty::DateTime, true, default));
    }
    if rng.one_in(3) {
        let ty = rng
            .pick(&[Ty::Decimal(Some((10, 2))), Ty::Decimal(Some((12, 2)))])
            .clone();
        t.columns.push(column("price", ty, true, None));
    }
    // A column under one of two names; switching names is a rename half of the time.
    let had = previous.and_then(|p| ["note", "memo"].into_iter().find(|n| p.column(n).is_some()));
    if had.is_some() || rng.one_in(3) {
        let name = *rng.pick(&["note", "memo"]);
        let mut c = column(name, Ty::String(Some(40)), true, None);
        if let Some(old) = had.filter(|old| *old != name && !rng.one_in(3)) {
            c.renamed_from = Some(old.to_string());
        }
        t.columns.push(c);
    }
    for c in t.columns.iter_mut().skip(1) {
        if rng.one_in(4) {
            c.comment = Some(format!("{} of {name}", c.name));
        }
    }
    if rng.one_in(4) {
        t.comment = Some(format!("the {name} table"));
    }

    // A foreign key to another present table (cycles included).
    let others: Vec<&&str> = present.iter().filter(|p| **p != name).collect();
    if !others.is_empty() && rng.one_in(2) {
        let target = rng.pick(&others).to_string();
        t.columns.push(column("ref_id", Ty::Integer, true, None));
        let fk = ForeignKey {
            name: format!("fk_{name}_ref"),
            columns: vec!["ref_id".into()],
            ref_table: target,
            ref_columns: vec!["id".into()],
            on_delete: *rng.pick(&ACTIONS),
            on_update: *rng.pick(&ACTIONS[..2]),
            deferrable: Default::default(),
        };
        t.foreign_keys.insert(column_key(&fk.columns), fk);
    }

    // Indexes and uniques on the columns that exist (never on text).
    let has = |t: &Table, c: &str| t.column(c).is_some();
    if has(&t, "label") && rng.one_in(2) {
        let cols = vec!["label".to_string()];
        if rng.one_in(2) {
            let name = format!("idx_{name}_label");
            t.indexes.insert(
                name.clone(),
                Index {
                    name,
                    columns: cols,
                },
            );
        } else {
            let u = Unique {
                name: format!("{name}_label_key"),
                columns: cols,
            };
            t.uniques.insert(column_key(&u.columns), u);
        }
    }
    if has(&t, "amount") && has(&t, "label") && rng.one_in(3) {
        let name = format!("idx_{name}_amount_label");
        let columns = vec!["amount".to_string(), "label".to_string()];
        t.indexes.insert(name.clone(), Index { name, columns });
    }
    t
}

/// A link table whose key is `(a)` or `(a, b)`.
fn link(rng: &mut Rng) -> Table {
    let mut t = Table::new("link");
    t.columns.push(column("a", Ty::Integer, false, None));
    t.columns.push(column("b", Ty::Integer, false, None));
    t.columns
        .push(column("weight", Ty::Double, true, Some("1.5")));
    let key = if rng.one_in(2) {
        vec!["a"]
    } else {
        vec!["a", "b"]
    };
    t.primary_key = Some(PrimaryKey {
        name: None,
        columns: key.into_iter().map(str::to_string).collect(),
    });
    t
}

/// The next version after `previous`.
pub fn version(rng: &mut Rng, previous: &Schema) -> Schema {
    let present: Vec<&str> = TABLES.iter().copied().filter(|_| !rng.one_in(4)).collect();
    let mut s = Schema::default();
    for name in &present {
        let t = table(rng, name, &present, previous.tables.get(*name));
        s.insert(t);
    }
    if !rng.one_in(4) {
        s.insert(link(rng));
    }
    s
}
