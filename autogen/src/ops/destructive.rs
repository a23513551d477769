//! Which ops put existing data at risk, and a warning that says what.

use super::{ColumnChange, Op, type_name};
use crate::model::ColumnType;

impl Op {
    /// A warning naming the data at risk, or `None` when the op cannot lose data.
    ///
    /// Ops that may merely *fail* on existing data (adding a unique or a foreign key) are not
    /// destructive; the database refuses them without losing anything.
    pub fn is_destructive(&self) -> Option<String> {
        match self {
            Op::DropTable(t) => Some(format!(
                "dropping table \"{}\" deletes all of its rows",
                t.name
            )),
            Op::DropColumn { table, column } => Some(format!(
                "dropping column {table}.{} deletes the data in it",
                column.name
            )),
            Op::AlterColumn {
                table,
                from,
                to,
                changes,
            } => {
                let mut risks = Vec::new();
                if changes.contains(&ColumnChange::Type)
                    && !is_widening(&from.col_type, &to.col_type)
                {
                    risks.push(format!(
                        "changing the type of {table}.{} from {} to {} may truncate or reject existing values",
                        to.name,
                        type_name(&from.col_type),
                        type_name(&to.col_type)
                    ));
                }
                if changes.contains(&ColumnChange::Nullable) && from.nullable && !to.nullable {
                    risks.push(format!(
                        "making {table}.{} NOT NULL fails if any row holds NULL there",
                        to.name
                    ));
                }
                (!risks.is_empty()).then(|| risks.join("; "))
            }
            Op::DropUnique { table, unique } => Some(format!(
                "dropping unique ({}) on {table} lets duplicates in; restoring it later may fail",
                unique.columns.join(", ")
            )),
            Op::AlterPrimaryKey {
                table,
                from: Some(from),
                to,
            } if Some(from) != to.as_ref() => Some(format!(
                "replacing the primary key ({}) of {table} drops its uniqueness guarantee; restoring it later may fail on duplicates",
                from.columns.join(", ")
            )),
            Op::AlterEnum { name, from, to } => {
                let removed: Vec<&String> = from.iter().filter(|v| !to.contains(v)).collect();
                (!removed.is_empty()).then(|| {
                    let list: Vec<&str> = removed.iter().map(|v| v.as_str()).collect();
                    format!(
                        "removing value(s) {} from enum type {name} fails if any row still holds one: update those rows first",
                        list.join(", ")
                    )
                })
            }
            _ => None,
        }
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
