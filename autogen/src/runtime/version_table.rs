//! Our own version table. Unlike `seaql_migrations` it stores every applied revision (not a
//! linear position), so branches, merges and `stamp` work, plus a checksum and a failure marker.

use sea_orm::sea_query::{
    Alias, ColumnDef, Expr, ExprTrait, Index, Query, Table, TableCreateStatement,
};
use sea_orm::{ConnectionTrait, DbBackend, StatementBuilder};

use super::error::RuntimeError;
use crate::backend::Backend;

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
        // The SQL the revision ran (see `applied_sql.rs`); added to older tables on upgrade.
        .col(ColumnDef::new("applied_sql").text().null())
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
    applied_sql: Option<&str>,
) -> impl StatementBuilder {
    let mut columns = vec!["revision", "checksum", "state", "failed_statement"];
    let mut values: Vec<sea_orm::sea_query::SimpleExpr> = vec![
        revision.into(),
        checksum.into(),
        state.as_str().into(),
        failed_statement.into(),
    ];
    // Only when there is SQL to keep: a row without it also fits a table made before the
    // column (a `stamp` on an old version table).
    if let Some(sql) = applied_sql {
        columns.push("applied_sql");
        values.push(sql.into());
    }
    Query::insert()
        .into_table(t())
        .columns(columns.into_iter().map(Alias::new))
        .values_panic(values)
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

/// What the catalog holds: whether the version table exists, and how many other tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    /// The version table exists.
    pub version_table: bool,
    /// Tables other than the version table.
    pub other_tables: usize,
}

impl Presence {
    /// Tables but no version table: a database this tool has never recorded anything in.
    pub fn unversioned(&self) -> bool {
        !self.version_table && self.other_tables > 0
    }
}

/// One catalog query: the version table's presence and the number of other tables.
pub async fn presence(conn: &impl ConnectionTrait) -> Result<Presence, RuntimeError> {
    let backend = Backend::of(conn.get_database_backend());
    let sql = match backend {
        Backend::Postgres => {
            "SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        }
        Backend::MySql => {
            "SELECT CAST(table_name AS CHAR) AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
        }
        Backend::Sqlite => {
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        }
    };
    let rows = conn
        .query_all_raw(sea_orm::Statement::from_string(backend.db(), sql))
        .await
        .map_err(|e| RuntimeError::db("cannot look for the version table", e))?;
    let mut presence = Presence {
        version_table: false,
        other_tables: 0,
    };
    for row in rows {
        let table: String = row
            .try_get("", "name")
            .map_err(|e| RuntimeError::db("cannot look for the version table", e))?;
        if table == VERSION_TABLE {
            presence.version_table = true;
        } else {
            presence.other_tables += 1;
        }
    }
    Ok(presence)
}

/// Every row, in application order; empty when the table does not exist yet.
pub async fn read(conn: &impl ConnectionTrait) -> Result<Vec<AppliedRevision>, RuntimeError> {
    if !presence(conn).await?.version_table {
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
        Backend::of(backend).ident(VERSION_TABLE)
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
