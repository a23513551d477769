//! Planned steps → Rust statements; conditions become `if`/`match` on the backend.

use sea_orm::DbBackend;

use crate::plan::Step;

use super::code::Code;
use super::column::{column_def, default_arg, type_call};
use super::literal::rs;
use super::statement::{create_index, create_table, foreign_key_create};

/// Code for `steps`, in order.
pub fn steps_code(steps: &[Step]) -> Code {
    let mut code = Code::default();
    for step in steps {
        step_code(step, &mut code);
    }
    code
}

/// The `DbBackend::X` path of a backend.
fn backend_path(backend: DbBackend, code: &mut Code) -> String {
    code.sea_orm.insert("DbBackend");
    let name = match backend {
        DbBackend::Postgres => "Postgres",
        DbBackend::MySql => "MySql",
        _ => "Sqlite",
    };
    format!("DbBackend::{name}")
}

/// A nested block's statements, with its imports merged into `code`.
fn block(steps: &[Step], code: &mut Code) -> String {
    let inner = steps_code(steps);
    code.absorb(inner)
}

fn step_code(step: &Step, c: &mut Code) {
    match step {
        Step::Comment(text) => c.push(format!("// {}", one_line(text))),
        Step::Warning(text) => c.push(format!("// WARNING: {}", one_line(text))),
        Step::CreateTable { table, name } => {
            let stmt = create_table(table, name, c);
            c.manager("create_table", stmt);
        }
        Step::DropTable { name } => {
            c.use_sq(&["Table"]);
            c.manager("drop_table", format!("Table::drop().table({})", rs(name)));
        }
        Step::RenameTable { from, to } => {
            c.use_sq(&["Table"]);
            c.manager(
                "rename_table",
                format!("Table::rename().table({}, {})", rs(from), rs(to)),
            );
        }
        Step::AddColumn { table, column } => {
            c.use_sq(&["Table"]);
            let def = column_def(column, false, c);
            c.manager(
                "alter_table",
                format!("Table::alter().table({}).add_column({def})", rs(table)),
            );
        }
        Step::DropColumn { table, column } => {
            c.use_sq(&["Table"]);
            c.manager(
                "alter_table",
                format!(
                    "Table::alter().table({}).drop_column({})",
                    rs(table),
                    rs(column)
                ),
            );
        }
        Step::RenameColumn { table, from, to } => {
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
        Step::ModifyColumn { table, column } => {
            c.use_sq(&["Table"]);
            let def = column_def(column, false, c);
            c.manager(
                "alter_table",
                format!("Table::alter().table({}).modify_column({def})", rs(table)),
            );
        }
        Step::AlterColumnParts {
            table,
            column,
            col_type,
            nullable,
            default,
        } => {
            c.use_sq(&["Table", "ColumnDef"]);
            let mut parts = String::new();
            if let Some(ty) = col_type {
                parts.push_str(&type_call(ty, c));
            }
            match nullable {
                Some(true) => parts.push_str(".null()"),
                Some(false) => parts.push_str(".not_null()"),
                None => {}
            }
            if let Some(d) = default {
                parts.push_str(&format!(".default({})", default_arg(d, c)));
            }
            c.manager(
                "alter_table",
                format!(
                    "Table::alter().table({}).modify_column(ColumnDef::new({}){parts})",
                    rs(table),
                    rs(column)
                ),
            );
        }
        Step::CreateIndex {
            table,
            name,
            columns,
            unique,
        } => {
            let stmt = create_index(table, name, columns, *unique, c);
            c.manager("create_index", stmt);
        }
        Step::DropIndex { table, name } => {
            c.use_sq(&["Index"]);
            c.manager(
                "drop_index",
                format!("Index::drop().name({}).table({})", rs(name), rs(table)),
            );
        }
        Step::AddForeignKey { table, foreign_key } => {
            let stmt = foreign_key_create(foreign_key, Some(table), c);
            c.manager("create_foreign_key", stmt);
        }
        Step::DropForeignKey { table, name } => {
            c.use_sq(&["ForeignKey"]);
            c.manager(
                "drop_foreign_key",
                format!("ForeignKey::drop().name({}).table({})", rs(name), rs(table)),
            );
        }
        Step::Raw(sql) => c.raw_sql(sql),
        Step::OnlyOn(backend, steps) => {
            let path = backend_path(*backend, c);
            let body = block(steps, c);
            c.push(format!(
                "if manager.get_database_backend() == {path} {{\n{body}\n}}"
            ));
        }
        Step::ExceptOn(backend, steps) => {
            let path = backend_path(*backend, c);
            let body = block(steps, c);
            c.push(format!(
                "if manager.get_database_backend() != {path} {{\n{body}\n}}"
            ));
        }
        Step::Match(arms) => {
            let mut text = String::from("match manager.get_database_backend() {\n");
            for (backend, steps) in arms {
                let path = backend_path(*backend, c);
                let body = block(steps, c);
                text.push_str(&format!("{path} => {{\n{body}\n}}\n"));
            }
            text.push_str("_ => {}\n}");
            c.sea_orm.insert("DbBackend");
            c.push(text);
        }
    }
}

/// Control and bidi characters would end a `//` comment early or break the file.
fn one_line(text: &str) -> String {
    crate::revision::comment_text(text)
}
