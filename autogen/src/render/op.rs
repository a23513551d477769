//! One op → builder calls, with a backend branch where sea-query cannot express it portably.

use crate::model::{ForeignKey, Index, Table, Unique};
use crate::ops::{ColumnChange, Op};

use super::code::Code;
use super::column::{column_def, default_arg, fk_action, type_call};
use super::literal::{ident, rs, sql_str};

/// Whether SQLite must rebuild the table for this op (it cannot ALTER it in place).
pub fn needs_sqlite_rebuild(op: &Op) -> bool {
    match op {
        Op::AlterColumn { changes, .. } => changes.iter().any(|c| *c != ColumnChange::Comment),
        Op::AddColumn { column, .. } => {
            column.auto_increment || (!column.nullable && column.default.is_none())
        }
        Op::DropUnique { .. }
        | Op::AddForeignKey { .. }
        | Op::DropForeignKey { .. }
        | Op::AlterPrimaryKey { .. } => true,
        _ => false,
    }
}

/// Code for `op` on every backend (SQLite's rebuild is emitted separately).
pub fn op_code(op: &Op) -> Code {
    let mut c = Code::default();
    match op {
        Op::AddTable(table) => {
            let stmt = create_table(table, &table.name, &mut c);
            c.manager("create_table", stmt);
            postgres_comments(table, &mut c);
        }
        Op::DropTable(table) => {
            c.use_sq(&["Table"]);
            c.manager(
                "drop_table",
                format!("Table::drop().table({})", rs(&table.name)),
            );
        }
        Op::AddColumn { table, column } => {
            c.use_sq(&["Table"]);
            let def = column_def(column, false, &mut c);
            c.manager(
                "alter_table",
                format!("Table::alter().table({}).add_column({def})", rs(table)),
            );
            if let Some(comment) = &column.comment {
                postgres_only(
                    &mut c,
                    &[comment_on_column(table, &column.name, Some(comment))],
                );
            }
        }
        Op::DropColumn { table, column } => {
            c.use_sq(&["Table"]);
            c.manager(
                "alter_table",
                format!(
                    "Table::alter().table({}).drop_column({})",
                    rs(table),
                    rs(&column.name)
                ),
            );
        }
        Op::RenameColumn { table, from, to } => {
            c.use_sq(&["Table"]);
            c.manager(
                "alter_table",
                format!(
                    "Table::alter().table({}).rename_column({}, {})",
                    rs(table),
                    rs(from),
                    rs(to)
                ),
            );
        }
        Op::AlterColumn {
            table,
            from,
            to,
            changes,
        } => alter_column(table, from, to, changes, &mut c),
        Op::AddIndex { table, index } => {
            let stmt = create_index(table, index, &mut c);
            c.manager("create_index", stmt);
        }
        Op::DropIndex { table, index } => {
            c.use_sq(&["Index"]);
            c.manager(
                "drop_index",
                format!(
                    "Index::drop().name({}).table({})",
                    rs(&index.name),
                    rs(table)
                ),
            );
        }
        Op::AddUnique { table, unique } => {
            // A unique index behaves the same on every backend and needs no table rebuild.
            let stmt = create_unique_index(table, unique, &mut c);
            c.manager("create_index", stmt);
        }
        Op::DropUnique { table, unique } => {
            let mut mysql = Code::default();
            mysql.use_sq(&["Index"]);
            mysql.manager(
                "drop_index",
                format!(
                    "Index::drop().name({}).table({})",
                    rs(&unique.name),
                    rs(table)
                ),
            );
            // Postgres keeps a UNIQUE constraint or a unique index; drop whichever exists.
            let pg = [
                format!(
                    "ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}",
                    ident(table),
                    ident(&unique.name)
                ),
                format!("DROP INDEX IF EXISTS {}", ident(&unique.name)),
            ];
            branch(&mut c, Some(&pg), Some(mysql));
        }
        Op::AddForeignKey { table, foreign_key } => {
            let stmt = create_foreign_key(table, foreign_key, &mut c);
            let mut inner = Code::default();
            inner.manager("create_foreign_key", stmt);
            not_sqlite(&mut c, inner);
        }
        Op::DropForeignKey { table, foreign_key } => {
            let mut inner = Code::default();
            inner.use_sq(&["ForeignKey"]);
            inner.manager(
                "drop_foreign_key",
                format!(
                    "ForeignKey::drop().name({}).table({})",
                    rs(&foreign_key.name),
                    rs(table)
                ),
            );
            not_sqlite(&mut c, inner);
        }
        Op::AlterPrimaryKey { table, from, to } => {
            let mut pg = Vec::new();
            let mut my = Code::default();
            if let Some(pk) = from {
                let name = pk.name.clone().unwrap_or_else(|| format!("{table}_pkey"));
                pg.push(format!(
                    "ALTER TABLE {} DROP CONSTRAINT {}",
                    ident(table),
                    ident(&name)
                ));
                my.raw_sql(&format!("ALTER TABLE `{table}` DROP PRIMARY KEY"));
            }
            if let Some(pk) = to {
                let cols: Vec<String> = pk.columns.iter().map(|c| ident(c)).collect();
                pg.push(format!(
                    "ALTER TABLE {} ADD PRIMARY KEY ({})",
                    ident(table),
                    cols.join(", ")
                ));
                let cols: Vec<String> = pk.columns.iter().map(|c| format!("`{c}`")).collect();
                my.raw_sql(&format!(
                    "ALTER TABLE `{table}` ADD PRIMARY KEY ({})",
                    cols.join(", ")
                ));
            }
            branch(&mut c, Some(&pg), Some(my));
        }
        Op::AlterTableComment { table, to, .. } => {
            let mut my = Code::default();
            my.raw_sql(&format!(
                "ALTER TABLE `{table}` COMMENT = {}",
                sql_str(to.as_deref().unwrap_or(""))
            ));
            let pg = [format!(
                "COMMENT ON TABLE {} IS {}",
                ident(table),
                to.as_deref().map(sql_str).unwrap_or_else(|| "NULL".into())
            )];
            branch(&mut c, Some(&pg), Some(my));
        }
    }
    c
}

