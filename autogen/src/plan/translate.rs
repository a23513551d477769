//! One op → steps for every backend (SQLite's table rebuilds are planned separately).

use sea_orm::DbBackend;

use crate::model::{Column, ColumnType as Ty, Table};
use crate::ops::{ColumnChange, Op};

use super::deferrable;
use super::identity::postgres_identity_change;
use super::sql;
use super::step::Step;
use crate::backend::Backend;

/// Steps for `op`: portable statements where sea-query expresses the op everywhere, backend
/// branches where it does not.
pub fn op_steps(op: &Op) -> Vec<Step> {
    match op {
        Op::AddTable(table) => {
            let creatable = sql::creatable(table);
            // A partitioned table read from PostgreSQL is created partitioned there; the
            // other backends have no such clause (MySQL's needs its partitions listed).
            let pg_options: Vec<String> = table
                .partition_by
                .iter()
                .map(|key| format!("PARTITION BY {key}"))
                .collect();
            let create = |options: Vec<String>| Step::CreateTable {
                table: creatable.clone(),
                name: table.name.clone(),
                options,
            };
            let mut steps = if deferrable::has_deferrable(&creatable) {
                deferrable::create_table_steps(&creatable, pg_options)
            } else if pg_options.is_empty() {
                vec![create(Vec::new())]
            } else {
                vec![
                    Step::OnlyOn(DbBackend::Postgres, vec![create(pg_options)]),
                    Step::ExceptOn(DbBackend::Postgres, vec![create(Vec::new())]),
                ]
            };
            let comments = postgres_comments(table);
            if !comments.is_empty() {
                steps.push(Step::OnlyOn(DbBackend::Postgres, comments));
            }
            steps
        }
        Op::DropTable(table) => vec![Step::DropTable {
            name: table.name.clone(),
        }],
        Op::AddColumn { table, column } => {
            let mut steps = vec![Step::AddColumn {
                table: table.clone(),
                column: column.clone(),
            }];
            if let Some(comment) = &column.comment {
                steps.push(Step::OnlyOn(
                    DbBackend::Postgres,
                    vec![Step::Raw(sql::comment_on_column(
                        table,
                        &column.name,
                        Some(comment),
                    ))],
                ));
            }
            steps
        }
        Op::DropColumn { table, column } => vec![Step::DropColumn {
            table: table.clone(),
            column: column.name.clone(),
        }],
        Op::RenameTable { from, to } => vec![Step::RenameTable {
            from: from.clone(),
            to: to.clone(),
        }],
        Op::RenameColumn { table, from, to } => vec![Step::RenameColumn {
            table: table.clone(),
            from: from.clone(),
            to: to.clone(),
        }],
        Op::AlterColumn {
            table,
            from,
            to,
            changes,
        } => alter_column(table, from, to, changes),
        Op::AddDefinedIndex { index, .. } => {
            sql::defined_index_steps(index, |_, create| create.to_owned())
        }
        Op::DropDefinedIndex { table, index } => {
            sql::defined_index_steps(index, |b, _| sql::drop_index_sql(b, table, &index.name))
        }
        // SQLite changes checks through the table rebuild.
        Op::AddCheck { table, check } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                raw(vec![sql::add_check(Backend::Postgres, table, check)]),
            ),
            (
                DbBackend::MySql,
                raw(vec![sql::add_check(Backend::MySql, table, check)]),
            ),
        ])],
        Op::DropCheck { table, check } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                sql::drop_check(Backend::Postgres, table, check),
            ),
            (
                DbBackend::MySql,
                sql::drop_check(Backend::MySql, table, check),
            ),
        ])],
        Op::AddIndex {
            table,
            index,
            concurrently,
        } => vec![Step::CreateIndex {
            table: table.clone(),
            name: index.name.clone(),
            columns: index.columns.clone(),
            unique: false,
            concurrently: *concurrently,
        }],
        Op::DropIndex {
            table,
            index,
            concurrently,
        } => vec![Step::DropIndex {
            table: table.clone(),
            name: index.name.clone(),
            concurrently: *concurrently,
        }],
        // A unique index behaves the same on every backend and needs no table rebuild.
        Op::AddUnique {
            table,
            unique,
            concurrently,
        } => vec![Step::CreateIndex {
            table: table.clone(),
            name: sql::unique_name(table, unique),
            columns: unique.columns.clone(),
            unique: true,
            concurrently: *concurrently,
        }],
        // Postgres keeps a UNIQUE constraint or a unique index; drop whichever exists.
        Op::DropUnique {
            table,
            unique,
            concurrently,
        } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                raw(sql::postgres_drop_unique(
                    table,
                    &sql::unique_name(table, unique),
                    *concurrently,
                )),
            ),
            (
                DbBackend::MySql,
                vec![Step::DropIndex {
                    table: table.clone(),
                    name: sql::unique_name(table, unique),
                    concurrently: false,
                }],
            ),
        ])],
        Op::AddForeignKey { table, foreign_key } if !foreign_key.deferrable.is_no() => {
            vec![Step::Match(vec![
                (
                    DbBackend::Postgres,
                    vec![Step::Raw(deferrable::postgres_add(table, foreign_key))],
                ),
                (
                    DbBackend::MySql,
                    vec![Step::AddForeignKey {
                        table: table.clone(),
                        foreign_key: foreign_key.clone(),
                    }],
                ),
            ])]
        }
        Op::AddForeignKey { table, foreign_key } => vec![Step::ExceptOn(
            DbBackend::Sqlite,
            vec![Step::AddForeignKey {
                table: table.clone(),
                foreign_key: foreign_key.clone(),
            }],
        )],
        Op::DropForeignKey { table, foreign_key } => vec![Step::ExceptOn(
            DbBackend::Sqlite,
            vec![Step::DropForeignKey {
                table: table.clone(),
                name: foreign_key.name.clone(),
            }],
        )],
        // MySQL has no deferrable keys; SQLite changes it through the table rebuild.
        Op::AlterForeignKey { table, to, .. } => vec![Step::OnlyOn(
            DbBackend::Postgres,
            vec![Step::Raw(deferrable::postgres_alter(table, to))],
        )],
        Op::AlterPrimaryKey { table, from, to } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                raw(sql::postgres_alter_pk(table, from.as_ref(), to.as_ref())),
            ),
            (
                DbBackend::MySql,
                vec![Step::Raw(sql::mysql_alter_pk(
                    table,
                    from.as_ref(),
                    to.as_ref(),
                ))],
            ),
        ])],
        Op::CreateEnum(_) | Op::DropEnum(_) => super::enums::create_or_drop_steps(op),
        Op::CreateDomain(_) | Op::DropDomain(_) | Op::AlterDomain { .. } => {
            super::domains::domain_steps(op)
        }
        // Planned with the schema it starts from (see `planner`).
        Op::AlterEnum { .. } => Vec::new(),
        Op::SetTableComment { table, to, .. } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                vec![Step::Raw(sql::comment_on_table(table, to.as_deref()))],
            ),
            (
                DbBackend::MySql,
                vec![Step::Raw(sql::mysql_table_comment(table, to.as_deref()))],
            ),
        ])],
    }
}

