//! Dispatch: resolves configuration once, then hands each command what it needs.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Once;

use clap::Parser;
use clap::error::ErrorKind;

use super::args::{
    Cli, Command, DURATION_VARS, FLAG_VARS, Format, ImportSource, LogFormat, TenantArgs,
};
use super::commands::tenants::TenantCommand;
use super::{commands, logging, output};
use crate::Error;
use crate::config::{ConfigError, DEFAULT_SQLITE_FILE, DatabaseUrl, SecretSource, UrlSource};
use crate::metadata::EntityDef;
use crate::project::{Project, TableFilter};
use crate::runtime::{
    ConnectOptions, Migrations, Migrator, Revision, RunOptions, Side, wait_for_db,
};
use crate::tenants::TenantSpec;

/// Everything a command may need.
pub struct Context {
    /// Parsed arguments.
    pub cli: Cli,
    /// The migration files.
    pub migrations: Migrations,
    /// The entities the schema should match.
    pub entities: Vec<EntityDef>,
    /// The resolved URL: resolved at most once per run, so a secret is fetched once.
    url: tokio::sync::OnceCell<DatabaseUrl>,
    /// The project root (walking up to `autogen.toml` or the cargo workspace root) and its
    /// config file.
    pub project: Project,
    /// The project's sea-orm-migration `Migrator`, for `import seaorm`.
    pub seaorm: Option<SeaOrmMigrator>,
}

/// A sea-orm-migration `Migrator`: its migrations and the Rust path of its type.
#[derive(Clone, Copy)]
pub struct SeaOrmMigrator {
    /// `Migrator::migrations`.
    pub migrations: fn() -> Vec<Box<dyn sea_orm_migration::MigrationTrait>>,
    /// For example `migration::Migrator`, as the imported revisions name it.
    pub path: &'static str,
}

impl Context {
    /// The database URL (resolved lazily: offline commands never need one).
    pub async fn url(&self) -> Result<DatabaseUrl, Error> {
        let url = self.url.get_or_try_init(|| self.resolve()).await?;
        Ok(url.clone())
    }

    /// Where the secret is, from `--secret-id` / `--secret-file` (or their variables).
    pub fn secret_source(&self) -> SecretSource {
        SecretSource::from_flags(
            self.cli.secret_id.as_deref(),
            self.cli.secret_file.as_deref(),
            self.cli.region.as_deref(),
            self.cli.aws_endpoint_url.as_deref(),
        )
    }

