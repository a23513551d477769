//! Command-line arguments.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::backend::ObjectName;
use crate::ops::HazardClass;
use crate::tenants::{MAX_JOBS, TenantKind, TenantSpec};

/// The longest wait any duration flag accepts: one day. Larger values are certainly typos,
/// and they would overflow `Instant + Duration` deadlines.
pub const MAX_WAIT_SECS: u64 = 86_400;

/// Variables that set the other flags: set-but-empty is refused for them too.
pub const FLAG_VARS: [(&str, &str); 5] = [
    ("AUTOGEN_SECRET_ID", "--secret-id"),
    ("AUTOGEN_SECRET_FILE", "--secret-file"),
    ("AUTOGEN_WAIT_FOR_DB", "--wait-for-db"),
    ("AUTOGEN_LOG_FORMAT", "--log-format"),
    ("AUTOGEN_AWS_ENDPOINT_URL", "--aws-endpoint-url"),
];

/// Variables that set the duration flags, with their flags (for messages and checks).
pub const DURATION_VARS: [(&str, &str); 3] = [
    ("AUTOGEN_LOCK_TIMEOUT", "--lock-timeout"),
    ("AUTOGEN_CONNECT_TIMEOUT", "--connect-timeout"),
    ("AUTOGEN_STATEMENT_TIMEOUT", "--statement-timeout"),
];

/// Whole seconds from `min` to [`MAX_WAIT_SECS`]; `zero` explains why 0 is refused.
fn seconds(text: &str, min: u64, zero: &str) -> Result<Duration, String> {
    let n: u64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a whole number of seconds from {min} to {MAX_WAIT_SECS}"))?;
    if n < min {
        return Err(format!("must be at least {min} second ({zero})"));
    }
    if n > MAX_WAIT_SECS {
        return Err(format!("must be at most {MAX_WAIT_SECS} seconds (one day)"));
    }
    Ok(Duration::from_secs(n))
}

/// `--fail-on`: a hazard class name.
fn hazard_class(text: &str) -> Result<HazardClass, String> {
    text.parse()
}

/// `--schema`: a schema name.
fn object_name(text: &str) -> Result<ObjectName, String> {
    ObjectName::parse(text)
}

/// `--tenants`: names and globs, or `sql:<query>`.
fn tenant_spec(text: &str) -> Result<TenantSpec, String> {
    TenantSpec::parse(text)
}

/// `--jobs`: 1 to [`MAX_JOBS`].
fn jobs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of tenants from 1 to {MAX_JOBS}")),
    }
}

/// `--lock-timeout`: 0 is allowed and means "try once".
fn lock_wait(text: &str) -> Result<Duration, String> {
    seconds(text, 0, "")
}

/// `--connect-timeout`: at least one second.
fn connect_wait(text: &str) -> Result<Duration, String> {
    seconds(text, 1, "0 would give up before connecting")
}

/// `--wait-for-db`: 0 means "do not wait" (one attempt, as without the flag).
fn db_wait(text: &str) -> Result<Duration, String> {
    seconds(text, 0, "")
}

/// `--statement-timeout`: at least one second.
fn statement_wait(text: &str) -> Result<Duration, String> {
    seconds(text, 1, "leave it unset for no limit")
}