/// Whether PostgreSQL needs a `USING` (or has no cast at all) to change `from` into `to`.
pub(crate) fn needs_cast(from: &Ty, to: &Ty) -> bool {
    conversion(from, to) != Conversion::Assignment
}

/// How PostgreSQL turns a column of type `from` into `to` in `ALTER COLUMN .. TYPE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conversion {
    /// By assignment: no `USING` (an explicit cast would truncate a longer varchar silently,
    /// where the assignment cast refuses).
    Assignment,
    /// An explicit cast exists: `USING "c"::t`.
    Cast,
    /// Through text: `USING "c"::text::t` (to or from an enum).
    ViaText,
    /// Through integer: `USING "c"::integer::t` (boolean to or from a smallint or bigint).
    ViaInteger,
    /// PostgreSQL has no cast: the revision needs a hand-written conversion.
    NoCast,
}

/// Whether `t` is one of the integer types (which cast to and from `integer`).
fn is_integer(t: &Ty) -> bool {
    matches!(
        t,
        Ty::TinyInteger
            | Ty::SmallInteger
            | Ty::BigInteger
            | Ty::TinyUnsigned
            | Ty::SmallUnsigned
            | Ty::Unsigned
            | Ty::BigUnsigned
    )
}

/// The conversion PostgreSQL makes from `from` to `to`, from `pg_cast` (PostgreSQL 15):
/// within the numbers, the strings, the JSON types and the binary types by assignment; to a
/// string by assignment and from one by an explicit I/O cast; date/time by assignment except
/// between date and time and from time to a timestamp (none); integer ↔ boolean and jsonb →
/// number or boolean by explicit cast; boolean ↔ the other integer types through integer; enums
/// through text. Nothing else has a cast (numeric →
/// timestamp, uuid ↔ bytea, ...).
pub(crate) fn conversion(from: &Ty, to: &Ty) -> Conversion {
    #[derive(PartialEq)]
    enum F {
        Number,
        Str,
        Time,
        Json,
        Bool,
        Uuid,
        Binary,
        Custom,
        Enum,
    }
    fn family(t: &Ty) -> F {
        match t {
            Ty::TinyInteger
            | Ty::SmallInteger
            | Ty::Integer
            | Ty::BigInteger
            | Ty::TinyUnsigned
            | Ty::SmallUnsigned
            | Ty::Unsigned
            | Ty::BigUnsigned
            | Ty::Float
            | Ty::Double
            | Ty::Decimal(_) => F::Number,
            Ty::Char(_) | Ty::String(_) | Ty::Text => F::Str,
            Ty::Date | Ty::Time | Ty::DateTime | Ty::TimestampWithTimeZone => F::Time,
            Ty::Json | Ty::JsonBinary => F::Json,
            Ty::Boolean => F::Bool,
            Ty::Uuid => F::Uuid,
            Ty::Blob | Ty::Binary(_) | Ty::VarBinary(_) => F::Binary,
            Ty::Custom(_) => F::Custom,
            Ty::Enum { .. } => F::Enum,
            // A domain converts as its base type (to it by assignment, from it implicitly).
            Ty::Domain { base, .. } => family(base),
        }
    }
    let (from, to) = (from.base(), to.base());
    let (a, b) = (family(from), family(to));
    match (&a, &b) {
        (F::Enum, _) | (_, F::Enum) => Conversion::ViaText,
        (F::Time, F::Time) => match (from, to) {
            (Ty::Date, Ty::Time)
            | (Ty::Time, Ty::Date | Ty::DateTime | Ty::TimestampWithTimeZone) => Conversion::NoCast,
            _ => Conversion::Assignment,
        },
        _ if a == b => Conversion::Assignment,
        (_, F::Str) => Conversion::Assignment,
        (F::Str, _) => Conversion::Cast,
        // Types the model does not know: left to PostgreSQL, as written.
        (F::Custom, _) | (_, F::Custom) => Conversion::Assignment,
        (F::Number, F::Bool) | (F::Bool, F::Number)
            if matches!(from, Ty::Integer) || matches!(to, Ty::Integer) =>
        {
            Conversion::Cast
        }
        (F::Number, F::Bool) | (F::Bool, F::Number) if is_integer(from) || is_integer(to) => {
            Conversion::ViaInteger
        }
        (F::Json, F::Number | F::Bool) if matches!(from, Ty::JsonBinary) => Conversion::Cast,
        _ => Conversion::NoCast,
    }
}

