//! `upgrade`, `downgrade`, `current`, `check` and `stamp` once per tenant (`--tenants`, or
//! `tenants` of `autogen.toml`): the tenants resolved once, then each run on its own session
//! by [`crate::tenants::run_all`], reported per tenant (see [`report`]).

mod jobs;
mod report;

use std::future::Future;
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use self::report::{Progress, TenantReport, failed_names, json_report, summary};
use crate::Error;
use crate::cli::args::{Format, TenantArgs};
use crate::cli::context::Context;
use crate::runtime::{ConnectOptions, Side, wait_for_db};
use crate::tenants::{
    Outcome, Tally, Tenant, TenantKind, TenantResult, TenantSpec, resolve, run_all,
};

/// A command run per tenant.
#[derive(Debug, Clone, Copy)]
pub enum TenantCommand<'a> {
    /// `upgrade <target>` (`Side::Up`) or `downgrade <target>` (`Side::Down`).
    Migrate {
        side: Side,
        target: &'a str,
        allow_modified: bool,
    },
    /// `stamp <target> [--purge]`.
    Stamp { target: &'a str, purge: bool },
    /// `current`.
    Current,
    /// `check`.
    Check,
}

impl TenantCommand<'_> {
    fn name(self) -> &'static str {
        match self {
            TenantCommand::Migrate { side: Side::Up, .. } => "upgrade",
            TenantCommand::Migrate {
                side: Side::Down, ..
            } => "downgrade",
            TenantCommand::Stamp { .. } => "stamp",
            TenantCommand::Current => "current",
            TenantCommand::Check => "check",
        }
    }
}

/// The tenants of this run, if it is one: `--tenants`, else `tenants` of `autogen.toml`.
/// The tenant flags without tenants, and `--format json` of a command whose JSON is the
/// tenant list, are refused here, before anything connects.
pub fn spec(
    ctx: &Context,
    command: &str,
    args: &TenantArgs,
    json_needs_tenants: bool,
    format: Format,
) -> Result<Option<TenantSpec>, Error> {
    let spec = args
        .tenants
        .clone()
        .or_else(|| ctx.project.file.tenants.clone());
    if spec.is_none() {
        let flag = if args.jobs.is_some() {
            Some("--jobs")
        } else if args.tenant_kind.is_some() {
            Some("--tenant-kind")
        } else if args.fail_fast {
            Some("--fail-fast")
        } else if json_needs_tenants && format == Format::Json {
            Some("--format json")
        } else {
            None
        };
        if let Some(flag) = flag {
            return Err(Error::Usage(format!(
                "{command} {flag} needs --tenants (or `tenants` in autogen.toml)"
            )));
        }
    }
    Ok(spec)
}

/// Runs `command` once per tenant of `spec`. Exit: 0 when every tenant succeeded (for
/// `check`: and is in sync); `check` 1 when a tenant drifted; an error (exit 2) naming the
/// failed tenants when any failed.
pub async fn run(
    ctx: &Context,
    command: TenantCommand<'_>,
    spec: &TenantSpec,
    args: &TenantArgs,
    format: Format,
) -> Result<ExitCode, Error> {
    let base = ctx.url().await?;
    let kind = args
        .tenant_kind
        .or(ctx.project.file.tenant_kind)
        .or_else(|| TenantKind::default_for(base.backend()))
        .ok_or_else(|| {
            Error::Usage("tenants need PostgreSQL or MySQL/MariaDB; the database is SQLite".into())
        })?;
    let mut options = ctx.connect_options();
    if kind == TenantKind::Schema {
        if ctx.cli.schema.is_some() {
            return Err(Error::Usage(
                "--schema and schema tenants exclude each other (each tenant is a schema)".into(),
            ));
        }
        // Each tenant's schema is set by `resolve`; `schema` of autogen.toml is for runs
        // without tenants.
        options.schema = None;
    }
    if let Some(wait) = ctx.cli.wait_for_db.filter(|w| !w.is_zero()) {
        // The server, not a schema of it: tenants are resolved once it answers.
        let server = ConnectOptions {
            schema: None,
            ..options.clone()
        };
        wait_for_db(&base, &server, wait).await?;
    }
    let tenants = resolve(spec, kind, &base, &options).await?;
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let mut header = Map::new();
    header.insert("command".into(), json!(command.name()));
    header.insert("tenant_kind".into(), json!(kind.name()));
    header.insert("jobs".into(), json!(jobs));
    let run = Run {
        ctx,
        command: command.name(),
        tenants,
        jobs,
        fail_fast: args.fail_fast,
        format,
        header,
    };
    match command {
        TenantCommand::Migrate {
            side,
            target,
            allow_modified,
        } => {
            run.with_target(target)
                .go(
                    |t| jobs::migrate(ctx, t, side, target, allow_modified),
                    |_| false,
                )
                .await
        }
        TenantCommand::Stamp { target, purge } => {
            run.with_target(target)
                .go(|t| jobs::stamp(ctx, t, target, purge), |_| false)
                .await
        }
        TenantCommand::Current => run.go(|t| jobs::current(ctx, t), |_| false).await,
        TenantCommand::Check => run.go(|t| jobs::check(ctx, t), jobs::drifted).await,
    }
}

/// One tenant run, before it starts.
struct Run<'c> {
    ctx: &'c Context,
    command: &'static str,
    tenants: Vec<Tenant>,
    jobs: usize,
    fail_fast: bool,
    format: Format,
    header: Map<String, Value>,
}

impl Run<'_> {
    fn with_target(mut self, target: &str) -> Self {
        self.header.insert("target".into(), json!(target));
        self
    }

    /// Runs `job` per tenant, prints the report, and gives the exit code; `bad` says whether
    /// a finished tenant counts against the run (a drifted `check`: exit 1).
    async fn go<T, F, Fut>(self, job: F, bad: fn(&T) -> bool) -> Result<ExitCode, Error>
    where
        T: TenantReport,
        F: Fn(Tenant) -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let total = self.tenants.len();
        let progress = Progress::new(total, self.format == Format::Text, self.ctx.cli.quiet);
        let results: Vec<TenantResult<T>> =
            run_all(self.tenants, self.jobs, self.fail_fast, job, |r| {
                progress.finished(r)
            })
            .await;
        progress.done();
        match self.format {
            Format::Json => println!("{}", json_report(self.header, &results)),
            Format::Text => println!("{}", summary(self.command, &results)),
        }
        let tally = Tally::of(&results);
        if tally.failed > 0 {
            return Err(Error::TenantsFailed {
                command: self.command,
                failed: tally.failed,
                total,
                names: failed_names(&results),
            });
        }
        let any_bad = results
            .iter()
            .any(|r| matches!(&r.outcome, Outcome::Done(v) if bad(v)));
        Ok(if any_bad {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}
