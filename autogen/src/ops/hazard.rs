//! What an op puts at risk: the one classification behind the `// WARNING:` and `// HAZARD:`
//! lines of a generated file, the `revision --autogenerate` listing, `--no-destructive`,
//! `--fail-on` and the `"hazards"` of `check`/`diff --format json`.
//!
//! A new op kind gets its hazards in [`Op::hazards`] and nowhere else.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use super::{ColumnChange, Op, type_name};
use crate::backend::Backend;
use crate::model::{Column, ColumnType};
use crate::plan::{needs_cast, needs_sqlite_rebuild};

/// The code of the hazard a drop's downgrade carries: it gives back the structure, not the
/// data (said first in `down`).
pub const RESTORES_STRUCTURE_ONLY: &str = "drop_restores_structure_only";

/// The kind of risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HazardClass {
    /// Rows or values are deleted or truncated.
    DataLoss,
    /// The statement fails when existing rows do not fit.
    MayFail,
    /// The statement locks or rewrites the table while it runs.
    Locks,
    /// The downgrade cannot give back what the upgrade took.
    Irreversible,
}

impl HazardClass {
    /// Every class, in a fixed order.
    pub const ALL: [HazardClass; 4] = [
        HazardClass::DataLoss,
        HazardClass::MayFail,
        HazardClass::Locks,
        HazardClass::Irreversible,
    ];

    /// The stable name (`data-loss`, `may-fail`, `locks`, `irreversible`), as `--fail-on`
    /// takes it and JSON prints it.
    pub fn name(self) -> &'static str {
        match self {
            HazardClass::DataLoss => "data-loss",
            HazardClass::MayFail => "may-fail",
            HazardClass::Locks => "locks",
            HazardClass::Irreversible => "irreversible",
        }
    }
}

impl fmt::Display for HazardClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for HazardClass {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HazardClass::ALL
            .into_iter()
            .find(|c| c.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = HazardClass::ALL.iter().map(|c| c.name()).collect();
                format!("unknown hazard class '{s}' (one of {})", names.join(", "))
            })
    }
}

/// One risk of one op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hazard {
    /// The kind of risk.
    pub class: HazardClass,
    /// A stable code, unique across classes (`drop_column`, `not_null_without_default`, ...).
    pub code: &'static str,
    /// What is at risk, naming the table and column.
    pub message: String,
    /// The backends it applies to; empty for all.
    pub backends: Vec<Backend>,
}

impl Hazard {
    pub(super) fn new(class: HazardClass, code: &'static str, message: String) -> Hazard {
        Hazard {
            class,
            code,
            message,
            backends: Vec::new(),
        }
    }

    pub(super) fn on(mut self, backend: Backend) -> Hazard {
        self.backends.push(backend);
        self
    }

    /// Whether it applies to `backend`.
    pub fn applies_to(&self, backend: Backend) -> bool {
        self.backends.is_empty() || self.backends.contains(&backend)
    }

    /// Whether it applies to any of `backends`.
    pub fn applies_to_any(&self, backends: &[Backend]) -> bool {
        backends.iter().any(|b| self.applies_to(*b))
    }

    /// The line of a generated file (without `// `): `WARNING: ...` for data loss, else
    /// `HAZARD: ... (class code[, backends])`.
    pub fn file_line(&self) -> String {
        if self.class == HazardClass::DataLoss {
            return format!("WARNING: {}", self.message);
        }
        format!("HAZARD: {} ({})", self.message, self.tag())
    }

    /// The plan step of its file line, kept only in files for the backends it applies to.
    pub fn step(&self) -> crate::plan::Step {
        crate::plan::Step::Hazard {
            text: self.file_line(),
            backends: self.backends.iter().map(|b| b.db()).collect(),
        }
    }

    /// `class code` plus the backends when not all: `locks index_locks_table, postgres`.
    pub fn tag(&self) -> String {
        let mut tag = format!("{} {}", self.class, self.code);
        for b in &self.backends {
            tag.push_str(&format!(", {b}"));
        }
        tag
    }