fn raw(statements: Vec<String>) -> Vec<Step> {
    statements.into_iter().map(Step::Raw).collect()
}

/// MySQL restates the whole column; Postgres alters only what changed; SQLite rebuilds.
fn alter_column(table: &str, from: &Column, to: &Column, changes: &[ColumnChange]) -> Vec<Step> {
    // PostgreSQL 15 cannot change a generation expression, nor make a plain column generated
    // (https://www.postgresql.org/docs/15/sql-altertable.html); MySQL could `MODIFY` it, but
    // dropping and adding the column is the same on both and recomputes every row. SQLite
    // rebuilds the table (see `plan::rebuild`).
    if changes.contains(&ColumnChange::Generated) {
        let mut steps = vec![Step::DropColumn {
            table: table.to_string(),
            column: from.name.clone(),
        }];
        steps.extend(op_steps(&Op::AddColumn {
            table: table.to_string(),
            column: to.clone(),
        }));
        return steps;
    }
    // MySQL has one kind of auto-increment: an identity change alone is nothing there.
    let mysql = if changes.iter().all(|c| *c == ColumnChange::Identity) {
        Vec::new()
    } else {
        vec![Step::ModifyColumn {
            table: table.to_string(),
            column: to.clone(),
        }]
    };

    let retyped = changes.contains(&ColumnChange::Type) && from.col_type != to.col_type;
    let redefault = changes.contains(&ColumnChange::Default);
    let mut pg = Vec::new();
    let conversion = if retyped {
        conversion(&from.col_type, &to.col_type)
    } else {
        Conversion::Assignment
    };
    let cast = conversion != Conversion::Assignment;
    // Step 1: an old default goes first when it is removed, or could not be cast to a new type
    // (a cast conversion always drops it: "default cannot be cast automatically"); it is set
    // again in step 3.
    let reset_default = cast && from.default.is_some() && to.default.is_some();
    if from.default.is_some() && ((redefault && (to.default.is_none() || retyped)) || cast) {
        pg.push(Step::Raw(sql::drop_default(table, &to.name)));
    }
    // Step 2: a type Postgres cannot convert by assignment goes alone, with an explicit cast
    // (or, where no cast exists, a hazard: the statement fails until it is edited).
    if conversion == Conversion::NoCast {
        pg.push(Step::Hazard {
            text: format!(
                "HAZARD: PostgreSQL has no cast from {} to {}: this revision needs a hand-written conversion (edit the USING clause below)",
                crate::ops::type_name(&from.col_type),
                crate::ops::type_name(&to.col_type)
            ),
            backends: vec![DbBackend::Postgres],
        });
    }
    // A collated column restates its collation, which sea-query's `ALTER COLUMN .. TYPE`
    // cannot say: that type change is its own statement too.
    let collation = to
        .collation
        .as_ref()
        .filter(|c| c.backend == crate::backend::Backend::Postgres)
        .map(|c| c.name.as_str());
    let alone = cast || (retyped && collation.is_some());
    if alone {
        pg.push(Step::Raw(sql::postgres_retype(
            table,
            &to.name,
            &to.col_type,
            match conversion {
                Conversion::ViaText => sql::Using::Via("text"),
                Conversion::ViaInteger => sql::Using::Via("integer"),
                Conversion::Assignment => sql::Using::Assignment,
                _ => sql::Using::Cast,
            },
            collation,
        )));
    }
    // Step 3: type, nullability and the new default in one statement.
    let parts = Step::AlterColumnParts {
        table: table.to_string(),
        column: to.name.clone(),
        col_type: (retyped && !alone).then(|| to.col_type.clone()),
        nullable: changes
            .contains(&ColumnChange::Nullable)
            .then_some(to.nullable),
        default: if redefault || reset_default {
            to.default.clone()
        } else {
            None
        },
    };
    if !matches!(
        &parts,
        Step::AlterColumnParts {
            col_type: None,
            nullable: None,
            default: None,
            ..
        }
    ) {
        pg.push(parts);
    }
    // Step 4: auto-increment is a serial or an identity on Postgres.
    if (changes.contains(&ColumnChange::Type) && from.auto_increment != to.auto_increment)
        || changes.contains(&ColumnChange::Identity)
    {
        pg.extend(raw(postgres_identity_change(table, from, to)));
    }
    if changes.contains(&ColumnChange::Comment) {
        pg.push(Step::Raw(sql::comment_on_column(
            table,
            &to.name,
            to.comment.as_deref(),
        )));
    }
    let mut arms = Vec::new();
    if !mysql.is_empty() {
        arms.push((DbBackend::MySql, mysql));
    }
    if !pg.is_empty() {
        arms.push((DbBackend::Postgres, pg));
    }
    vec![Step::Match(arms)]
}

