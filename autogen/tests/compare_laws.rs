//! Laws of compare, apply and reverse, over the case table and many generated schema pairs.
//!
//! Every upgrade and downgrade must also replay strictly: each op executable when it runs.
//!
//! Equality is [`equivalent`]: equal up to column order (adding a column appends it), rename
//! hints, and the names comparison ignores (primary key, unique and foreign key names).

mod compare_support;

use autogen::compare::compare;
use autogen::model::apply::{apply_all, equivalent};
use autogen::model::{Column, ColumnType as T, FkAction, Schema, Table};
use autogen::ops::reverse_all;
use compare_support::cases::cases;
use compare_support::strict::replay;
use compare_support::*;

/// Checks every law for one pair; returns a description of the first violation.
fn check_laws(current: &Schema, desired: &Schema) -> Result<(), String> {
    let ops = compare(current, desired);
    let ctx = || format!("current: {current:#?}\ndesired: {desired:#?}\nops: {ops:#?}");

    let mut up = current.clone();
    apply_all(&mut up, &ops);
    if let Err(e) = replay(current, &ops) {
        return Err(format!("upgrade not executable: {e}\n{}", ctx()));
    }
    if let Err(e) = replay(desired, &reverse_all(&ops)) {
        return Err(format!("downgrade not executable: {e}\n{}", ctx()));
    }
    if !equivalent(&up, desired) {
        return Err(format!(
            "apply(current, ops) != desired; got {up:#?}\n{}",
            ctx()
        ));
    }
    if !compare(&up, desired).is_empty() {
        return Err(format!("compare after apply is not empty\n{}", ctx()));
    }
    let mut down = desired.clone();
    apply_all(&mut down, &reverse_all(&ops));
    if !equivalent(&down, current) {
        return Err(format!(
            "apply(desired, reverse_all(ops)) != current; got {down:#?}\n{}",
            ctx()
        ));
    }
    for op in &ops {
        if op.reverse().reverse() != *op {
            return Err(format!("reverse(reverse(op)) != op for {op:?}"));
        }
    }
    for x in [current, desired] {
        let same = compare(x, x);
        if !same.is_empty() {
            return Err(format!("compare(x, x) not empty: {same:#?}"));
        }
    }
    Ok(())
}

#[test]
fn laws_hold_for_every_case() {
    for case in cases() {
        if let Err(e) = check_laws(&case.current, &case.desired) {
            panic!("case `{}`: {e}", case.name);
        }
    }
}

#[test]
fn laws_hold_across_case_schemas() {
    // Every current/desired of the table against every other: many table adds and drops.
    let pool: Vec<Schema> = cases()
        .into_iter()
        .flat_map(|c| [c.current, c.desired])
        .collect();
    for a in &pool {
        for b in &pool {
            if let Err(e) = check_laws(a, b) {
                panic!("{e}");
            }
        }
    }
}

/// A small deterministic PRNG (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, X>(&mut self, xs: &'a [X]) -> &'a X {
        &xs[self.below(xs.len())]
    }
}

const TABLES: [&str; 5] = ["user", "order", "a", "b", "c"];
const COLUMNS: [&str; 6] = ["id", "c1", "c2", "c3", "c4", "c5"];

fn random_column(rng: &mut Rng, name: &str) -> Column {
    let types = [
        T::Integer,
        T::BigInteger,
        T::Text,
        T::String(Some(50)),
        T::Uuid,
        T::Boolean,
    ];
    let mut c = col(name, rng.pick(&types).clone());
    c.nullable = rng.chance(30);
    c.default = rng
        .pick(&[None, None, Some("0"), Some("'x'")])
        .map(String::from);
    c.auto_increment = rng.chance(10);
    c.comment = rng
        .pick(&[None, None, Some("a"), Some("b")])
        .map(String::from);
    c
}

/// A random subset (1..=2 distinct names) of the table's columns.
fn random_cols(rng: &mut Rng, t: &Table) -> Vec<String> {
    let first = rng.pick(&t.columns).name.clone();
    let second = rng.pick(&t.columns).name.clone();
    if second != first && rng.chance(40) {
        vec![first, second]
    } else {
        vec![first]
    }
}

