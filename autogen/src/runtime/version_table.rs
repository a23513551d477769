//! Our own version table. Unlike `seaql_migrations` it stores every applied revision (not a
//! linear position), so branches, merges and `stamp` work, plus a checksum and a failure marker.

use sea_orm::sea_query::{
    Alias, ColumnDef, Expr, ExprTrait, Index, Query, Table, TableCreateStatement,
};
use sea_orm::{ConnectionTrait, DbBackend, StatementBuilder};

use super::error::RuntimeError;

/// Name of the version table.
pub const VERSION_TABLE: &str = "autogen_version";

/// Whether a recorded revision finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionState {
    /// Applied completely.
    Applied,
    /// Failed part-way (only possible on MySQL, whose DDL is not transactional).
    Failed,
    /// Started and never finished: the migrator died in the middle (MySQL only; written before
    /// the first statement of a revision and replaced when it ends).
    Running,
}

impl RevisionState {
    /// The value stored in the `state` column.
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionState::Applied => "applied",
            RevisionState::Failed => "failed",
            RevisionState::Running => "running",
        }
    }

    /// Parses a `state` column value.
    fn parse(s: &str) -> Option<Self> {
        [Self::Applied, Self::Failed, Self::Running]
            .into_iter()
            .find(|state| state.as_str() == s)
    }
}

/// One row of the version table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedRevision {
    /// Application order.
    pub seq: i64,
    /// Revision id.
    pub revision: String,
    /// Checksum of the SQL that was applied.
    pub checksum: String,
    /// Applied or failed.
    pub state: RevisionState,
    /// 1-based statement that failed, for failed rows.
    pub failed_statement: Option<i64>,
    /// When it was applied (database clock), as text.
    pub applied_at: String,
}

fn t() -> Alias {
    Alias::new(VERSION_TABLE)
}

/// `CREATE TABLE IF NOT EXISTS` for the version table.
pub fn create_statement() -> TableCreateStatement {
    Table::create()
        .table(t())
        .if_not_exists()
        .col(
            ColumnDef::new("seq")
                .big_integer()
                .not_null()
                .auto_increment()
                .primary_key(),
        )
        .col(ColumnDef::new("revision").string_len(64).not_null())
        .col(ColumnDef::new("checksum").string_len(64).not_null())
        .col(ColumnDef::new("state").string_len(16).not_null())
        .col(ColumnDef::new("failed_statement").integer().null())
        .col(
            ColumnDef::new("applied_at")
                .date_time()
                .not_null()
                .default(Expr::current_timestamp()),
        )
        .index(
            Index::create()
                .name("autogen_version_revision_key")
                .col("revision")
                .unique(),
        )
        .to_owned()
}

/// Insert a row for `revision`.
pub fn insert_statement(
    revision: &str,
    checksum: &str,
    state: RevisionState,
    failed_statement: Option<i64>,
) -> impl StatementBuilder {
    Query::insert()
        .into_table(t())
        .columns(["revision", "checksum", "state", "failed_statement"].map(Alias::new))
        .values_panic([
            revision.into(),
            checksum.into(),
            state.as_str().into(),
            failed_statement.into(),
        ])
        .to_owned()
}

/// Set the state (and failed statement) of the row of `revision`.
pub fn update_state_statement(
    revision: &str,
    state: RevisionState,
    failed_statement: Option<i64>,
) -> impl StatementBuilder {
    Query::update()
        .table(t())
        .value(Alias::new("state"), state.as_str())
        .value(Alias::new("failed_statement"), failed_statement)
        .and_where(Expr::col("revision").eq(revision))
        .to_owned()
}

/// Delete the row of `revision`.
pub fn delete_statement(revision: &str) -> impl StatementBuilder {
    Query::delete()
        .from_table(t())
        .and_where(Expr::col("revision").eq(revision))
        .to_owned()
}

/// Delete every row.
pub fn delete_all_statement() -> impl StatementBuilder {
    Query::delete().from_table(t()).to_owned()
}

/// Creates the table if needed.
pub async fn ensure(conn: &impl ConnectionTrait) -> Result<(), RuntimeError> {
    conn.execute(&create_statement())
        .await
        .map_err(|e| RuntimeError::db(format!("cannot create version table {VERSION_TABLE}"), e))?;
    Ok(())
}

/// Whether the version table exists.
async fn exists(conn: &impl ConnectionTrait) -> Result<bool, RuntimeError> {
    let sql = match conn.get_database_backend() {
        DbBackend::Postgres => format!(
            "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '{VERSION_TABLE}'"
        ),
        DbBackend::MySql => format!(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '{VERSION_TABLE}'"
        ),
        _ => {
            format!("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '{VERSION_TABLE}'")
        }
    };
    let rows = conn
        .query_all_raw(sea_orm::Statement::from_string(
            conn.get_database_backend(),
            sql,
        ))
        .await
        .map_err(|e| RuntimeError::db("cannot look for the version table", e))?;
    Ok(!rows.is_empty())
}

/// Every row, in application order; empty when the table does not exist yet.
pub async fn read(conn: &impl ConnectionTrait) -> Result<Vec<AppliedRevision>, RuntimeError> {
    if !exists(conn).await? {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let applied_at = match backend {
        DbBackend::Postgres => "CAST(applied_at AS TEXT)",
        DbBackend::MySql => "CAST(applied_at AS CHAR)",
        _ => "CAST(applied_at AS TEXT)",
    };
    let sql = format!(
        "SELECT seq, revision, checksum, state, failed_statement, {applied_at} AS applied_at FROM {} ORDER BY seq",
        quote(backend, VERSION_TABLE)
    );
    let rows = conn
        .query_all_raw(sea_orm::Statement::from_string(backend, sql))
        .await
        .map_err(|e| RuntimeError::db(format!("cannot read version table {VERSION_TABLE}"), e))?;
    rows.iter()
        .map(|row| {
            let get =
                |e: sea_orm::DbErr| RuntimeError::db(format!("bad row in {VERSION_TABLE}"), e);
            let state: String = row.try_get("", "state").map_err(get)?;
            let state = RevisionState::parse(&state).ok_or_else(|| {
                RuntimeError::db(
                    format!("bad row in {VERSION_TABLE}"),
                    format!("unknown state '{state}'"),
                )
            })?;
            let failed: Option<i32> = row.try_get("", "failed_statement").map_err(get)?;
            Ok(AppliedRevision {
                seq: row.try_get("", "seq").map_err(get)?,
                revision: row.try_get("", "revision").map_err(get)?,
                checksum: row.try_get("", "checksum").map_err(get)?,
                state,
                failed_statement: failed.map(i64::from),
                applied_at: row.try_get("", "applied_at").map_err(get)?,
            })
        })
        .collect()
}

fn quote(backend: DbBackend, name: &str) -> String {
    match backend {
        DbBackend::MySql => format!("`{name}`"),
        _ => format!("\"{name}\""),
    }
}
