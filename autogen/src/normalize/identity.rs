//! The kind of an auto-increment column, canonical per backend.

use sea_orm::DbBackend;

use crate::model::{Column, Identity};

/// PostgreSQL: an auto-increment column without a declared kind is what sea-query's
/// `auto_increment()` creates (identity by default); a step of 1 is the default step. Other
/// backends have one kind of auto-increment, and a plain column has none.
pub(crate) fn normalize_identity(backend: DbBackend, column: &Column) -> Option<Identity> {
    if backend != DbBackend::Postgres || !column.auto_increment {
        return None;
    }
    let identity = column.identity.unwrap_or(Identity::DEFAULT);
    Some(Identity {
        increment: identity.increment.filter(|n| *n != 1),
        ..identity
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ColumnType, IdentityKind};

    fn column(auto: bool, identity: Option<Identity>) -> Column {
        Column {
            name: "id".into(),
            col_type: ColumnType::Integer,
            nullable: false,
            default: None,
            auto_increment: auto,
            identity,
            comment: None,
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: None,
        }
    }

    #[test]
    fn postgres_auto_increment_is_identity_by_default_step_1() {
        let pg = DbBackend::Postgres;
        assert_eq!(
            normalize_identity(pg, &column(true, None)),
            Some(Identity::DEFAULT)
        );
        let one = Identity {
            kind: IdentityKind::Serial,
            increment: Some(1),
        };
        assert_eq!(
            normalize_identity(pg, &column(true, Some(one))),
            Some(Identity::of(IdentityKind::Serial))
        );
        assert_eq!(normalize_identity(pg, &column(false, Some(one))), None);
        assert_eq!(
            normalize_identity(DbBackend::MySql, &column(true, Some(one))),
            None
        );
    }
}
