//! Which rename candidates of `revision --autogenerate` become renames: those given with
//! `--rename`, and on a terminal each one the user accepts at a `[y/N]` prompt. Without a
//! terminal a candidate stays a drop and an add, and the output says how to rename it.
//! (drizzle-kit asks the same question; Alembic never detects renames.)

use std::io::IsTerminal;

use dialoguer::Confirm;
use dialoguer::console::Term;

use crate::Error;
use crate::compare::Rename;

/// The renames to plan: every explicit one, plus each candidate accepted at the prompt.
pub fn decide(explicit: &[Rename], candidates: &[Rename]) -> Result<Vec<Rename>, Error> {
    let mut out = explicit.to_vec();
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    for candidate in candidates.iter().filter(|c| !overlaps_any(c, explicit)) {
        if interactive {
            if ask(candidate)? {
                out.push(candidate.clone());
            } else {
                println!("{}", fallback(candidate, "answered no"));
            }
        } else {
            println!(
                "{}; to rename, pass --rename {candidate}",
                fallback(candidate, "no terminal to ask")
            );
        }
    }
    Ok(out)
}

/// `note: user.fullname -> full_name may be a rename; planned as drop + add (answered no)`.
fn fallback(candidate: &Rename, why: &str) -> String {
    match candidate {
        Rename::Table { from, to } => format!(
            "note: table {from} -> {to} may be a rename; planned as a new table {to}, and {from} \
             is left as it is ({why})"
        ),
        Rename::Column { table, from, to } => {
            format!("note: {table}.{from} -> {to} may be a rename; planned as drop + add ({why})")
        }
    }
}

/// Whether an explicit rename already decides about this candidate's old or new name.
fn overlaps_any(candidate: &Rename, explicit: &[Rename]) -> bool {
    explicit.iter().any(|e| match (candidate, e) {
        (Rename::Table { from, to }, Rename::Table { from: f, to: t }) => from == f || to == t,
        (
            Rename::Column { table, from, to },
            Rename::Column {
                table: tb,
                from: f,
                to: t,
            },
        ) => table == tb && (from == f || to == t),
        _ => false,
    })
}

/// `rename user.fullname to user.full_name? [y/N]` on the terminal; Enter means no.
fn ask(candidate: &Rename) -> Result<bool, Error> {
    Confirm::new()
        .with_prompt(candidate.question())
        .default(false)
        .wait_for_newline(true)
        .interact_on(&Term::stderr())
        .map_err(|e| Error::Usage(format!("rename prompt: {e}")))
}