    /// `{"class", "code", "message"}` for JSON output.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "class": self.class.name(),
            "code": self.code,
            "message": self.message,
        })
    }
}

impl Op {
    /// Every risk of this op on an existing table, on any backend. Ops on a table created
    /// earlier in the same migration carry no lock or row risks: see [`hazards_for`].
    pub fn hazards(&self) -> Vec<Hazard> {
        use HazardClass::*;
        let mut out = Vec::new();
        match self {
            Op::DropTable(t) => {
                out.push(Hazard::new(
                    DataLoss,
                    "drop_table",
                    format!("dropping table \"{}\" deletes all of its rows", t.name),
                ));
                out.push(Hazard::new(
                    Irreversible,
                    RESTORES_STRUCTURE_ONLY,
                    format!(
                        "the downgrade recreates table \"{}\" empty: it restores the structure, not the rows",
                        t.name
                    ),
                ));
            }
            // A generated column's values are computed: dropping it loses none.
            Op::DropColumn { column, .. } if column.generated.is_some() => {}
            Op::DropColumn { table, column } => {
                out.push(Hazard::new(
                    DataLoss,
                    "drop_column",
                    format!(
                        "dropping column {table}.{} deletes the data in it",
                        column.name
                    ),
                ));
                out.push(Hazard::new(
                    Irreversible,
                    RESTORES_STRUCTURE_ONLY,
                    format!(
                        "the downgrade recreates column {table}.{} without its values: it restores the structure, not the data",
                        column.name
                    ),
                ));
            }
            Op::AddColumn { table, column }
                if !column.nullable
                    && column.default.is_none()
                    && !column.auto_increment
                    && column.generated.is_none() =>
            {
                out.push(Hazard::new(
                    MayFail,
                    "not_null_without_default",
                    format!(
                        "adding {table}.{} NOT NULL without a default fails if {table} has rows (PostgreSQL: column \"{}\" contains null values)",
                        column.name, column.name
                    ),
                ));
            }
            Op::AlterColumn {
                table,
                from,
                to,
                changes,
            } => {
                let retyped = changes.contains(&ColumnChange::Type) && from.col_type != to.col_type;
                let (f, t) = (&from.col_type, &to.col_type);
                let col = format!("{table}.{}", to.name);
                // A domain holds its base type's values (and may reject some, below).
                if retyped && !is_widening(f.base(), t.base()) {
                    out.push(Hazard::new(
                        DataLoss,
                        "narrowing_type",
                        format!(
                            "changing the type of {col} from {} to {} may truncate or reject existing values",
                            type_name(f),
                            type_name(t)
                        ),
                    ));
                }
                if let ColumnType::Domain { name, .. } = t
                    && retyped
                {
                    out.push(
                        Hazard::new(
                            MayFail,
                            "into_domain",
                            format!(
                                "{col} becomes domain {name}: the change fails if an existing value violates the domain's NOT NULL or checks"
                            ),
                        )
                        .on(Backend::Postgres),
                    );
                }
                if changes.contains(&ColumnChange::Nullable) && from.nullable && !to.nullable {
                    out.push(Hazard::new(
                        MayFail,
                        "set_not_null",
                        format!("making {col} NOT NULL fails if any row holds NULL there"),
                    ));
                }
                if retyped && needs_cast(f, t) {
                    out.push(
                        Hazard::new(
                            MayFail,
                            "type_without_cast",
                            format!(
                                "{} to {} has no assignment cast: {col} is converted with USING and fails on any value that does not convert",
                                type_name(f),
                                type_name(t)
                            ),
                        )
                        .on(Backend::Postgres),
                    );
                }
                if retyped && !postgres_keeps_rows(f, t) {
                    out.push(
                        Hazard::new(
                            Locks,
                            "column_rewrite",
                            format!(
                                "changing the type of {col} rewrites every row of {table} under an exclusive lock"
                            ),
                        )
                        .on(Backend::Postgres),
                    );
                }
                if changes.contains(&ColumnChange::Generated) {
                    out.push(generated_hazard(&col, from, to));
                }
                if retyped && !mysql_in_place(f, t) {
                    out.push(
                        Hazard::new(
                            Locks,
                            "mysql_table_copy",
                            format!(
                                "MODIFY COLUMN {col} copies the whole table {table}, blocking writes until done"
                            ),
                        )
                        .on(Backend::MySql),
                    );
                }
            }
            Op::AddUnique {
                table,
                unique,
                concurrently,
            } => {
                out.push(Hazard::new(
                    MayFail,
                    "new_unique",
                    format!(
                        "adding unique ({}) on {table} fails if existing rows hold duplicates",
                        unique.columns.join(", ")
                    ),
                ));
                if !concurrently {
                    out.push(index_lock(table, &unique.name));
                }
            }
            Op::AddForeignKey { table, foreign_key } => out.push(Hazard::new(
                MayFail,
                "new_foreign_key",
                format!(
                    "adding foreign key {} on {table} ({}) fails if existing rows reference missing {} rows",
                    foreign_key.name,
                    foreign_key.columns.join(", "),
                    foreign_key.ref_table
                ),
            )),
            Op::AddCheck { table, check } => out.push(Hazard::new(
                MayFail,
                "new_check",
                format!(
                    "adding check {} on {table} fails if existing rows violate it",
                    check.name
                ),
            )),
            Op::AlterEnum { name, from, to } => {
                let removed: Vec<&str> = from
                    .iter()
                    .filter(|v| !to.contains(v))
                    .map(String::as_str)
                    .collect();
                if !removed.is_empty() {
                    out.push(
                        Hazard::new(
                            DataLoss,
                            "enum_value_removed",
                            format!(
                                "removing value(s) {} from enum type {name} fails if any row still holds one: update those rows first",
                                removed.join(", ")
                            ),
                        )
                        .on(Backend::Postgres),
                    );
                }
            }
            Op::DropEnum(e) => out.push(
                Hazard::new(
                    Irreversible,
                    "drop_enum",
                    format!("dropping enum type {} ({})", e.name, e.values.join(", ")),
                )
                .on(Backend::Postgres),
            ),
            Op::DropDomain(d) => out.push(
                Hazard::new(
                    Irreversible,
                    "drop_domain",
                    format!("dropping domain {} ({})", d.name, type_name(&d.base)),
                )
                .on(Backend::Postgres),
            ),
            Op::AlterDomain { from, to } => out.extend(super::domain_hazards(from, to)),
            Op::AddIndex {
                table,
                index,
                concurrently: false,
            } => out.push(index_lock(table, &index.name)),
            Op::AddDefinedIndex { table, index } => out.push(index_lock(table, &index.name)),
            Op::DropUnique { table, unique, .. } => out.push(Hazard::new(
                Irreversible,
                "drop_unique",
                format!(
                    "dropping unique ({}) on {table} lets duplicates in; restoring it later may fail",
                    unique.columns.join(", ")
                ),
            )),
            Op::AlterPrimaryKey {
                table,
                from: Some(from),
                to,
            } if Some(from) != to.as_ref() => out.push(Hazard::new(
                Irreversible,
                "replace_primary_key",
                format!(
                    "replacing the primary key ({}) of {table} drops its uniqueness guarantee; restoring it later may fail on duplicates",
                    from.columns.join(", ")
                ),
            )),
            _ => {}
        }
        if needs_sqlite_rebuild(self) {
            out.push(
                Hazard::new(
                    Locks,
                    "sqlite_rebuild",
                    format!(
                        "SQLite rebuilds table {}: every row is copied into a new table",
                        self.table()
                    ),
                )
                .on(Backend::Sqlite),
            );
        }
        out
    }