/// Alembic-style migrations for SeaORM.
#[derive(Debug, Parser)]
#[command(name = "autogen", version, about)]
pub struct Cli {
    /// Database URL; overrides DATABASE_URL, DATABASE_URL_FILE, POSTGRES_* and .env.
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// Seconds to wait for a lock: the migration lock and table locks other sessions hold
    /// (0: try once).
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_LOCK_TIMEOUT",
        value_name = "SECONDS",
        allow_negative_numbers = true,
        default_value = "60",
        value_parser = lock_wait
    )]
    pub lock_timeout: Duration,
    /// Seconds to wait for the database server to answer (at least 1).
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_CONNECT_TIMEOUT",
        value_name = "SECONDS",
        allow_negative_numbers = true,
        default_value = "10",
        value_parser = connect_wait
    )]
    pub connect_timeout: Duration,
    /// Seconds one statement may run before the server cancels it (default: no limit).
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_STATEMENT_TIMEOUT",
        value_name = "SECONDS",
        allow_negative_numbers = true,
        value_parser = statement_wait
    )]
    pub statement_timeout: Option<Duration>,
    /// AWS Secrets Manager secret (name or ARN) holding the database URL or RDS JSON; used
    /// when no flag, variable or .env sets the URL.
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_SECRET_ID",
        value_name = "ID",
        conflicts_with = "secret_file"
    )]
    pub secret_id: Option<String>,
    /// Local file with the same content as the secret (RDS JSON or a URL), for development.
    #[arg(long, global = true, env = "AUTOGEN_SECRET_FILE", value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
    /// AWS region for --secret-id (default: AWS_REGION, then the profile).
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Secrets Manager endpoint (default: AWS_ENDPOINT_URL, then AWS's).
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_AWS_ENDPOINT_URL",
        value_name = "URL"
    )]
    pub aws_endpoint_url: Option<String>,
    /// Seconds to keep retrying while the database server is not up yet (refused, starting
    /// up, unknown host); a rejected password fails at once.
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_WAIT_FOR_DB",
        value_name = "SECONDS",
        allow_negative_numbers = true,
        value_parser = db_wait
    )]
    pub wait_for_db: Option<Duration>,
    /// Log format on stderr: human text, or one JSON object per event.
    #[arg(
        long,
        global = true,
        env = "AUTOGEN_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Text
    )]
    pub log_format: LogFormat,
    /// Print every SQL statement executed.
    #[arg(long, global = true)]
    pub echo_sql: bool,
    /// PostgreSQL: work in this schema (the session's search_path) instead of the server's
    /// default; overrides `schema` of autogen.toml.
    #[arg(long, global = true, value_name = "NAME", value_parser = object_name)]
    pub schema: Option<ObjectName>,
    /// Directory holding the migration files (default: `migration/src/versions` under the
    /// project root).
    #[arg(long, global = true)]
    pub versions_dir: Option<PathBuf>,
    /// The config file (default: `autogen.toml`, found walking up from the working directory).
    #[arg(
        short = 'c',
        long,
        global = true,
        env = "AUTOGEN_CONFIG",
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,
    /// More logging (-v, -vv); RUST_LOG overrides.
    #[arg(short = 'v', long = "log-verbose", global = true, action = clap::ArgAction::Count)]
    pub log_verbose: u8,
    /// Only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Upgrade to a target (default `head`): head, heads, +N, <rev>, <rev>+N, label@head.
    Upgrade {
        /// Target revision.
        #[arg(default_value = "head", allow_hyphen_values = true)]
        target: String,
        /// Print the SQL instead of running it (target may be `start:end`).
        #[arg(long)]
        sql: bool,
        /// Run even if an applied migration file was changed.
        #[arg(long)]
        allow_modified: bool,
        /// One transaction around the whole run instead of one per revision (PostgreSQL,
        /// SQLite; Alembic's default): all or nothing, one commit.
        #[arg(long, conflicts_with = "sql")]
        single_transaction: bool,
        /// Output format (json: with --tenants, one object listing every tenant).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        tenants: TenantArgs,
    },
    /// Downgrade to a target: -N, <rev>, base.
    Downgrade {
        /// Target revision.
        #[arg(allow_hyphen_values = true)]
        target: String,
        /// Print the SQL instead of running it (target must be `start:end`).
        #[arg(long)]
        sql: bool,
        /// Run even if an applied migration file was changed.
        #[arg(long)]
        allow_modified: bool,
        /// One transaction around the whole run instead of one per revision (PostgreSQL,
        /// SQLite; Alembic's default): all or nothing, one commit.
        #[arg(long, conflicts_with = "sql")]
        single_transaction: bool,
        /// Output format (json: with --tenants, one object listing every tenant).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        tenants: TenantArgs,
    },
    /// Show the revision(s) the database is at.
    Current {
        /// Show details.
        #[arg(long)]
        verbose: bool,
        /// Output format (json: with --tenants, one object listing every tenant).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        tenants: TenantArgs,
    },
    /// List revisions, newest first.
    History {
        /// Range `start:end`.
        #[arg(short = 'r', long = "rev-range")]
        rev_range: Option<String>,
        /// Show details.
        #[arg(long)]
        verbose: bool,
        /// Mark the revisions the database is at (connects to the database).
        #[arg(short = 'i', long)]
        indicate_current: bool,
    },
    /// Show the heads of the revision graph.
    Heads {
        /// Show details.
        #[arg(long)]
        verbose: bool,
        /// Exit 1 when there is more than one head, naming each with its file (for CI).
        #[arg(long)]
        check: bool,
    },
    /// Show branch points.
    Branches {
        /// Show details.
        #[arg(long)]
        verbose: bool,
    },
    /// Show one revision.
    Show {
        /// Revision, prefix or label.
        rev: String,
    },
    /// Record a revision as applied without running it.
    Stamp {
        /// Target revision.
        target: String,
        /// Empty the version table first.
        #[arg(long)]
        purge: bool,
        /// Output format (json: with --tenants, one object listing every tenant).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        tenants: TenantArgs,
    },
    /// Create a revision that merges several heads.
    Merge {
        /// Message.
        #[arg(short, long)]
        message: String,
        /// Revisions to merge (default: all heads).
        revisions: Vec<String>,
        /// Branch label for the merge.
        #[arg(long)]
        branch_label: Option<String>,
        /// Use this id instead of a random one.
        #[arg(long)]
        rev_id: Option<String>,
    },
    /// Replace a linear range of revisions with one revision built from the schemas at its
    /// ends; a database at the end of the range is at the new revision.
    Squash {
        /// `<from>:<to>`, both included.
        range: String,
        /// Message.
        #[arg(short, long)]
        message: String,
        /// Delete the original revision files once the squashed one is written.
        #[arg(long)]
        delete: bool,
        /// Use this id instead of a random one.
        #[arg(long)]
        rev_id: Option<String>,
    },
    /// Create a new revision file.
    Revision {
        /// Message.
        #[arg(short, long)]
        message: String,
        /// Parent revision (default: the single head; `base` starts a new root).
        #[arg(long)]
        head: Option<String>,
        /// Branch label for the new revision.
        #[arg(long)]
        branch_label: Option<String>,
        /// Revisions this one depends on without being their child.
        #[arg(long)]
        depends_on: Vec<String>,
        /// Use this id instead of a random one.
        #[arg(long)]
        rev_id: Option<String>,
        /// Fill the revision with the ops that bring the database in line with the entities.
        #[arg(long)]
        autogenerate: bool,
        /// With --autogenerate: leave out the ops that lose data (listed), for a later
        /// revision.
        #[arg(long, requires = "autogenerate")]
        no_destructive: bool,
        /// With --autogenerate: exit 1 without writing when an op has a hazard of this class
        /// (data-loss, may-fail, locks, irreversible; repeatable).
        #[arg(long, requires = "autogenerate", value_name = "CLASS", value_parser = hazard_class)]
        fail_on: Vec<HazardClass>,
        /// With --autogenerate: before writing, run the revision on a scratch copy of the
        /// current schema (up, nothing left to generate, down restores it).
        #[arg(long, requires = "autogenerate")]
        verify: bool,
        /// With --autogenerate: plan this rename instead of a drop and an add
        /// (`table.old=new` for a column, `old=new` for a table; repeatable). On a terminal
        /// each rename candidate is asked for; without one, only these are renamed.
        #[arg(long, requires = "autogenerate", value_name = "OLD=NEW")]
        rename: Vec<crate::compare::Rename>,
        /// With --autogenerate: build and drop the indexes of existing tables `CONCURRENTLY`
        /// on PostgreSQL (the revision then runs outside a transaction there); also
        /// `concurrent_indexes = true` in autogen.toml.
        #[arg(long, requires = "autogenerate")]
        concurrently: bool,
    },
    /// Exit 0 when the database matches the entities, 1 when it does not, 2 on error.
    Check {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Replay every revision into a scratch database (made on the configured server, or
        /// in memory for SQLite; always dropped) and compare that with the entities; then run
        /// every down back to base and check nothing is left.
        #[arg(long)]
        against_migrations: bool,
        /// Print the difference as a unified diff of normalized DDL (database against
        /// entities), coloured on a terminal.
        #[arg(long, conflicts_with = "against_migrations")]
        diff: bool,
        #[command(flatten)]
        tenants: TenantArgs,
    },
    /// Set up this cargo workspace: migration crate, binary crate, autogen.toml, members.
    Init {
        /// The entity crate's directory, relative to the workspace root.
        #[arg(long, default_value = "entity")]
        entity_dir: PathBuf,
        /// The autogen crate to depend on by path (default: the one this tool was built from).
        #[arg(long)]
        autogen_path: Option<PathBuf>,
        /// Adopt the database too: pull its tables into the entity crate (`lib.rs` with
        /// `entities()`), write a baseline revision and stamp it.
        #[arg(long)]
        from_database: bool,
    },
    /// Switch from another migration tool: `import seaorm` writes one revision per
    /// sea-orm-migration (their code runs unchanged) and stamps those `seaql_migrations` lists.
    Import {
        /// The tool to import from.
        #[arg(value_enum)]
        what: ImportSource,
    },
    /// Write sea-orm entity files from the database's tables, so that `check` finds them in
    /// sync: one module per table, `prelude.rs`, `mod.rs` with `entities()`.
    Pull {
        /// Only tables matching these globs (repeatable); the config's include/exclude apply too.
        #[arg(long, value_name = "GLOB")]
        tables: Vec<String>,
        /// Directory to write into (default: `<entity-dir>/src` under the project root).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The entity crate's directory, relative to the project root.
        #[arg(long, default_value = "entity")]
        entity_dir: PathBuf,
        /// Write `lib.rs` instead of `mod.rs` (the output is the entity crate's `src`).
        #[arg(long)]
        lib: bool,
        /// Replace existing files.
        #[arg(long)]
        force: bool,
    },
    /// The ops that turn database --from into database --to; exit 0 when they match, 1 when
    /// they differ, 2 on error.
    Diff {
        /// URL of the database to change.
        #[arg(long)]
        from: String,
        /// URL of the database to match.
        #[arg(long)]
        to: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Print the upgrade SQL for the --from backend instead of the ops.
        #[arg(long)]
        sql: bool,
        /// Print the difference as a unified diff of normalized DDL (--from against --to),
        /// coloured on a terminal.
        #[arg(long, conflicts_with = "sql")]
        diff: bool,
    },
}