fn alter_column(
    table: &str,
    from: &crate::model::Column,
    to: &crate::model::Column,
    changes: &[ColumnChange],
    c: &mut Code,
) {
    // MySQL's MODIFY COLUMN restates the whole column.
    let mut my = Code::default();
    my.use_sq(&["Table"]);
    let def = column_def(to, false, &mut my);
    my.manager(
        "alter_table",
        format!("Table::alter().table({}).modify_column({def})", rs(table)),
    );

    // Postgres alters only what changed.
    let mut pg_code = Code::default();
    let mut partial = String::new();
    if changes.contains(&ColumnChange::Type) {
        partial.push_str(&type_call(&to.col_type, &mut pg_code));
    }
    if changes.contains(&ColumnChange::Nullable) {
        partial.push_str(if to.nullable {
            ".null()"
        } else {
            ".not_null()"
        });
    }
    if changes.contains(&ColumnChange::Default)
        && let Some(d) = &to.default
    {
        partial.push_str(&format!(".default({})", default_arg(d, &mut pg_code)));
    }
    if !partial.is_empty() {
        pg_code.use_sq(&["Table", "ColumnDef"]);
        pg_code.manager(
            "alter_table",
            format!(
                "Table::alter().table({}).modify_column(ColumnDef::new({}){partial})",
                rs(table),
                rs(&to.name)
            ),
        );
    }
    if changes.contains(&ColumnChange::Default) && to.default.is_none() && from.default.is_some() {
        pg_code.raw_sql(&format!(
            "ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT",
            ident(table),
            ident(&to.name)
        ));
    }
    if changes.contains(&ColumnChange::Comment) {
        pg_code.raw_sql(&comment_on_column(table, &to.name, to.comment.as_deref()));
    }
    let mut body = format!(
        "match manager.get_database_backend() {{\nDbBackend::MySql => {{\n{}\n}}\n",
        c.absorb(my)
    );
    body.push_str(&format!(
        "DbBackend::Postgres => {{\n{}\n}}\n",
        c.absorb(pg_code)
    ));
    body.push_str("_ => {}\n}");
    c.sea_orm.insert("DbBackend");
    c.push(body);
}

/// `Table::create()...` for `table`, created under `name` (differs for SQLite rebuilds).
pub fn create_table(table: &Table, name: &str, c: &mut Code) -> String {
    c.use_sq(&["Table"]);
    let single_pk = match &table.primary_key {
        Some(pk) if pk.columns.len() == 1 => Some(pk.columns[0].clone()),
        _ => None,
    };
    let mut s = format!("Table::create().table({})", rs(name));
    for column in &table.columns {
        let inline = single_pk.as_deref() == Some(column.name.as_str());
        s.push_str(&format!(".col({})", column_def(column, inline, c)));
    }
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.columns.len() > 1) {
        c.use_sq(&["Index"]);
        let cols: String = pk
            .columns
            .iter()
            .map(|col| format!(".col({})", rs(col)))
            .collect();
        s.push_str(&format!(".primary_key(Index::create(){cols})"));
    }
    for unique in table.uniques.values() {
        c.use_sq(&["Index"]);
        let cols: String = unique
            .columns
            .iter()
            .map(|col| format!(".col({})", rs(col)))
            .collect();
        s.push_str(&format!(
            ".index(Index::create().name({}){cols}.unique())",
            rs(&unique.name)
        ));
    }
    for fk in table.foreign_keys.values() {
        s.push_str(&format!(
            ".foreign_key({})",
            foreign_key_builder(fk, None, c)
        ));
    }
    if let Some(comment) = &table.comment {
        s.push_str(&format!(".comment({})", rs(comment)));
    }
    s
}

