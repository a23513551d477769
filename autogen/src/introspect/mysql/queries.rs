//! The `information_schema` queries, one per object kind, limited to `DATABASE()`.
//!
//! Every text column is `CAST(... AS CHAR)` and every number `CAST(... AS SIGNED)`: some
//! `information_schema` columns are binary strings or unsigned integers the driver refuses to
//! decode as `String` / `i64`.
//!
//! MariaDB builds `information_schema` tables on the fly, and only skips the other databases
//! for a table whose own `WHERE` says `<schema column> = constant`; a join condition
//! (`t.TABLE_SCHEMA = c.TABLE_SCHEMA`) or a correlated subquery makes it open every table of
//! every database, once per outer row for a subquery (EXPLAIN shows "Scanned all databases").
//! So each `information_schema` table here is restricted to `DATABASE()` on its own, and
//! what needs two of them is joined in memory (read.rs) or through a materialized derived
//! table. <https://mariadb.com/kb/en/information-schema-optimization/>

/// Server version, to tell MariaDB from MySQL (they report defaults differently).
pub(crate) const VERSION: &str = "SELECT CAST(VERSION() AS CHAR) AS version";

/// Base tables with their comments and default collation (a column's collation is compared
/// with it in memory).
pub(crate) const TABLES: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name, CAST(TABLE_COMMENT AS CHAR) AS comment,
       CAST(TABLE_COLLATION AS CHAR) AS collation
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
ORDER BY TABLE_NAME
"#;

/// Columns with their full type, default, extra flags (`auto_increment`, `on update ..`,
/// `STORED GENERATED` / `VIRTUAL GENERATED`), comment, generation expression, character set and collation (read.rs keeps the collation when it differs from
/// the table's).
pub(crate) const COLUMNS: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name,
       CAST(COLUMN_NAME AS CHAR) AS column_name,
       CAST(ORDINAL_POSITION AS SIGNED) AS ordinal,
       CAST(COLUMN_TYPE AS CHAR) AS column_type,
       CAST(IS_NULLABLE AS CHAR) AS is_nullable,
       CAST(COLUMN_DEFAULT AS CHAR) AS column_default,
       CAST(EXTRA AS CHAR) AS extra,
       CAST(COLUMN_COMMENT AS CHAR) AS comment,
       CAST(GENERATION_EXPRESSION AS CHAR) AS generation_expression,
       CAST(CHARACTER_SET_NAME AS CHAR) AS charset,
       CAST(COLLATION_NAME AS CHAR) AS collation
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE()
ORDER BY TABLE_NAME, ORDINAL_POSITION
"#;

/// Every index column: the primary key, unique indexes (which is how MySQL reports unique
/// constraints) and plain indexes. Full-text and spatial indexes are left out; read.rs drops
/// prefix and descending indexes (a `sub_part`, `COLLATION = 'D'`) and functional ones (no column) whole.
pub(crate) const STATISTICS: &str = r#"
SELECT CAST(TABLE_NAME AS CHAR) AS table_name,
       CAST(INDEX_NAME AS CHAR) AS index_name,
       CAST(NON_UNIQUE AS SIGNED) AS non_unique,
       CAST(SEQ_IN_INDEX AS SIGNED) AS seq,
       CAST(COLUMN_NAME AS CHAR) AS column_name,
       CAST(SUB_PART AS SIGNED) AS sub_part,
       CAST(COLLATION AS CHAR) AS ordering
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() AND INDEX_TYPE NOT IN ('FULLTEXT', 'SPATIAL')
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
"#;

/// Foreign keys, one row per column pair, with their referential actions. The
/// `REFERENTIAL_CONSTRAINTS` side is a derived table restricted to `DATABASE()` on its own
/// (joined directly, MariaDB scans every database for it); `DISTINCT` (a no-op: a constraint
/// name is unique per table) keeps it materialized with a key, instead of merged into a
/// nested-loop join that grows with the square of the foreign keys.
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
JOIN (SELECT DISTINCT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
      FROM information_schema.REFERENTIAL_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = DATABASE()) r
  ON r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
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