    /// A warning naming the data at risk (the data-loss hazards), or `None` when the op
    /// cannot lose data.
    pub fn is_destructive(&self) -> Option<String> {
        let lost: Vec<String> = self
            .hazards()
            .into_iter()
            .filter(|h| h.class == HazardClass::DataLoss)
            .map(|h| h.message)
            .collect();
        (!lost.is_empty()).then(|| lost.join("; "))
    }
}

/// The hazards of each op of a migration, in order: ops on a table an earlier op of `ops`
/// creates run on an empty table, so their row and lock hazards are left out.
pub fn hazards_for(ops: &[Op]) -> Vec<Vec<Hazard>> {
    let mut created: BTreeSet<&str> = BTreeSet::new();
    // SQLite rebuilds a table once per migration, at its first op that needs it.
    let mut rebuilt: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        let fresh = created.contains(op.table());
        let first_rebuild = needs_sqlite_rebuild(op) && rebuilt.insert(op.table());
        let hazards = op
            .hazards()
            .into_iter()
            .filter(|h| {
                !fresh || matches!(h.class, HazardClass::DataLoss | HazardClass::Irreversible)
            })
            .filter(|h| first_rebuild || h.code != "sqlite_rebuild")
            .collect();
        out.push(hazards);
        match op {
            Op::AddTable(t) => {
                created.insert(&t.name);
            }
            Op::DropTable(t) => {
                created.remove(t.name.as_str());
            }
            _ => {}
        }
    }
    out
}