    /// Flag, environment (the config's `url_var` first), `.env` at the project root, the
    /// config's `default_url`, the secret (fetched once, only when nothing above is set), then
    /// SQLite `autogen.db` at the project root.
    async fn resolve(&self) -> Result<DatabaseUrl, Error> {
        let secret = self.secret_source();
        let configured = self
            .project
            .configured_url(self.cli.database_url.as_deref(), |var| {
                std::env::var(var).ok()
            })?;
        let resolved = match configured {
            Some(url) => {
                if secret != SecretSource::None {
                    // Said, not silent: the user asked for a secret and gets another database.
                    tracing::warn!(
                        "{} ({}) not used: the database URL comes from {}, which takes precedence",
                        secret.flag(),
                        secret.describe(),
                        url.source()
                    );
                }
                url
            }
            None => match secret
                .fetch(self.cli.connect_timeout)
                .await
                .map_err(ConfigError::from)?
            {
                Some(url) => url,
                None => self.project.root.default_sqlite_url()?,
            },
        };
        tracing::debug!("database URL from {}: {}", resolved.source(), resolved);
        if resolved.source() == UrlSource::Default {
            // The one database nobody chose: always said (even with -q), never on stdout.
            static ANNOUNCED: Once = Once::new();
            ANNOUNCED.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "note: no database configured (--database-url, DATABASE_URL, DATABASE_URL_FILE, POSTGRES_*, .env, autogen.toml, --secret-id, --secret-file); using SQLite file {}",
                    self.project.root.dir.join(DEFAULT_SQLITE_FILE).display()
                );
            });
        }
        Ok(resolved)
    }

    /// The versions directory: `--versions-dir` as given, else the default under the root.
    pub fn versions_dir(&self) -> std::path::PathBuf {
        self.project.versions_dir(self.cli.versions_dir.as_deref())
    }

    /// The tables the toolkit manages.
    pub fn table_filter(&self) -> Result<TableFilter, Error> {
        Ok(self.project.table_filter()?)
    }

    /// Connects a migrator, first waiting for the server when `--wait-for-db` asks to.
    pub async fn migrator(&self) -> Result<Migrator<'_>, Error> {
        let url = self.url().await?;
        if let Some(wait) = self.cli.wait_for_db.filter(|w| !w.is_zero()) {
            wait_for_db(&url, &self.connect_options(), wait).await?;
        }
        Ok(Migrator::connect(&url, &self.migrations, &self.connect_options()).await?)
    }

    /// How to connect (timeout, echo, the schema of `--schema` or `autogen.toml`).
    pub fn connect_options(&self) -> ConnectOptions {
        ConnectOptions {
            schema: self.schema(),
            ..self.scratch_options()
        }
    }

    /// How to connect to a scratch database: as [`Context::connect_options`], on its default
    /// schema (a new database has no other).
    pub fn scratch_options(&self) -> ConnectOptions {
        ConnectOptions {
            timeout: self.cli.connect_timeout,
            echo_sql: self.cli.echo_sql,
            statement_timeout: self.cli.statement_timeout,
            lock_timeout: self.cli.lock_timeout,
            schema: None,
        }
    }

    /// The PostgreSQL schema to work in: `--schema`, else `schema` of `autogen.toml`.
    pub fn schema(&self) -> Option<crate::backend::ObjectName> {
        self.cli
            .schema
            .clone()
            .or_else(|| self.project.file.schema.clone())
    }

    /// Options for runs (`--single-transaction` from the `upgrade` or `downgrade` command).
    pub fn run_options(&self, allow_modified: bool) -> RunOptions {
        let single_transaction = match self.cli.command {
            Command::Upgrade {
                single_transaction, ..
            }
            | Command::Downgrade {
                single_transaction, ..
            } => single_transaction,
            _ => false,
        };
        RunOptions {
            lock_timeout: self.cli.lock_timeout,
            allow_modified,
            announce: true,
            single_transaction,
        }
    }
}

/// Parses the process arguments and runs the command. `Ok` carries the exit code (0, or 1 for
/// `check` when the schema drifted); `Err` is a one-line error for exit code 2.
pub async fn run(entities: Vec<EntityDef>, revisions: Vec<Revision>) -> Result<ExitCode, Error> {
    run_inner(entities, revisions, None).await
}

/// [`run`], in a project that also has a sea-orm-migration `Migrator` `M` (which `import
/// seaorm` turns into revisions). `init` writes this call when it finds a `migration` crate.
pub async fn run_with_seaorm<M: sea_orm_migration::MigratorTrait>(
    entities: Vec<EntityDef>,
    revisions: Vec<Revision>,
) -> Result<ExitCode, Error> {
    let seaorm = SeaOrmMigrator {
        migrations: M::migrations,
        // `migration::Migrator` for sea-orm-cli's crate. `type_name` is documented as
        // best-effort; a wrong path fails the build of the imported files, never silently.
        path: std::any::type_name::<M>(),
    };
    run_inner(entities, revisions, Some(seaorm)).await
}

async fn run_inner(
    entities: Vec<EntityDef>,
    revisions: Vec<Revision>,
    seaorm: Option<SeaOrmMigrator>,
) -> Result<ExitCode, Error> {
    quiet_panics();
    empty_duration_vars()?;
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_failure(e),
    };
    logging::init(
        cli.log_verbose,
        cli.quiet,
        cli.log_format == LogFormat::Json,
    );
    let migrations = Migrations::new(revisions)?;
    let cwd = std::env::current_dir().map_err(ConfigError::WorkingDir)?;
    let project = Project::load(cli.config.as_deref(), &cwd)?;
    let mut cli = cli;
    cli.lock_timeout = project.lock_timeout(cli.lock_timeout, lock_timeout_given());
    let ctx = Context {
        cli,
        migrations,
        entities,
        url: tokio::sync::OnceCell::new(),
        project,
        seaorm,
    };
    let code = dispatch(&ctx).await?;
    output::finish()?;
    Ok(code)
}

