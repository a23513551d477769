//! Assembles a whole migration file from ops: plan both directions, write the steps out.

use crate::model::Schema;
use crate::model::apply::apply_all;
use crate::ops::{Op, RESTORES_STRUCTURE_ONLY, reverse_all};
use crate::plan::{Step, plan};
use crate::revision::{NewRevision, render, rustfmt};

use sea_orm::DbBackend;

use super::backends::{guard_line, restrict};
use super::code::Code;
use super::step::steps_code;

/// Every backend: the default of `backends` in `autogen.toml`.
pub const ALL_BACKENDS: [DbBackend; 3] = [DbBackend::Postgres, DbBackend::MySql, DbBackend::Sqlite];

/// [`render_migration`] for `backends` only: other backends' branches are left out, and `up`
/// and `down` start with a guard that fails on any other backend, naming the file.
pub fn render_migration_for(input: RenderInput<'_>, backends: &[DbBackend]) -> String {
    if ALL_BACKENDS.iter().all(|b| backends.contains(b)) {
        return render_migration(input);
    }
    let mut after = input.before.clone();
    apply_all(&mut after, input.ops);
    let up = restrict(&plan(input.ops, input.before), backends);
    let mut down = down_notes(input.ops);
    down.extend(restrict(&plan(&reverse_all(input.ops), &after), backends));
    let mut imports = Code::default();
    imports.imports.sea_orm("DbBackend");
    let guard = guard_line(backends);
    let up_body = imports.absorb(steps_code(&up));
    let down_body = imports.absorb(steps_code(&down));
    let mut revision = input.revision;
    revision.up_body = format!("{guard}\n{up_body}");
    revision.down_body = format!("{guard}\n{down_body}");
    revision.extra_imports = imports.imports.lines();
    rustfmt(&render(&revision))
}

/// The `down` of a drop gives back the structure, not the rows: said first in `down`.
fn down_notes(ops: &[Op]) -> Vec<Step> {
    ops.iter()
        .flat_map(Op::hazards)
        .filter(|h| h.code == RESTORES_STRUCTURE_ONLY)
        .map(|h| h.step())
        .collect()
}

/// What a generated migration is made of.
pub struct RenderInput<'a> {
    /// Header and metadata (bodies and imports are filled in here).
    pub revision: NewRevision,
    /// Upgrade ops, in order.
    pub ops: &'a [Op],
    /// The schema the upgrade starts from (needed to rebuild SQLite tables).
    pub before: &'a Schema,
}

/// The rustfmt-formatted source of the migration file; byte-identical for equal input.
pub fn render_migration(input: RenderInput<'_>) -> String {
    let mut after = input.before.clone();
    apply_all(&mut after, input.ops);
    // One line per object the tool read but does not manage, so a reviewer knows it is there.
    let mut up: Vec<Step> = crate::drift::notices(input.before, None)
        .into_iter()
        .map(Step::Comment)
        .collect();
    up.extend(plan(input.ops, input.before));
    let mut down = down_notes(input.ops);
    down.extend(plan(&reverse_all(input.ops), &after));
    render_steps(input.revision, &up, &down)
}

/// The rustfmt-formatted source of a migration file whose `up` and `down` run the given steps.
pub fn render_steps(revision: NewRevision, up: &[Step], down: &[Step]) -> String {
    let mut imports = Code::default();
    let up_body = imports.absorb(steps_code(up));
    let down_body = imports.absorb(steps_code(down));
    let mut revision = revision;
    revision.up_body = up_body;
    revision.down_body = down_body;
    revision.extra_imports = imports.imports.lines();
    rustfmt(&render(&revision))
}