/// Everything read but not managed, one row each: views, triggers, partitions, FULLTEXT,
/// SPATIAL, prefix and functional indexes, check constraints (not MariaDB's `json_valid`
/// ones for JSON columns). `ON UPDATE` clauses, generated columns and columns whose collation
/// differs from their table's are read with the columns (read.rs). MariaDB reports a
/// `SUB_PART` of 32 for a SPATIAL key's geometry column, which `CREATE SPATIAL INDEX` refuses
/// as a prefix (error 1089): a spatial key part never has one.
const UNMANAGED: &str = r#"
SELECT * FROM (
SELECT CAST('view' AS CHAR) AS kind, CAST(NULL AS CHAR) AS table_name,
       CAST(TABLE_NAME AS CHAR) AS name, CAST(NULL AS CHAR) AS detail
FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()
UNION ALL
SELECT 'trigger', CAST(EVENT_OBJECT_TABLE AS CHAR), CAST(TRIGGER_NAME AS CHAR),
       CAST(CONCAT(ACTION_TIMING, ' ', EVENT_MANIPULATION) AS CHAR)
FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
UNION ALL
SELECT 'partition', CAST(TABLE_NAME AS CHAR), CAST(PARTITION_NAME AS CHAR),
       CAST(CONCAT(PARTITION_METHOD, ' ', COALESCE(PARTITION_EXPRESSION, '')) AS CHAR)
FROM information_schema.PARTITIONS
WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL
UNION ALL
SELECT CASE WHEN SUM(COLUMN_NAME IS NULL) > 0 THEN 'index' ELSE 'defined index' END,
       CAST(TABLE_NAME AS CHAR), CAST(INDEX_NAME AS CHAR),
       CAST(CONCAT(CASE WHEN MIN(INDEX_TYPE) IN ('FULLTEXT', 'SPATIAL') THEN MIN(INDEX_TYPE)
                        WHEN MIN(NON_UNIQUE) = 0 THEN 'UNIQUE' ELSE '-' END, '|',
         GROUP_CONCAT(CONCAT(COALESCE(CONCAT('`', REPLACE(COLUMN_NAME, '`', '``'), '`'),
                                      'expression'),
                             CASE WHEN INDEX_TYPE = 'SPATIAL' THEN ''
                                  ELSE COALESCE(CONCAT('(', SUB_PART, ')'), '') END,
                             CASE WHEN COLLATION = 'D' THEN ' DESC' ELSE '' END)
                      ORDER BY SEQ_IN_INDEX SEPARATOR ', ')) AS CHAR)
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE()
GROUP BY TABLE_NAME, INDEX_NAME
HAVING SUM(INDEX_TYPE IN ('FULLTEXT', 'SPATIAL')
           OR (SUB_PART IS NOT NULL AND INDEX_NAME <> 'PRIMARY')
           OR (COLLATION = 'D' AND INDEX_NAME <> 'PRIMARY')
           OR COLUMN_NAME IS NULL) > 0
UNION ALL
{checks}) u
ORDER BY 1, 2, 3
"#;

/// Check constraints: MariaDB names them per table (and lists the table), MySQL per schema.
const CHECKS_MARIADB: &str = r#"SELECT 'check', CAST(TABLE_NAME AS CHAR),
       CAST(CONSTRAINT_NAME AS CHAR), CAST(CHECK_CLAUSE AS CHAR)
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE() AND CHECK_CLAUSE NOT LIKE 'json\_valid(%'
"#;

/// See [`CHECKS_MARIADB`].
const CHECKS_MYSQL: &str = r#"SELECT 'check', CAST(tc.TABLE_NAME AS CHAR),
       CAST(cc.CONSTRAINT_NAME AS CHAR), CAST(cc.CHECK_CLAUSE AS CHAR)
FROM information_schema.CHECK_CONSTRAINTS cc
JOIN information_schema.TABLE_CONSTRAINTS tc
  ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
 AND tc.CONSTRAINT_TYPE = 'CHECK'
WHERE cc.CONSTRAINT_SCHEMA = DATABASE()
"#;

/// The unmanaged-objects query for MariaDB or MySQL.
pub(crate) fn unmanaged(mariadb: bool) -> String {
    let checks = if mariadb {
        CHECKS_MARIADB
    } else {
        CHECKS_MYSQL
    };
    UNMANAGED.replace("{checks}", checks)
}