/// Whether `--lock-timeout` or `AUTOGEN_LOCK_TIMEOUT` was given (they beat the config file;
/// clap's default does not).
fn lock_timeout_given() -> bool {
    std::env::var_os("AUTOGEN_LOCK_TIMEOUT").is_some()
        || std::env::args().any(|a| a == "--lock-timeout" || a.starts_with("--lock-timeout="))
}

/// A panic (a bug) is reported as one `error:` line with passwords scrubbed: the default hook
/// prints the payload as is, and a driver's panic message may quote a URL.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let line = format!("error: internal error (a bug, please report it): {message}{place}");
        let line = crate::config::scrub_known_secrets(
            &line.split_whitespace().collect::<Vec<_>>().join(" "),
        );
        let _ = writeln!(std::io::stderr(), "{line}");
    }));
}

/// A duration variable set to the empty string is an error, as for the database variables:
/// clap would read it as unset and fall back to the default.
fn empty_duration_vars() -> Result<(), Error> {
    let durations = DURATION_VARS.map(|(var, flag)| (var, flag, "a number of seconds"));
    let others = FLAG_VARS.map(|(var, flag)| (var, flag, "a value"));
    for (var, flag, what) in durations.into_iter().chain(others) {
        if std::env::var_os(var).is_some_and(|v| v.to_string_lossy().trim().is_empty()) {
            return Err(Error::Usage(format!(
                "{var} is set but empty (unset it, or give {flag} {what})"
            )));
        }
    }
    Ok(())
}