fn random_schema(rng: &mut Rng) -> Schema {
    let names: Vec<&str> = TABLES.iter().copied().filter(|_| rng.chance(60)).collect();
    let mut s = Schema::default();
    for name in &names {
        let mut cols: Vec<&str> = COLUMNS.iter().copied().filter(|_| rng.chance(50)).collect();
        if cols.is_empty() {
            cols.push("id");
        }
        // Shuffle, so declaration order varies.
        for i in (1..cols.len()).rev() {
            cols.swap(i, rng.below(i + 1));
        }
        let mut t = table(name, cols.iter().map(|c| random_column(rng, c)).collect());
        if t.column("id").is_some() && rng.chance(60) {
            t = t.pk(&["id"]); // the usual shape, and a target for foreign keys
        } else if rng.chance(70) {
            let pk = random_cols(rng, &t);
            let pk: Vec<&str> = pk.iter().map(String::as_str).collect();
            t = t.pk(&pk);
        }
        for i in 0..rng.below(3) {
            let cols = random_cols(rng, &t);
            let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
            t = if rng.chance(50) {
                t.unique(&format!("uq{i}"), &cols)
            } else {
                t.index(&format!("ix{i}"), &cols)
            };
        }
        if rng.chance(20) {
            let comment = *rng.pick(&["x", "y"]);
            t = t.table_comment(comment);
        }
        s.insert(t);
    }
    // Foreign keys only point at `id` columns that exist and are a key (primary or unique), as
    // a database requires; renames are only invertible on consistent schemas.
    let id = vec!["id".to_string()];
    let targets: Vec<String> = s
        .tables
        .values()
        .filter(|t| {
            t.primary_key.as_ref().is_some_and(|pk| pk.columns == id)
                || t.uniques.contains_key("id")
        })
        .map(|t| t.name.clone())
        .collect();
    if targets.is_empty() {
        return s;
    }
    for t in s.tables.values_mut() {
        for _ in 0..rng.below(3) {
            let target = rng.pick(&targets).clone();
            let column = rng.pick(&t.columns).name.clone();
            let action = *rng.pick(&[FkAction::NoAction, FkAction::Cascade, FkAction::SetNull]);
            *t = std::mem::take(t).fk(&[&column], &target, &["id"], action);
        }
    }
    s
}

/// Sprinkles rename hints on `desired` columns that are new, naming current columns that go.
fn add_rename_hints(rng: &mut Rng, current: &Schema, desired: &mut Schema) {
    for (name, t) in desired.tables.iter_mut() {
        let Some(cur) = current.tables.get(name) else {
            continue;
        };
        let gone: Vec<String> = cur
            .columns
            .iter()
            .filter(|c| t.column(&c.name).is_none())
            .map(|c| c.name.clone())
            .collect();
        if gone.is_empty() {
            continue;
        }
        for c in &mut t.columns {
            if cur.column(&c.name).is_none() && rng.chance(60) {
                c.renamed_from = Some(rng.pick(&gone).clone());
            }
        }
    }
}

#[test]
fn laws_hold_for_generated_pairs() {
    // LAWS_PAIRS=100000 for a longer soak; the default keeps the suite fast.
    let pairs: usize = std::env::var("LAWS_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut with_ops, mut with_fk_ops) = (0, 0);
    for _ in 0..pairs {
        let current = random_schema(&mut rng);
        let mut desired = random_schema(&mut rng);
        add_rename_hints(&mut rng, &current, &mut desired);
        if let Err(e) = check_laws(&current, &desired) {
            panic!("{e}");
        }
        let ops = compare(&current, &desired);
        with_ops += usize::from(!ops.is_empty());
        with_fk_ops += usize::from(ops.iter().any(|op| op.kind().ends_with("foreign_key")));
    }
    assert!(
        with_ops * 10 > pairs * 8,
        "generator too tame: {with_ops} of {pairs}"
    );
    assert!(
        with_fk_ops * 10 > pairs * 3,
        "too few foreign key ops: {with_fk_ops} of {pairs}"
    );
}

#[test]
fn generated_pairs_include_renames() {
    let mut rng = Rng(42);
    let renames = (0..500)
        .filter(|_| {
            let current = random_schema(&mut rng);
            let mut desired = random_schema(&mut rng);
            add_rename_hints(&mut rng, &current, &mut desired);
            compare(&current, &desired)
                .iter()
                .any(|op| op.kind() == "rename_column")
        })
        .count();
    assert!(renames > 20, "only {renames} pairs with renames");
}
