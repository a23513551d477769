//! Native enum types (PostgreSQL): created first, changed next, dropped last.

use crate::model::{ColumnType, Schema};
use crate::ops::Op;

use super::phases::Phases;

/// Diffs `Schema::enums` by name: a new type is created before any table or column uses it,
/// changed values are one `AlterEnum` (before the column changes, so they may use new values),
/// and a type the desired schema lacks is dropped at the very end, once no column uses it.
pub(super) fn diff_enums(current: &Schema, desired: &Schema, phases: &mut Phases) {
    for (name, want) in &desired.enums {
        match current.enums.get(name) {
            None => phases.create_enums.push(Op::CreateEnum(want.clone())),
            Some(have) if have.values != want.values => phases.alter_enums.push(Op::AlterEnum {
                name: name.clone(),
                from: have.values.clone(),
                to: want.values.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, have) in &current.enums {
        if !desired.enums.contains_key(name) {
            phases.drop_enums.push(Op::DropEnum(have.clone()));
        }
    }
}

/// Whether two column types are the same type. Two named enums are the same when their names
/// are: their values are the type's, compared by [`diff_enums`]. An unnamed (inline) enum is
/// the same only with the same values. Two domains are the same when their names are (their
/// definitions are compared by `diff_domains`).
pub(super) fn same_type(a: &ColumnType, b: &ColumnType) -> bool {
    match (a, b) {
        (ColumnType::Domain { name: x, .. }, ColumnType::Domain { name: y, .. }) => x == y,
        (ColumnType::Enum { name: x, .. }, ColumnType::Enum { name: y, .. })
            if !x.is_empty() && !y.is_empty() =>
        {
            x == y
        }
        _ => a == b,
    }
}
