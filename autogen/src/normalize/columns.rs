//! Column-level normalization: type first (defaults depend on it), then default, then what
//! only some backends have (`ON UPDATE`, collations, generated columns' kinds).

use sea_orm::DbBackend;

use crate::model::Column;

use super::{defaults, identity, types};

/// Normalizes one column's type and default in place.
pub(crate) fn normalize_column(backend: DbBackend, column: &mut Column) {
    column.col_type = types::normalize_type(backend, column.col_type.clone());
    column.default = defaults::normalize_default(backend, column);
    column.identity = identity::normalize_identity(backend, column);
    only_mysql_has_on_update_and_collation(backend, column);
    generated_column(backend, column);
}

/// A generated column has no default, and what each backend can say about it:
/// PostgreSQL 15 has only `STORED` columns
/// (<https://www.postgresql.org/docs/15/ddl-generated-columns.html>), and MariaDB takes no
/// `NULL`/`NOT NULL` on one, so it is always nullable there
/// (<https://mariadb.com/kb/en/generated-columns/>); plans write none on MySQL.
fn generated_column(backend: DbBackend, column: &mut Column) {
    let Some(generated) = &mut column.generated else {
        return;
    };
    column.default = None;
    match backend {
        DbBackend::Postgres => generated.stored = true,
        DbBackend::MySql => column.nullable = true,
        _ => {}
    }
}

/// `ON UPDATE CURRENT_TIMESTAMP` is MySQL's: elsewhere an entity's `ON UPDATE` says nothing.
/// A collation is kept only on the backend that named it.
fn only_mysql_has_on_update_and_collation(backend: DbBackend, column: &mut Column) {
    if backend != DbBackend::MySql {
        column.on_update = None;
    }
    if column
        .collation
        .as_ref()
        .is_some_and(|c| c.backend.db() != backend)
    {
        column.collation = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Collation, ColumnType, OnUpdate};

    #[test]
    fn only_mysql_has_on_update_and_collation() {
        let column = Column {
            name: "at".into(),
            col_type: ColumnType::DateTime,
            nullable: true,
            default: None,
            auto_increment: false,
            identity: None,
            comment: None,
            renamed_from: None,
            on_update: Some(OnUpdate { precision: None }),
            collation: Some(Collation::mysql("utf8mb4_bin")),
            generated: None,
        };
        for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
            let mut c = column.clone();
            normalize_column(backend, &mut c);
            assert_eq!((c.on_update, c.collation), (None, None), "{backend:?}");
        }
        let mut pg = column.clone();
        pg.collation = Some(Collation::postgres("C"));
        normalize_column(DbBackend::Postgres, &mut pg);
        assert_eq!(pg.collation, Some(Collation::postgres("C")));
        let mut c = column.clone();
        normalize_column(DbBackend::MySql, &mut c);
        assert_eq!(
            (c.on_update, c.collation),
            (column.on_update, column.collation)
        );
    }

    #[test]
    fn generated_columns_per_backend() {
        let mut column = Column::new("b", ColumnType::Integer);
        column.default = Some("0".into());
        column.generated = Some(crate::model::Generated {
            expression: "a * 2".into(),
            stored: false,
        });
        let normalized = |backend| {
            let mut c = column.clone();
            normalize_column(backend, &mut c);
            (c.default, c.nullable, c.generated.map(|g| g.stored))
        };
        assert_eq!(normalized(DbBackend::Postgres), (None, false, Some(true)));
        assert_eq!(normalized(DbBackend::MySql), (None, true, Some(false)));
        assert_eq!(normalized(DbBackend::Sqlite), (None, false, Some(false)));
    }
}
