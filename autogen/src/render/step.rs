//! Planned steps → Rust statements; conditions become `if`/`match` on the backend.

use sea_orm::DbBackend;

use crate::plan::{Step, statement};

use super::code::Code;

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
    code.imports.sea_orm("DbBackend");
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
        Step::Hazard { text, .. } => c.push(format!("// {}", one_line(text))),
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
            c.imports.sea_orm("DbBackend");
            c.push(text);
        }
        leaf => {
            if let Some(stmt) = statement(leaf) {
                let line = stmt.rust(&mut c.imports);
                c.push(line);
            }
        }
    }
}

/// Control and bidi characters would end a `//` comment early or break the file.
fn one_line(text: &str) -> String {
    crate::revision::comment_text(text)
}