async fn dispatch(ctx: &Context) -> Result<ExitCode, Error> {
    match &ctx.cli.command {
        Command::Upgrade {
            target,
            sql,
            allow_modified,
            format,
            tenants,
            ..
        } => {
            if let Some(spec) = tenant_spec(ctx, "upgrade", tenants, *format, *sql)? {
                let command = TenantCommand::Migrate {
                    side: Side::Up,
                    target,
                    allow_modified: *allow_modified,
                };
                return commands::tenants::run(ctx, command, &spec, tenants, *format).await;
            }
            commands::migrate::upgrade(ctx, target, *sql, *allow_modified).await
        }
        Command::Downgrade {
            target,
            sql,
            allow_modified,
            format,
            tenants,
            ..
        } => {
            if let Some(spec) = tenant_spec(ctx, "downgrade", tenants, *format, *sql)? {
                let command = TenantCommand::Migrate {
                    side: Side::Down,
                    target,
                    allow_modified: *allow_modified,
                };
                return commands::tenants::run(ctx, command, &spec, tenants, *format).await;
            }
            commands::migrate::downgrade(ctx, target, *sql, *allow_modified).await
        }
        Command::Stamp {
            target,
            purge,
            format,
            tenants,
        } => {
            if let Some(spec) = tenant_spec(ctx, "stamp", tenants, *format, false)? {
                let command = TenantCommand::Stamp {
                    target,
                    purge: *purge,
                };
                return commands::tenants::run(ctx, command, &spec, tenants, *format).await;
            }
            commands::migrate::stamp(ctx, target, *purge).await
        }
        Command::Current {
            verbose,
            format,
            tenants,
        } => {
            if let Some(spec) = tenant_spec(ctx, "current", tenants, *format, false)? {
                if *verbose {
                    return Err(Error::Usage(
                        "current --verbose shows one database; with tenants use --format json"
                            .into(),
                    ));
                }
                let command = TenantCommand::Current;
                return commands::tenants::run(ctx, command, &spec, tenants, *format).await;
            }
            commands::status::current(ctx, *verbose).await
        }
        Command::History {
            rev_range,
            verbose,
            indicate_current,
        } => {
            commands::history::history(ctx, rev_range.as_deref(), *verbose, *indicate_current).await
        }
        Command::Heads { verbose, check } => commands::graph::heads(ctx, *verbose, *check).await,
        Command::Branches { verbose } => commands::graph::branches(ctx, *verbose),
        Command::Show { rev } => commands::graph::show(ctx, rev),
        Command::Merge {
            message,
            revisions,
            branch_label,
            rev_id,
        } => {
            commands::author::merge(
                ctx,
                message,
                revisions,
                branch_label.as_deref(),
                rev_id.as_deref(),
            )
            .await
        }
        Command::Revision {
            message,
            head,
            branch_label,
            depends_on,
            rev_id,
            autogenerate,
            no_destructive,
            fail_on,
            verify,
            rename,
            concurrently,
        } => {
            let new = commands::author::new_revision(
                ctx,
                message,
                head.as_deref(),
                branch_label.as_deref(),
                depends_on,
                rev_id.as_deref(),
            )?;
            if *autogenerate {
                let options = commands::autogenerate::HazardOptions {
                    no_destructive: *no_destructive,
                    fail_on: fail_on.clone(),
                    verify: *verify,
                    renames: rename.clone(),
                    concurrently: *concurrently || ctx.project.file.concurrent_indexes,
                };
                commands::autogenerate::revision(ctx, new, &options).await
            } else {
                commands::author::revision(ctx, new)
            }
        }
        Command::Squash {
            range,
            message,
            delete,
            rev_id,
        } => {
            let request = commands::squash::SquashRequest {
                range,
                message,
                delete: *delete,
                rev_id: rev_id.as_deref(),
            };
            commands::squash::squash(ctx, request).await
        }
        Command::Init {
            entity_dir,
            autogen_path,
            from_database: true,
        } => commands::init::init_from_database(ctx, entity_dir, autogen_path.as_deref()).await,
        Command::Init {
            entity_dir,
            autogen_path,
            ..
        } => commands::init::init(ctx, entity_dir, autogen_path.as_deref()),
        Command::Pull {
            tables,
            output,
            entity_dir,
            lib,
            force,
        } => {
            let dir = output.clone().unwrap_or_else(|| entity_dir.join("src"));
            commands::pull::pull(ctx, tables, &dir, *lib, *force).await
        }
        Command::Import {
            what: ImportSource::Seaorm,
        } => commands::import::seaorm(ctx).await,
        Command::Check {
            format,
            against_migrations,
            diff,
            tenants,
        } => {
            let spec = commands::tenants::spec(ctx, "check", tenants, false, *format)?;
            match spec {
                Some(spec) if !*against_migrations && !*diff => {
                    let command = TenantCommand::Check;
                    commands::tenants::run(ctx, command, &spec, tenants, *format).await
                }
                Some(_) => Err(Error::Usage(format!(
                    "check {} compares one database; it takes no tenants",
                    if *diff {
                        "--diff"
                    } else {
                        "--against-migrations"
                    }
                ))),
                None if *against_migrations => commands::against::check(ctx, *format).await,
                None => commands::autogenerate::check(ctx, *format, *diff).await,
            }
        }
        Command::Diff {
            from,
            to,
            format,
            sql,
            diff,
        } => commands::autogenerate::diff(ctx, from, to, *format, *sql, *diff).await,
    }
}

/// The tenants of `command` (see [`commands::tenants::spec`]); `--sql` prints one script and
/// takes none.
fn tenant_spec(
    ctx: &Context,
    command: &str,
    args: &TenantArgs,
    format: Format,
    sql: bool,
) -> Result<Option<TenantSpec>, Error> {
    if sql {
        if args.tenants.is_some() {
            return Err(Error::Usage(format!(
                "{command} --sql prints one script; it takes no --tenants"
            )));
        }
        return Ok(None);
    }
    commands::tenants::spec(ctx, command, args, true, format)
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
            Err(Error::Usage(format!(
                "{message}{} (see --help)",
                env_origin(&message)
            )))
        }
    }
}

/// ` (from AUTOGEN_X)` when a refused duration came from its variable rather than the command
/// line, whose flag clap names either way.
fn env_origin(message: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    DURATION_VARS
        .iter()
        .find(|(var, flag)| {
            message.contains(&format!("'{flag} "))
                && !args
                    .iter()
                    .any(|a| a == flag || a.starts_with(&format!("{flag}=")))
                && std::env::var_os(var).is_some()
        })
        .map(|(var, _)| format!(" (from {var})"))
        .unwrap_or_default()
}
