//! Dispatch: resolves configuration once, then hands each command what it needs.

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use clap::error::ErrorKind;

use super::args::{Cli, Command};
use super::{commands, logging};
use crate::Error;
use crate::config::{DatabaseUrl, resolve_database_url};
use crate::metadata::EntityDef;
use crate::runtime::{ConnectOptions, Migrations, Migrator, Revision, RunOptions};

/// Everything a command may need.
pub struct Context {
    /// Parsed arguments.
    pub cli: Cli,
    /// The migration files.
    pub migrations: Migrations,
    /// The entities the schema should match.
    pub entities: Vec<EntityDef>,
}

impl Context {
    /// The database URL (resolved lazily: offline commands never need one).
    pub fn url(&self) -> Result<DatabaseUrl, Error> {
        let cwd = std::env::current_dir().map_err(|e| Error::Io {
            path: ".".into(),
            reason: e.to_string(),
        })?;
        let resolved = resolve_database_url(self.cli.database_url.as_deref(), &cwd)?;
        tracing::debug!("database URL from {}: {}", resolved.source(), resolved);
        Ok(resolved)
    }

    /// Connects a migrator.
    pub async fn migrator(&self) -> Result<Migrator<'_>, Error> {
        let url = self.url()?;
        Ok(Migrator::connect(&url, &self.migrations, &self.connect_options()).await?)
    }

    /// How to connect (timeout, echo).
    pub fn connect_options(&self) -> ConnectOptions {
        ConnectOptions {
            timeout: Duration::from_secs(self.cli.connect_timeout),
            echo_sql: self.cli.echo_sql,
            statement_timeout: None,
            lock_timeout: Duration::from_secs(self.cli.lock_timeout),
        }
    }

    /// Options for runs.
    pub fn run_options(&self, allow_modified: bool) -> RunOptions {
        RunOptions {
            lock_timeout: Duration::from_secs(self.cli.lock_timeout),
            allow_modified,
        }
    }
}

/// Parses the process arguments and runs the command. `Ok` carries the exit code (0, or 1 for
/// `check` when the schema drifted); `Err` is a one-line error for exit code 2.
pub async fn run(entities: Vec<EntityDef>, revisions: Vec<Revision>) -> Result<ExitCode, Error> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_failure(e),
    };
    logging::init(cli.log_verbose, cli.quiet);
    let migrations = Migrations::new(revisions)?;
    let ctx = Context {
        cli,
        migrations,
        entities,
    };
    match &ctx.cli.command {
        Command::Upgrade {
            target,
            sql,
            allow_modified,
        } => commands::migrate::upgrade(&ctx, target, *sql, *allow_modified).await,
        Command::Downgrade {
            target,
            sql,
            allow_modified,
        } => commands::migrate::downgrade(&ctx, target, *sql, *allow_modified).await,
        Command::Stamp { target, purge } => commands::migrate::stamp(&ctx, target, *purge).await,
        Command::Current { verbose } => commands::status::current(&ctx, *verbose).await,
        Command::History {
            rev_range,
            verbose,
            indicate_current,
        } => {
            commands::history::history(&ctx, rev_range.as_deref(), *verbose, *indicate_current)
                .await
        }
        Command::Heads { verbose } => commands::graph::heads(&ctx, *verbose),
        Command::Branches { verbose } => commands::graph::branches(&ctx, *verbose),
        Command::Show { rev } => commands::graph::show(&ctx, rev),
        Command::Merge {
            message,
            revisions,
            branch_label,
            rev_id,
        } => commands::author::merge(
            &ctx,
            message,
            revisions,
            branch_label.as_deref(),
            rev_id.as_deref(),
        ),
        Command::Revision {
            message,
            head,
            branch_label,
            depends_on,
            rev_id,
            autogenerate,
        } => {
            let new = commands::author::new_revision(
                &ctx,
                message,
                head.as_deref(),
                branch_label.as_deref(),
                depends_on,
                rev_id.as_deref(),
            )?;
            if *autogenerate {
                commands::autogenerate::revision(&ctx, new).await
            } else {
                commands::author::revision(&ctx, new)
            }
        }
        Command::Check { format } => commands::autogenerate::check(&ctx, *format).await,
        Command::Diff {
            from,
            to,
            format,
            sql,
        } => commands::autogenerate::diff(&ctx, from, to, *format, *sql).await,
    }
}

/// `--help` and `--version` print and succeed; any other parse error becomes one line (clap's
/// own rendering spans several lines, with usage and tips).
fn parse_failure(e: clap::Error) -> Result<ExitCode, Error> {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            Ok(ExitCode::SUCCESS)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Err(Error::Usage(
            "no command given; see --help for the list of commands".into(),
        )),
        _ => {
            // The first paragraph is the message; the rest is usage and tips.
            let rendered = e.render().to_string();
            let message = rendered.split("\n\n").next().unwrap_or_default();
            let message = message.strip_prefix("error:").unwrap_or(message);
            let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
            Err(Error::Usage(format!("{message} (see --help)")))
        }
    }
}
