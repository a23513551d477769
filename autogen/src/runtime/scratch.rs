//! A scratch database: a temporary database on the configured PostgreSQL or MySQL server, or
//! in-memory SQLite, made for one check and dropped after it (also after a failure: the
//! caller drops it on every path, see `cli::commands::against`).

use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::{ConnectOptions, connect};
use crate::Error;
use crate::backend::Backend;
use crate::config::DatabaseUrl;

/// A database that exists only for the duration of one command.
pub struct Scratch {
    /// Its URL (same server and credentials as the configured one).
    pub url: DatabaseUrl,
    /// Its name, for messages (`:memory:` on SQLite).
    pub name: String,
    /// The connection to the configured database that created it, and drops it.
    admin: Option<DatabaseConnection>,
}

impl Scratch {
    /// Creates `autogen_scratch_<random>` next to the database of `base`, or an in-memory
    /// SQLite database when `base` is SQLite.
    pub async fn create(base: &DatabaseUrl, options: &ConnectOptions) -> Result<Scratch, Error> {
        let backend = base.backend();
        if backend == Backend::Sqlite {
            let url = DatabaseUrl::parse("sqlite::memory:", base.source())?;
            return Ok(Scratch {
                url,
                name: ":memory:".into(),
                admin: None,
            });
        }
        let name = format!("autogen_scratch_{}", crate::revision::new_revision_id());
        let url = crate::backend::ObjectName::parse(&name)
            .ok()
            .and_then(|n| base.with_database(&n))
            .ok_or_else(|| Error::Scratch {
                name: name.clone(),
                action: "create it",
                detail: "the configured URL cannot name another database".into(),
            })?;
        let (admin, _) = connect(base, options).await?;
        admin
            .execute_unprepared(&format!("CREATE DATABASE {}", backend.ident(&name)))
            .await
            .map_err(|e| Error::Scratch {
                name: name.clone(),
                action: "create it",
                detail: base.scrub(&e.to_string()),
            })?;
        Ok(Scratch {
            url,
            name,
            admin: Some(admin),
        })
    }

    /// Drops it. On PostgreSQL `WITH (FORCE)` ends any session still on it (a run cut short
    /// by Ctrl-C may leave one): <https://www.postgresql.org/docs/current/sql-dropdatabase.html>.
    pub async fn drop(self) -> Result<(), Error> {
        let Some(admin) = self.admin else {
            return Ok(());
        };
        let backend = Backend::of(admin.get_database_backend());
        let ident = backend.ident(&self.name);
        let sql = match backend {
            Backend::Postgres => format!("DROP DATABASE IF EXISTS {ident} WITH (FORCE)"),
            _ => format!("DROP DATABASE IF EXISTS {ident}"),
        };
        admin
            .execute_unprepared(&sql)
            .await
            .map_err(|e| Error::Scratch {
                name: self.name.clone(),
                action: "drop it",
                detail: self.url.scrub(&e.to_string()),
            })?;
        Ok(())
    }
}
