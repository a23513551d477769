//! Times `upgrade --tenants` over many PostgreSQL schemas, sequential (`--jobs 1`) against
//! `--jobs 2/4/8`, for `scripts/bench/tenants.sh`.
//!
//! Usage: `tenant_bench <cli-binary> <server-url> <schemas> <jobs>...`. For each jobs value:
//! a fresh database `autogen_bench_tenants` with `<schemas>` empty schemas `tb_0000`..,
//! then three timed commands of the real binary: `upgrade` (the project's chain, from base),
//! `upgrade` again (nothing to do) and `current`, each `--tenants 'tb_*' --jobs J --format
//! json`; every report is checked (all tenants ok, at head). Prints one JSON object on stdout:
//! wall seconds and per-tenant milliseconds per command, and the load average before and
//! after each run. Progress goes to stderr.

use std::process::{Command, ExitCode};
use std::time::Instant;

use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

const DATABASE: &str = "autogen_bench_tenants";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: tenant_bench <cli-binary> <server-url> <schemas> <jobs>...");
        return ExitCode::from(2);
    }
    let (cli, server) = (&args[0], args[1].trim_end_matches('/'));
    let Ok(schemas) = args[2].parse::<usize>() else {
        eprintln!("tenant_bench: <schemas> must be a number");
        return ExitCode::from(2);
    };
    let mut runs = Vec::new();
    for jobs in &args[3..] {
        match run(cli, server, schemas, jobs).await {
            Ok(r) => runs.push(r),
            Err(e) => {
                eprintln!("tenant_bench: jobs {jobs}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{}", json!({ "schemas": schemas, "runs": runs }));
    ExitCode::SUCCESS
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

async fn run(
    cli: &str,
    server: &str,
    schemas: usize,
    jobs: &str,
) -> Result<Value, Box<dyn std::error::Error>> {
    let admin = Database::connect(format!("{server}/postgres")).await?;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        .await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {DATABASE}"))
        .await?;
    let url = format!("{server}/{DATABASE}");
    {
        let db = Database::connect(&url).await?;
        let sql: Vec<String> = (0..schemas)
            .map(|i| format!("CREATE SCHEMA tb_{i:04}"))
            .collect();
        db.execute_unprepared(&sql.join(";")).await?;
        db.close().await?;
    }
    let load_start = load();
    let mut timed = serde_json::Map::new();
    for (label, command) in [
        ("upgrade", "upgrade"),
        ("upgrade_noop", "upgrade"),
        ("current", "current"),
    ] {
        eprintln!("  jobs {jobs}: {label} of {schemas} schemas");
        let start = Instant::now();
        let output = Command::new(cli)
            .args([
                command,
                "--tenants",
                "tb_*",
                "--jobs",
                jobs,
                "--format",
                "json",
            ])
            .env("DATABASE_URL", &url)
            .output()?;
        let wall = start.elapsed().as_secs_f64();
        let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
            format!(
                "{label}: not JSON ({e}): {}",
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
        if !output.status.success() || report["ok"] != schemas {
            return Err(format!("{label}: not every tenant ok: {report}").into());
        }
        if command == "current" && report["at_head"] != schemas {
            return Err(format!("current: not every tenant at head: {report}").into());
        }
        timed.insert(
            label.into(),
            json!({ "wall_s": wall, "per_tenant_ms": wall * 1000.0 / schemas as f64 }),
        );
    }
    let load_end = load();
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        .await?;
    Ok(json!({
        "jobs": jobs.parse::<u64>().unwrap_or(0),
        "commands": timed,
        "load_start": load_start,
        "load_end": load_end,
    }))
}
