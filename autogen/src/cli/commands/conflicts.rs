//! Branch conflicts: whether heads touch the same tables or columns. Read from each branch's
//! PostgreSQL SQL (captured offline, no database), so it works the same on every backend.

use std::collections::BTreeSet;

use crate::Error;
use crate::cli::context::Context;
use crate::revision::{Touch, overlap, touches};
use crate::runtime::{Side, capture_sql};

/// One line per pair of heads: `conflict` naming what both change, or `independent`.
/// Nothing when there is at most one head.
pub async fn heads_report(ctx: &Context) -> Result<Vec<String>, Error> {
    let heads: Vec<String> = ctx.migrations.head_ids().into_iter().collect();
    pairs_report(ctx, &heads).await
}

/// The same for the given revisions (the parents of a merge).
pub async fn pairs_report(ctx: &Context, heads: &[String]) -> Result<Vec<String>, Error> {
    let graph = ctx.migrations.graph();
    let mut lines = Vec::new();
    if heads.len() < 2 {
        return Ok(lines);
    }
    // Each head's own revisions: the ones no other head has.
    let mut lineage: Vec<BTreeSet<&str>> = Vec::new();
    for h in heads {
        let mut set: BTreeSet<&str> = graph.ancestors(h)?.into_iter().collect();
        set.insert(graph.resolve(h)?.id);
        lineage.push(set);
    }
    let mut touched = Vec::new();
    for (i, own) in lineage.iter().enumerate() {
        let mut set = BTreeSet::new();
        for id in own {
            if lineage
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.contains(id))
            {
                continue;
            }
            let revision = ctx.migrations.get(id).expect("graph ids are revisions");
            let sql = capture_sql(
                sea_orm::DbBackend::Postgres,
                revision.migration.as_ref(),
                Side::Up,
                id,
            )
            .await?;
            set.extend(touches(&sql));
        }
        touched.push(set);
    }
    for i in 0..heads.len() {
        for j in i + 1..heads.len() {
            let (a, b) = (&heads[i], &heads[j]);
            let both = overlap(&touched[i], &touched[j]);
            if both.is_empty() {
                lines.push(format!(
                    "heads {a} and {b} are independent: {a} changes {}; {b} changes {}",
                    summary(&touched[i]),
                    summary(&touched[j])
                ));
            } else {
                lines.push(format!(
                    "heads {a} and {b} conflict: both change {}",
                    both.join(", ")
                ));
            }
        }
    }
    Ok(lines)
}

fn summary(set: &BTreeSet<Touch>) -> String {
    if set.is_empty() {
        return "nothing".into();
    }
    set.iter()
        .map(Touch::describe)
        .collect::<Vec<_>>()
        .join(", ")
}