fn create_index(table: &str, index: &Index, c: &mut Code) -> String {
    c.use_sq(&["Index"]);
    let cols: String = index
        .columns
        .iter()
        .map(|col| format!(".col({})", rs(col)))
        .collect();
    format!(
        "Index::create().name({}).table({}){cols}",
        rs(&index.name),
        rs(table)
    )
}

/// `Index::create()` for a non-unique index (also used after SQLite rebuilds).
pub fn create_index_stmt(table: &str, index: &Index, c: &mut Code) -> String {
    create_index(table, index, c)
}

fn create_unique_index(table: &str, unique: &Unique, c: &mut Code) -> String {
    c.use_sq(&["Index"]);
    let cols: String = unique
        .columns
        .iter()
        .map(|col| format!(".col({})", rs(col)))
        .collect();
    format!(
        "Index::create().name({}).table({}){cols}.unique()",
        rs(&unique.name),
        rs(table)
    )
}

fn create_foreign_key(table: &str, fk: &ForeignKey, c: &mut Code) -> String {
    foreign_key_builder(fk, Some(table), c)
}

fn foreign_key_builder(fk: &ForeignKey, from_table: Option<&str>, c: &mut Code) -> String {
    c.use_sq(&["ForeignKey"]);
    let mut s = format!("ForeignKey::create().name({})", rs(&fk.name));
    if let Some(t) = from_table {
        s.push_str(&format!(".from_tbl({})", rs(t)));
    }
    for col in &fk.columns {
        s.push_str(&format!(".from_col({})", rs(col)));
    }
    s.push_str(&format!(".to_tbl({})", rs(&fk.ref_table)));
    for col in &fk.ref_columns {
        s.push_str(&format!(".to_col({})", rs(col)));
    }
    if let Some(a) = fk_action(fk.on_delete, c) {
        s.push_str(&format!(".on_delete({a})"));
    }
    if let Some(a) = fk_action(fk.on_update, c) {
        s.push_str(&format!(".on_update({a})"));
    }
    s
}

fn comment_on_column(table: &str, column: &str, comment: Option<&str>) -> String {
    format!(
        "COMMENT ON COLUMN {}.{} IS {}",
        ident(table),
        ident(column),
        comment.map(sql_str).unwrap_or_else(|| "NULL".into())
    )
}

/// sea-query drops comments on Postgres, so they are set with `COMMENT ON`.
fn postgres_comments(table: &Table, c: &mut Code) {
    let mut sql = Vec::new();
    if let Some(comment) = &table.comment {
        sql.push(format!(
            "COMMENT ON TABLE {} IS {}",
            ident(&table.name),
            sql_str(comment)
        ));
    }
    for column in &table.columns {
        if let Some(comment) = &column.comment {
            sql.push(comment_on_column(&table.name, &column.name, Some(comment)));
        }
    }
    if !sql.is_empty() {
        postgres_only(c, &sql);
    }
}

fn postgres_only(c: &mut Code, sql: &[String]) {
    let mut inner = Code::default();
    for s in sql {
        inner.raw_sql(s);
    }
    c.sea_orm.insert("DbBackend");
    let body = c.absorb(inner);
    c.push(format!(
        "if manager.get_database_backend() == DbBackend::Postgres {{\n{body}\n}}"
    ));
}

fn not_sqlite(c: &mut Code, inner: Code) {
    c.sea_orm.insert("DbBackend");
    let body = c.absorb(inner);
    c.push(format!(
        "if manager.get_database_backend() != DbBackend::Sqlite {{\n{body}\n}}"
    ));
}

/// A `match` with Postgres raw SQL and MySQL code; SQLite is handled by a rebuild.
fn branch(c: &mut Code, pg: Option<&[String]>, mysql: Option<Code>) {
    let mut pg_code = Code::default();
    for s in pg.unwrap_or(&[]) {
        pg_code.raw_sql(s);
    }
    let pg_body = c.absorb(pg_code);
    let my_body = mysql.map(|m| c.absorb(m)).unwrap_or_default();
    c.sea_orm.insert("DbBackend");
    c.push(format!(
        "match manager.get_database_backend() {{\nDbBackend::Postgres => {{\n{pg_body}\n}}\nDbBackend::MySql => {{\n{my_body}\n}}\n_ => {{}}\n}}"
    ));
}
