//! Creation of isolated, uniquely named test databases.

use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

/// The three supported backends: the toolkit's own typed backend.
pub use autogen::Backend;

/// A freshly created, empty database that belongs to one test.
pub struct TestDb {
    /// Which backend it lives on.
    pub backend: Backend,
    /// Connection URL of the new database.
    pub url: String,
    /// Database name (the file path for SQLite).
    pub name: String,
    _dir: Option<TempDir>,
}

impl Drop for TestDb {
    /// Drops the database of a test that passed; a failed test keeps it for inspection.
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("keeping test database {} ({})", self.name, self.url);
            return;
        }
        drop_databases(self.backend, std::slice::from_ref(&self.name));
    }
}

/// Drops databases `names` of `backend`'s server (PostgreSQL `WITH (FORCE)`); nothing for
/// SQLite. Runs on a thread of its own: a `Drop` inside a test's runtime cannot block on it.
pub fn drop_databases(backend: Backend, names: &[String]) {
    let statements: Vec<String> = names
        .iter()
        .filter_map(|name| match backend {
            Backend::Postgres => Some(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                backend.ident(name)
            )),
            Backend::MySql => Some(format!("DROP DATABASE IF EXISTS {}", backend.ident(name))),
            Backend::Sqlite => None,
        })
        .collect();
    if statements.is_empty() {
        return;
    }
    let _ = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            if let Some(conn) = admin_connection(backend).await {
                for sql in statements {
                    let _ = conn.execute_unprepared(&sql).await;
                }
                let _ = conn.close().await;
            }
        });
    })
    .join();
}

fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

fn mysql_admin_url() -> String {
    std::env::var("TEST_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306".into())
}

fn unique_name(label: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let clean: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(24)
        .collect();
    format!("at_{clean}_{}_{n}_{nanos:x}", std::process::id())
}

impl TestDb {
    /// Creates an empty database named after `label` on `backend`. Panics if the server is
    /// unreachable, so a missing backend fails the run instead of being skipped.
    pub async fn new(backend: Backend, label: &str) -> TestDb {
        let name = unique_name(label);
        match backend {
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let conn = connect_admin(&format!("{admin}/postgres")).await;
                conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap_or_else(|e| panic!("cannot create Postgres database {name}: {e}"));
                TestDb {
                    backend,
                    url: format!("{admin}/{name}"),
                    name,
                    _dir: None,
                }
            }
            Backend::MySql => {
                let admin = mysql_admin_url();
                let conn = connect_admin(&admin).await;
                conn.execute_unprepared(&format!("CREATE DATABASE `{name}`"))
                    .await
                    .unwrap_or_else(|e| panic!("cannot create MySQL database {name}: {e}"));
                TestDb {
                    backend,
                    url: format!("{admin}/{name}"),
                    name,
                    _dir: None,
                }
            }
            Backend::Sqlite => {
                let dir = TempDir::new();
                let path = dir.path.join(format!("{name}.db"));
                let url = format!("sqlite://{}?mode=rwc", path.display());
                TestDb {
                    backend,
                    url,
                    name: path.display().to_string(),
                    _dir: Some(dir),
                }
            }
        }
    }

    /// The URL as the toolkit's typed value.
    pub fn database_url(&self) -> autogen::config::DatabaseUrl {
        autogen::config::DatabaseUrl::parse(&self.url, autogen::config::UrlSource::Flag)
            .unwrap_or_else(|e| panic!("test database URL {}: {e}", self.name))
    }

    /// Opens a sea-orm connection to this database.
    pub async fn connect(&self) -> DatabaseConnection {
        Database::connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to test database {}: {e}", self.name))
    }
}

/// An administrative connection to the server of `backend` (not to a test database); `None`
/// for SQLite, which has no server.
pub async fn admin_connection(backend: Backend) -> Option<DatabaseConnection> {
    match backend {
        Backend::Postgres => {
            Some(connect_admin(&format!("{}/postgres", postgres_admin_url())).await)
        }
        Backend::MySql => Some(connect_admin(&mysql_admin_url()).await),
        Backend::Sqlite => None,
    }
}

/// A name no other test uses, for databases, users and files.
pub fn unique(label: &str) -> String {
    unique_name(label)
}

async fn connect_admin(url: &str) -> DatabaseConnection {
    Database::connect(url).await.unwrap_or_else(|e| {
        panic!("backend at {url} is unreachable ({e}); run scripts/test.sh, which starts it")
    })
}

/// A minimal temporary directory, removed on drop.
pub struct TempDir {
    /// Its path.
    pub path: std::path::PathBuf,
}

impl TempDir {
    /// Creates a new, empty, uniquely named directory.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        let path = std::env::temp_dir().join(unique_name("dir"));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
