//! `revision --autogenerate --verify`: before the file is written, its ops run on a scratch
//! copy of the current schema (recreated from introspection): up, then autogenerate must find
//! nothing, then down, which must give the snapshot back. The plan executed is the one the
//! file is rendered from (`plan::plan`), so what runs here is what the file runs.

use sea_orm::DatabaseConnection;
use sea_orm_migration::SchemaManager;

use crate::Error;
use crate::cli::context::Context;
use crate::compare::compare;
use crate::drift::{current_schema, entities_drift, schema_drift};
use crate::model::Schema;
use crate::model::apply::apply_all;
use crate::ops::{Op, reverse_all};
use crate::plan::{Step, plan, statement, statements_for};
use crate::runtime::{Scratch, connect};

use super::scratch_run::on_scratch;

/// Test-only: names an op kind (`drop_column`, ...) whose downgrade gets one extra statement
/// that fails, so the tests can prove a broken downgrade is caught. Never set it otherwise.
pub const BREAK_DOWN_VAR: &str = "AUTOGEN_TEST_BREAK_DOWN";

/// Runs the checks; `Err` names the failing op or what did not match, and nothing is written.
pub async fn verify(ctx: &Context, ops: &[Op], current: &Schema) -> Result<(), Error> {
    let doing = "verifying the revision on";
    match on_scratch(ctx, doing, async |scratch| {
        run(ctx, scratch, ops, current).await
    })
    .await?
    {
        Some(()) => Ok(()),
        None => Err(Error::Usage(
            "--verify interrupted; the scratch database was dropped and no revision written".into(),
        )),
    }
}

async fn run(ctx: &Context, scratch: &Scratch, ops: &[Op], current: &Schema) -> Result<(), Error> {
    let (conn, _) = connect(&scratch.url, &ctx.scratch_options()).await?;
    // Step 1: the current schema, from nothing.
    let build = compare(&Schema::default(), current);
    run_steps(
        &conn,
        &plan(&build, &Schema::default()),
        &build,
        "recreating the current schema",
    )
    .await?;
    let (snapshot, _) = current_schema(&conn).await?;

    // Step 2: up, then nothing left to generate.
    run_steps(&conn, &plan(ops, current), ops, "upgrade").await?;
    let left = entities_drift(&conn, &ctx.entities, &ctx.table_filter()?).await?;
    if !left.ops.is_empty() {
        return Err(verify_error(format!(
            "after the upgrade, autogenerate still finds: {}",
            describe_all(&left.ops)
        )));
    }

    // Step 3: down gives the snapshot back.
    let mut after = current.clone();
    apply_all(&mut after, ops);
    let reversed = reverse_all(ops);
    let mut down = plan(&reversed, &after);
    if let Ok(kind) = std::env::var(BREAK_DOWN_VAR) {
        break_down(&mut down, &reversed, &kind);
    }
    run_steps(&conn, &down, &reversed, "downgrade").await?;
    let back = schema_drift(&conn, &snapshot).await?;
    if !back.ops.is_empty() {
        return Err(verify_error(format!(
            "the downgrade does not restore the schema: {} differ",
            describe_all(&back.ops)
        )));
    }
    Ok(())
}

/// Runs `steps` statement by statement; a failure names the op whose statements they are
/// (each op's steps start with its description, see `plan::plan`).
async fn run_steps(
    conn: &DatabaseConnection,
    steps: &[Step],
    ops: &[Op],
    side: &str,
) -> Result<(), Error> {
    let manager = SchemaManager::new(conn);
    let backend = conn.get_database_backend();
    let (mut next, mut current): (usize, Option<&Op>) = (0, None);
    for step in steps {
        if let Step::Comment(text) = step
            && ops.get(next).is_some_and(|op| op.describe() == *text)
        {
            current = ops.get(next);
            next += 1;
            continue;
        }
        for stmt in statements_for(std::slice::from_ref(step), backend)
            .into_iter()
            .filter_map(statement)
        {
            stmt.run(&manager).await.map_err(|e| {
                let op = current.map_or_else(|| "(before the first op)".into(), Op::describe);
                verify_error(format!("{side} of op `{op}` failed: {e}"))
            })?;
        }
    }
    Ok(())
}

/// Appends a statement that fails to the steps of the first op of `kind` (see
/// [`BREAK_DOWN_VAR`]).
fn break_down(steps: &mut Vec<Step>, ops: &[Op], kind: &str) {
    let Some(op) = ops.iter().find(|op| op.kind() == kind) else {
        return;
    };
    let text = op.describe();
    if let Some(i) = steps
        .iter()
        .position(|s| matches!(s, Step::Comment(t) if *t == text))
    {
        steps.insert(
            i + 1,
            Step::Raw("SELECT * FROM autogen_test_broken_downgrade".into()),
        );
    }
}

fn describe_all(ops: &[Op]) -> String {
    ops.iter().map(Op::describe).collect::<Vec<_>>().join("; ")
}

fn verify_error(detail: String) -> Error {
    Error::Usage(format!("--verify: {detail}; no revision written"))
}
