//! Which server is behind a connection, from its version string: PostgreSQL-compatible
//! distributed engines answer the PostgreSQL protocol but break what migrations rely on.

/// The server engine, where it matters for migrating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// PostgreSQL itself.
    PostgreSql,
    /// CockroachDB (PostgreSQL protocol).
    CockroachDb,
    /// YugabyteDB (a PostgreSQL fork).
    YugabyteDb,
    /// MariaDB.
    MariaDb,
    /// MySQL.
    MySql,
    /// SQLite.
    Sqlite,
}

impl Engine {
    /// The engine behind a PostgreSQL-protocol server, from `SELECT version()`.
    /// CockroachDB answers `CockroachDB CCL v23.1.11 (...)`; YugabyteDB answers
    /// `PostgreSQL 11.2-YB-2.18.4.0-b0 on ...` (the PostgreSQL it forked, then `-YB-`).
    pub fn from_postgres_version(version: &str) -> Engine {
        let version = version.trim_start();
        let first = version.split_whitespace().next().unwrap_or_default();
        if first.eq_ignore_ascii_case("CockroachDB") {
            return Engine::CockroachDb;
        }
        let release = version.split_whitespace().nth(1).unwrap_or_default();
        if first.eq_ignore_ascii_case("PostgreSQL") && release.to_ascii_uppercase().contains("-YB-")
        {
            return Engine::YugabyteDb;
        }
        Engine::PostgreSql
    }

    /// The engine behind a MySQL-protocol server, from `SELECT VERSION()`
    /// (`10.11.6-MariaDB-0+deb12u1` or `8.0.36`).
    pub fn from_mysql_version(version: &str) -> Engine {
        if version.to_ascii_lowercase().contains("mariadb") {
            Engine::MariaDb
        } else {
            Engine::MySql
        }
    }

    /// The engine's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Engine::PostgreSql => "PostgreSQL",
            Engine::CockroachDb => "CockroachDB",
            Engine::YugabyteDb => "YugabyteDB",
            Engine::MariaDb => "MariaDB",
            Engine::MySql => "MySQL",
            Engine::Sqlite => "SQLite",
        }
    }

    /// Why `upgrade`, `downgrade` and `stamp` must not run on this engine, if they must not.
    pub fn migration_blocker(self) -> Option<&'static str> {
        match self {
            // https://github.com/cockroachdb/cockroach/issues/13546
            Engine::CockroachDb => Some(
                "its pg_try_advisory_lock always returns true (cockroachdb/cockroach#13546), so \
                 concurrent migrators would not exclude each other, and DDL inside a transaction \
                 is not atomic there",
            ),
            // YugabyteDB commits DDL separately from the transaction it appears in.
            Engine::YugabyteDb => Some(
                "DDL inside a transaction is not atomic there, so a failed revision cannot be \
                 rolled back",
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Engine;

    /// Version strings as the servers print them (from their documentation and from projects
    /// that parse them).
    #[test]
    fn detects_distributed_engines_from_real_version_strings() {
        let cases = [
            (
                "CockroachDB CCL v23.1.11 (x86_64-pc-linux-gnu, built 2023/09/27 01:53:43, go1.19.10)",
                Engine::CockroachDb,
            ),
            (
                "CockroachDB CCL v20.1.15 (x86_64-unknown-linux-gnu, built 2021/04/26 16:11:58, go1.13.9)",
                Engine::CockroachDb,
            ),
            (
                "CockroachDB OSS v21.1.1 (x86_64-apple-darwin19, built 2021/05/24 15:00:00, go1.15.11)",
                Engine::CockroachDb,
            ),
            (
                "PostgreSQL 11.2-YB-2.18.4.0-b0 on x86_64-pc-linux-gnu, compiled by clang version 15.0.3 (https://github.com/yugabyte/llvm-project.git 0b8d1183745fd3998d8beffeec8cbe99c1b20529), 64-bit",
                Engine::YugabyteDb,
            ),
            (
                "PostgreSQL 11.2-YB-2.7.1.1-b0 on x86_64-pc-linux-gnu, compiled by gcc (Homebrew gcc 5.5.0_4) 5.5.0, 64-bit",
                Engine::YugabyteDb,
            ),
            ("PostgreSQL 15.12-YB-2025.1.0.0-b0", Engine::YugabyteDb),
            (
                "PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14+deb12u1) 12.2.0, 64-bit",
                Engine::PostgreSql,
            ),
            (
                "PostgreSQL 16.2 on aarch64-unknown-linux-gnu, compiled by gcc (GCC) 7.3.1 20180712 (Red Hat 7.3.1-12), 64-bit",
                Engine::PostgreSql,
            ),
            ("", Engine::PostgreSql),
        ];
        for (version, engine) in cases {
            assert_eq!(Engine::from_postgres_version(version), engine, "{version}");
        }
        assert!(Engine::CockroachDb.migration_blocker().is_some());
        assert!(Engine::YugabyteDb.migration_blocker().is_some());
        assert!(Engine::PostgreSql.migration_blocker().is_none());
    }

    #[test]
    fn tells_mariadb_from_mysql() {
        assert_eq!(
            Engine::from_mysql_version("10.11.19-MariaDB-0+deb12u1"),
            Engine::MariaDb
        );
        assert_eq!(
            Engine::from_mysql_version("5.5.5-10.6.12-MariaDB"),
            Engine::MariaDb
        );
        assert_eq!(Engine::from_mysql_version("8.0.36"), Engine::MySql);
    }
}
