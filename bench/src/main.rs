//! Times introspect + normalize + compare against a live database, for `scripts/bench.sh`.
//!
//! Usage: `bench <database-url> [runs]`. Prints one JSON object on stdout: per-phase wall
//! times in milliseconds (every run, plus the median), the number of catalog queries and the
//! number of ops found. Progress goes to stderr.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use autogen::compare::compare;
use autogen::drift::entities_drift;
use autogen::introspect::introspect;
use autogen::model::{Column, ColumnType, Index, Schema};
use autogen::normalize::{normalize, normalized};
use autogen::runtime::VERSION_TABLE;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend};
use serde_json::{Value, json};

/// Every `EVERY`-th table (in name order) is changed in the desired copy.
const EVERY: usize = 10;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: bench <database-url> [runs]");
        return ExitCode::from(2);
    };
    let runs: usize = args.next().map_or(5, |r| r.parse().unwrap_or(5)).max(1);
    match run(&url, runs).await {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One timed run of every phase.
#[derive(Default)]
struct Sample {
    introspect: Duration,
    normalize: Duration,
    compare_same: Duration,
    compare_modified: Duration,
    /// introspect + normalize (both sides) + compare against the modified copy.
    total_modified: Duration,
    entities_drift: Duration,
}

async fn run(url: &str, runs: usize) -> Result<Value, Box<dyn std::error::Error>> {
    // BENCH_CONNECTIONS=1 reads as the CLI's one-connection session does (one lane); the
    // default pool has several connections, so introspection reads on two lanes.
    let mut options = ConnectOptions::new(url);
    if let Ok(n) = std::env::var("BENCH_CONNECTIONS") {
        match n.parse::<u32>() {
            Ok(n) if n > 0 => options.max_connections(n),
            _ => return Err(format!("BENCH_CONNECTIONS={n:?} is not a positive number").into()),
        };
    }
    let conn: DatabaseConnection = Database::connect(options).await?;
    let backend = DbBackend::Postgres;

    // Setup (untimed): the desired side is a modified copy of the raw introspected schema.
    let first = introspect(&conn, &[VERSION_TABLE]).await?;
    let queries = first.queries;
    let tables = first.schema.tables.len();
    let columns: usize = first.schema.tables.values().map(|t| t.columns.len()).sum();
    let indexes: usize = first.schema.tables.values().map(|t| t.indexes.len()).sum();
    let uniques: usize = first.schema.tables.values().map(|t| t.uniques.len()).sum();
    let fks: usize = first
        .schema
        .tables
        .values()
        .map(|t| t.foreign_keys.len())
        .sum();
    let desired_raw = modified_copy(&first.schema);
    let entities = entity::all();

    let mut samples = Vec::with_capacity(runs);
    let (mut ops_same, mut ops_modified, mut ops_entities) = (0, 0, 0);
    // One warm-up run (index 0), not counted: connection pool, catalog caches, allocator.
    for i in 0..=runs {
        let mut s = Sample::default();

        let t = Instant::now();
        let found = introspect(&conn, &[VERSION_TABLE]).await?;
        s.introspect = t.elapsed();
        if found.queries != queries {
            return Err(format!("query count changed: {} then {}", queries, found.queries).into());
        }

        let t = Instant::now();
        let current = normalized(backend, found.schema);
        s.normalize = t.elapsed();

        let t = Instant::now();
        ops_same = compare(&current, &current).len();
        s.compare_same = t.elapsed();

        let t = Instant::now();
        let desired = normalize(backend, &desired_raw);
        ops_modified = compare(&current, &desired).len();
        s.compare_modified = t.elapsed();
        s.total_modified = s.introspect + s.normalize + s.compare_modified;

        let t = Instant::now();
        let drift = entities_drift(&conn, &entities, &Default::default()).await?;
        s.entities_drift = t.elapsed();
        ops_entities = drift.ops.len();

        if i > 0 {
            eprintln!(
                "  run {i}/{runs}: introspect {:.1} ms, normalize {:.1} ms, compare {:.1} ms, total {:.1} ms, entities_drift {:.1} ms",
                ms(s.introspect),
                ms(s.normalize),
                ms(s.compare_modified),
                ms(s.total_modified),
                ms(s.entities_drift)
            );
            samples.push(s);
        }
    }

    let phase = |f: fn(&Sample) -> Duration| -> Value {
        let mut all: Vec<f64> = samples.iter().map(|s| ms(f(s))).collect();
        let runs = all.clone();
        all.sort_by(f64::total_cmp);
        json!({ "median_ms": all[all.len() / 2], "min_ms": all[0], "runs_ms": runs })
    };
    Ok(json!({
        "tables": tables,
        "columns": columns,
        "indexes": indexes,
        "uniques": uniques,
        "foreign_keys": fks,
        "queries": queries,
        "runs": runs,
        "ops_same": ops_same,
        "ops_modified": ops_modified,
        "ops_entities": ops_entities,
        "introspect": phase(|s| s.introspect),
        "normalize": phase(|s| s.normalize),
        "compare_same": phase(|s| s.compare_same),
        "compare_modified": phase(|s| s.compare_modified),
        "total_modified": phase(|s| s.total_modified),
        "entities_drift": phase(|s| s.entities_drift),
    }))
}

/// Milliseconds as a float.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A copy of `schema` in which every `EVERY`-th table gains a column and an index, loses its
/// first index, and has its first `varchar(n)` column widened: four ops per changed table.
fn modified_copy(schema: &Schema) -> Schema {
    let mut out = schema.clone();
    for table in out.tables.values_mut().step_by(EVERY) {
        table.columns.push(Column {
            name: "bench_extra".into(),
            col_type: ColumnType::Text,
            nullable: true,
            default: None,
            auto_increment: false,
            comment: None,
            identity: None,
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: None,
        });
        if let Some(first) = table.indexes.keys().next().cloned() {
            table.indexes.remove(&first);
        }
        let name = format!("ix_{}_bench_extra", table.name);
        table.indexes.insert(
            name.clone(),
            Index {
                name,
                columns: vec!["bench_extra".into()],
            },
        );
        if let Some(c) = table
            .columns
            .iter_mut()
            .find(|c| matches!(c.col_type, ColumnType::String(Some(_))))
            && let ColumnType::String(Some(n)) = c.col_type
        {
            c.col_type = ColumnType::String(Some(n + 1));
        }
    }
    out
}