/// A generation change is a drop and an add of the column: the values of a plain column
/// are lost, a generated one is recomputed for every row (and on PostgreSQL what depends on
/// the column, an index or a view, goes with the drop).
fn generated_hazard(col: &str, from: &Column, to: &Column) -> Hazard {
    match (&from.generated, &to.generated) {
        (None, _) => Hazard::new(
            HazardClass::DataLoss,
            "generated_replaces_values",
            format!(
                "{col} becomes a generated column: it is dropped and added again, its stored values replaced by the expression's"
            ),
        ),
        (_, None) => Hazard::new(
            HazardClass::DataLoss,
            "generated_to_plain",
            format!(
                "{col} stops being generated: it is dropped and added again as a plain column, without its values"
            ),
        ),
        _ => Hazard::new(
            HazardClass::Locks,
            "generated_recreated",
            format!(
                "the expression of generated column {col} cannot be altered in place (PostgreSQL 15, SQLite): the column is dropped and added again, recomputed for every row; indexes on it must be recreated"
            ),
        ),
    }
}

/// `CREATE INDEX` without `CONCURRENTLY` blocks writes on PostgreSQL while it builds.
fn index_lock(table: &str, index: &str) -> Hazard {
    Hazard::new(
        HazardClass::Locks,
        "index_locks_table",
        format!(
            "building index {index} without CONCURRENTLY blocks writes to {table} until it finishes"
        ),
    )
    .on(Backend::Postgres)
}

/// Whether PostgreSQL changes the type without rewriting the rows (a binary-coercible change
/// that only lifts a limit): <https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES>.
fn postgres_keeps_rows(from: &ColumnType, to: &ColumnType) -> bool {
    use ColumnType::*;
    match (from, to) {
        (String(_), Text) | (Text, String(None)) => true,
        (String(Some(a)), String(Some(b))) => b >= a,
        (String(_), String(None)) => true,
        (Decimal(Some((p1, s1))), Decimal(Some((p2, s2)))) => s1 == s2 && p2 >= p1,
        (Decimal(_), Decimal(None)) => true,
        (VarBinary(_), Blob) => true,
        _ => false,
    }
}

/// Whether MySQL changes the type in place: only a VARCHAR that grows without changing the
/// size of its length prefix (255 bytes is the boundary for one-byte characters):
/// <https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html#online-ddl-column-operations>.
fn mysql_in_place(from: &ColumnType, to: &ColumnType) -> bool {
    match (from, to) {
        (ColumnType::String(Some(a)), ColumnType::String(Some(b))) => {
            b >= a && ((*a <= 255) == (*b <= 255))
        }
        _ => false,
    }
}