/// Running a command once per tenant (see `autogen::tenants`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TenantArgs {
    /// Run once per tenant: names and globs, comma separated (`acme,shop_*`), or
    /// `sql:<query>` (its first column names the tenants; run read-only on the configured
    /// database); overrides `tenants` of autogen.toml.
    #[arg(long, value_name = "SPEC", value_parser = tenant_spec)]
    pub tenants: Option<TenantSpec>,
    /// What a tenant is: a PostgreSQL schema of the configured database, or a database of its
    /// server (default: schema on PostgreSQL, database on MySQL/MariaDB).
    #[arg(long, value_enum, value_name = "KIND")]
    pub tenant_kind: Option<TenantKind>,
    /// Tenants run at once, each on its own connection (default: the number of cores).
    #[arg(long, value_name = "N", value_parser = jobs)]
    pub jobs: Option<usize>,
    /// Start no more tenants after the first failure (default: go on with the others).
    #[arg(long)]
    pub fail_fast: bool,
}

/// Format of the log lines on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per event (tracing's JSON formatter), for log aggregation.
    Json,
}

/// Output format of `check`, `diff` and tenant runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One op per line.
    Text,
    /// `{"in_sync": bool, "ops": [...]}`.
    Json,
}

/// What `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportSource {
    /// A sea-orm-migration `Migrator` and its `seaql_migrations` table.
    Seaorm,
}