/// sea-query drops comments on Postgres, so they are set with `COMMENT ON`.
fn postgres_comments(table: &Table) -> Vec<Step> {
    let mut steps = Vec::new();
    if let Some(comment) = &table.comment {
        steps.push(Step::Raw(sql::comment_on_table(&table.name, Some(comment))));
    }
    for column in &table.columns {
        if let Some(comment) = &column.comment {
            steps.push(Step::Raw(sql::comment_on_column(
                &table.name,
                &column.name,
                Some(comment),
            )));
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(ty: Ty) -> Column {
        Column {
            name: "c".into(),
            col_type: ty,
            nullable: true,
            default: None,
            auto_increment: false,
            comment: None,
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: None,
            identity: None,
        }
    }

    #[test]
    fn postgres_conversions_follow_pg_cast() {
        let e = Ty::Enum {
            name: "st".into(),
            values: vec!["a".into()],
        };
        assert_eq!(conversion(&Ty::Text, &Ty::Integer), Conversion::Cast);
        assert_eq!(conversion(&Ty::Text, &Ty::Boolean), Conversion::Cast);
        assert_eq!(conversion(&Ty::Integer, &Ty::Boolean), Conversion::Cast);
        assert_eq!(
            conversion(&Ty::BigInteger, &Ty::Boolean),
            Conversion::ViaInteger
        );
        assert_eq!(
            conversion(&Ty::Boolean, &Ty::SmallInteger),
            Conversion::ViaInteger
        );
        assert_eq!(
            conversion(&Ty::Decimal(None), &Ty::DateTime),
            Conversion::NoCast
        );
        assert_eq!(
            conversion(&Ty::Integer, &Ty::BigInteger),
            Conversion::Assignment
        );
        assert_eq!(conversion(&Ty::Integer, &Ty::Text), Conversion::Assignment);
        assert_eq!(conversion(&Ty::Text, &e), Conversion::ViaText);
        assert_eq!(conversion(&e, &Ty::Text), Conversion::ViaText);
    }

    #[test]
    fn numeric_to_timestamp_has_a_hazard_line() {
        let steps = alter_column(
            "t",
            &col(Ty::Decimal(None)),
            &col(Ty::DateTime),
            &[ColumnChange::Type],
        );
        let Step::Match(arms) = &steps[0] else {
            panic!("{steps:?}")
        };
        let (_, pg) = arms
            .iter()
            .find(|(b, _)| *b == DbBackend::Postgres)
            .expect("a postgres arm");
        assert!(
            matches!(&pg[0], Step::Hazard { text, .. } if text.contains("hand-written conversion")),
            "{pg:?}"
        );
        assert!(
            matches!(&pg[1], Step::Raw(sql) if sql.ends_with("USING \"c\"::timestamp without time zone")),
            "{pg:?}"
        );
    }

    #[test]
    fn text_to_enum_casts_through_text() {
        let e = Ty::Enum {
            name: "st".into(),
            values: vec!["a".into()],
        };
        let steps = alter_column("t", &col(Ty::Text), &col(e), &[ColumnChange::Type]);
        let Step::Match(arms) = &steps[0] else {
            panic!("{steps:?}")
        };
        let pg = &arms
            .iter()
            .find(|(b, _)| *b == DbBackend::Postgres)
            .unwrap()
            .1;
        assert!(
            matches!(&pg[0], Step::Raw(sql) if sql == "ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE \"st\" USING \"c\"::text::\"st\""),
            "{pg:?}"
        );
    }
}