/// Whether every value of `from` fits `to` unchanged (a widening type change).
fn is_widening(from: &ColumnType, to: &ColumnType) -> bool {
    use ColumnType::*;
    if from == to {
        return true;
    }
    // A length-less bound is unbounded: `None` fits anything, anything fits `None`.
    let fits = |a: &Option<u32>, b: &Option<u32>| match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(a), Some(b)) => b >= a,
    };
    match (from, to) {
        (_, Text) => !matches!(from, Blob | Binary(_) | VarBinary(_) | Custom(_)),
        (a, b) if int_rank(a).is_some() && int_rank(b).is_some() => int_rank(a) <= int_rank(b),
        (a, b) if unsigned_rank(a).is_some() && unsigned_rank(b).is_some() => {
            unsigned_rank(a) <= unsigned_rank(b)
        }
        // An unsigned integer fits the next wider signed one.
        (a, b) if unsigned_rank(a).is_some() && int_rank(b).is_some() => {
            unsigned_rank(a) < int_rank(b)
        }
        (Boolean, b) => int_rank(b).is_some(),
        (Float, Double) => true,
        (TinyInteger | SmallInteger, Float) => true,
        (TinyInteger | SmallInteger | Integer, Double) => true,
        (TinyInteger | SmallInteger | Integer | BigInteger, Decimal(None)) => true,
        (Decimal(_), Decimal(None)) => true,
        (Decimal(Some((p1, s1))), Decimal(Some((p2, s2)))) => {
            // Both the integer digits and the fraction digits must not shrink.
            s2 >= s1 && i64::from(*p2) - i64::from(*s2) >= i64::from(*p1) - i64::from(*s1)
        }
        (Char(a) | String(a), String(b)) => fits(a, b),
        (Char(a), Char(b)) => fits(a, b),
        (Uuid, String(b) | Char(b)) => fits(&Some(36), b),
        (Binary(a), VarBinary(b)) => fits(&Some(*a), b),
        (VarBinary(a), VarBinary(b)) => fits(a, b),
        (Binary(_) | VarBinary(_), Blob) => true,
        (Date, DateTime | TimestampWithTimeZone) => true,
        (DateTime, TimestampWithTimeZone) => true,
        (JsonBinary, Json) => true,
        _ => false,
    }
}

/// Rank of an unsigned integer type by width (the same scale as [`int_rank`]).
fn unsigned_rank(t: &ColumnType) -> Option<u8> {
    match t {
        ColumnType::TinyUnsigned => Some(1),
        ColumnType::SmallUnsigned => Some(2),
        ColumnType::Unsigned => Some(3),
        ColumnType::BigUnsigned => Some(4),
        _ => None,
    }
}

/// Rank of an integer type by width.
fn int_rank(t: &ColumnType) -> Option<u8> {
    match t {
        ColumnType::TinyInteger => Some(1),
        ColumnType::SmallInteger => Some(2),
        ColumnType::Integer => Some(3),
        ColumnType::BigInteger => Some(4),
        _ => None,
    }
}

/// For a NOT NULL column added without a default, the safe three-step pattern as comment
/// lines: add it nullable, backfill, then set NOT NULL.
pub fn safe_pattern(op: &Op) -> Option<Vec<String>> {
    let Op::AddColumn { table, column } = op else {
        return None;
    };
    if column.nullable
        || column.default.is_some()
        || column.auto_increment
        || column.generated.is_some()
    {
        return None;
    }
    let c = &column.name;
    Some(vec![
        format!("Safe pattern when {table} has rows (replace the add_column below with):"),
        format!("  1. add {table}.{c} as NULL (`.null()` instead of `.not_null()`);"),
        format!("  2. backfill: UPDATE {table} SET {c} = <value> WHERE {c} IS NULL;"),
        format!(
            "  3. set NOT NULL in a later statement or revision (autogenerate proposes it as alter column {table}.{c}: NULL -> NOT NULL)."
        ),
    ])
}
