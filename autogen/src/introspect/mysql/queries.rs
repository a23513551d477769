//! The `information_schema` queries, one per object kind, limited to `DATABASE()`.
//!
//! Every text column is `CAST(... AS CHAR)` and every number `CAST(... AS SIGNED)`: some
//! `information_schema` columns are binary strings or unsigned integers the driver refuses to
//! decode as `String` / `i64`.

/// Server version, to tell MariaDB from MySQL (they report defaults differently).
pub(crate) const VERSION: &str = "SELECT CAST(VERSION() AS CHAR) AS version";

/// Base tables with their comments.
pub(crate) const TABLES: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name, CAST(TABLE_COMMENT AS CHAR) AS comment
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
ORDER BY TABLE_NAME
"#;

/// Columns with their full type, default, extra flags and comment.
pub(crate) const COLUMNS: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name,
       CAST(COLUMN_NAME AS CHAR) AS column_name,
       CAST(ORDINAL_POSITION AS SIGNED) AS ordinal,
       CAST(COLUMN_TYPE AS CHAR) AS column_type,
       CAST(IS_NULLABLE AS CHAR) AS is_nullable,
       CAST(COLUMN_DEFAULT AS CHAR) AS column_default,
       CAST(EXTRA AS CHAR) AS extra,
       CAST(COLUMN_COMMENT AS CHAR) AS comment
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE()
ORDER BY TABLE_NAME, ORDINAL_POSITION
"#;

/// Every index column: the primary key, unique indexes (which is how MySQL reports unique
/// constraints) and plain indexes. Full-text and spatial indexes are left out.
pub(crate) const STATISTICS: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name,
       CAST(INDEX_NAME AS CHAR) AS index_name,
       CAST(NON_UNIQUE AS SIGNED) AS non_unique,
       CAST(SEQ_IN_INDEX AS SIGNED) AS seq,
       CAST(COLUMN_NAME AS CHAR) AS column_name
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() AND INDEX_TYPE NOT IN ('FULLTEXT', 'SPATIAL')
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
"#;

/// Foreign keys, one row per column pair, with their referential actions.
pub(crate) const FOREIGN_KEYS: &str = r#"
SELECT CAST(k.TABLE_NAME AS CHAR) AS table_name,
       CAST(k.CONSTRAINT_NAME AS CHAR) AS fk_name,
       CAST(k.ORDINAL_POSITION AS SIGNED) AS seq,
       CAST(k.COLUMN_NAME AS CHAR) AS column_name,
       CAST(k.REFERENCED_TABLE_NAME AS CHAR) AS ref_table,
       CAST(k.REFERENCED_COLUMN_NAME AS CHAR) AS ref_column,
       CAST(r.UPDATE_RULE AS CHAR) AS on_update,
       CAST(r.DELETE_RULE AS CHAR) AS on_delete
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
 AND r.TABLE_NAME = k.TABLE_NAME
 AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY 1, 2, 3
"#;

/// MariaDB only: `json` is an alias of `longtext` plus a `json_valid(col)` check, so these
/// checks are the only way to tell a JSON column from a long text.
pub(crate) const MARIADB_JSON_CHECKS: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name, CAST(CHECK_CLAUSE AS CHAR) AS check_clause
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE() AND CHECK_CLAUSE LIKE 'json\_valid(%'
"#;
