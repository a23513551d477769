//! The `pg_catalog` queries, one per object kind, all limited to `current_schema()`.
//!
//! `pg_constraint` is used instead of `information_schema.constraint_column_usage`, which only
//! shows tables the current role owns. Every name is cast to `text` so the driver decodes it
//! as a string.

/// Ordinary and partitioned tables (not partitions), with their comments.
pub(crate) const TABLES: &str = r#"
SELECT c.relname::text AS table_name, d.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname
"#;

/// Columns with their formatted type, default expression, identity flag and comment.
/// Generated columns report no default (their expression is not a default).
pub(crate) const COLUMNS: &str = r#"
SELECT c.relname::text AS table_name,
       a.attname::text AS column_name,
       a.attnum::int8 AS ordinal,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = 's' THEN NULL
            ELSE pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS column_default,
       a.attidentity IN ('a', 'd') AS is_identity,
       d.description AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum
"#;

/// Primary-key and unique constraints, one row per key column.
pub(crate) const KEYS: &str = r#"
SELECT c.relname::text AS table_name,
       con.conname::text AS key_name,
       con.contype::text AS key_type,
       k.ord::int8 AS seq,
       a.attname::text AS column_name
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u')
ORDER BY 1, 2, 4
"#;

/// Plain-column B-tree indexes that do not back a constraint, one row per key column.
/// Expression, partial and non-B-tree (GIN, GiST, ...) indexes are skipped: the model cannot
/// express them, and reporting them would make compare drop them. `INCLUDE` columns are not
/// key columns.
pub(crate) const INDEXES: &str = r#"
SELECT c.relname::text AS table_name,
       ic.relname::text AS index_name,
       i.indisunique AS is_unique,
       k.ord::int8 AS seq,
       a.attname::text AS column_name
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
  AND NOT i.indisprimary AND am.amname = 'btree'
  AND i.indexprs IS NULL AND i.indpred IS NULL
  AND k.ord <= i.indnkeyatts
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY 1, 2, 4
"#;

/// Foreign keys, one row per (column, referenced column) pair.
pub(crate) const FOREIGN_KEYS: &str = r#"
SELECT c.relname::text AS table_name,
       con.conname::text AS fk_name,
       k.ord::int8 AS seq,
       a.attname::text AS column_name,
       rc.relname::text AS ref_table,
       ra.attname::text AS ref_column,
       con.confupdtype::text AS on_update,
       con.confdeltype::text AS on_delete
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum
WHERE n.nspname = current_schema() AND con.contype = 'f'
ORDER BY 1, 2, 3
"#;
