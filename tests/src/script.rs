//! Running a whole SQL script on one connection, as a SQL console (`psql -f`, `mysql <`)
//! would: every statement, however its names look, with no splitting of our own.

use sqlx::Connection;

use crate::{Backend, TestDb};

/// Runs `script` on `db`; panics with the script on failure.
pub async fn run_script(db: &TestDb, script: &str) {
    try_run_script(db, script)
        .await
        .unwrap_or_else(|e| panic!("{:?}: script failed: {e}\n{script}", db.backend));
}

/// Runs `script` on `db`; the driver's error on failure.
pub async fn try_run_script(db: &TestDb, script: &str) -> Result<(), sqlx::Error> {
    let sql = sqlx::AssertSqlSafe(script.to_string());
    match db.backend {
        Backend::Postgres => match sqlx::PgConnection::connect(&db.url).await {
            Ok(mut c) => sqlx::raw_sql(sql).execute(&mut c).await.map(|_| ()),
            Err(e) => Err(e),
        },
        Backend::MySql => match sqlx::MySqlConnection::connect(&db.url).await {
            Ok(mut c) => sqlx::raw_sql(sql).execute(&mut c).await.map(|_| ()),
            Err(e) => Err(e),
        },
        Backend::Sqlite => match sqlx::SqliteConnection::connect(&db.url).await {
            Ok(mut c) => sqlx::raw_sql(sql).execute(&mut c).await.map(|_| ()),
            Err(e) => Err(e),
        },
    }
}
