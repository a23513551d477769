//! `sqlite_schema` joined with the table-valued pragmas: one query per object kind covers
//! every table of `main`.

/// Tables and their `CREATE TABLE` text (needed to see `AUTOINCREMENT`).
pub(crate) const TABLES: &str = r#"
SELECT m.name AS table_name, m.sql AS create_sql
FROM main.sqlite_schema m
WHERE m.type = 'table'
ORDER BY m.name
"#;

/// Columns, including their 1-based position in the primary key (`pk`).
pub(crate) const COLUMNS: &str = r#"
SELECT m.name AS table_name, p.cid AS ordinal, p.name AS column_name, p.type AS data_type,
       p."notnull" AS not_null, p.dflt_value AS column_default, p.pk AS pk, p.hidden AS hidden
FROM main.sqlite_schema m
JOIN pragma_table_xinfo(m.name, 'main') p
WHERE m.type = 'table'
ORDER BY m.name, p.cid
"#;

/// Index key columns; `origin` is `c` (CREATE INDEX), `u` (UNIQUE constraint) or `pk`;
/// `ordered` when a column is descending (not a plain index). An index column takes its table
/// column's collation unless it names one, so `index_sql` (NULL for a constraint's index)
/// tells whether it does.
pub(crate) const INDEXES: &str = r#"
SELECT m.name AS table_name, il.name AS index_name, il."unique" AS is_unique,
       il.origin AS origin, il.partial AS partial, ii.seqno AS seq, ii.name AS column_name,
       ii."desc" AS ordered, mi.sql AS index_sql
FROM main.sqlite_schema m
JOIN pragma_index_list(m.name, 'main') il
JOIN pragma_index_xinfo(il.name, 'main') ii
LEFT JOIN main.sqlite_schema mi ON mi.type = 'index' AND mi.name = il.name
WHERE m.type = 'table' AND ii."key" <> 0
ORDER BY 1, 2, 6
"#;

/// Foreign-key column pairs; `to` is NULL when the parent's primary key is implied.
pub(crate) const FOREIGN_KEYS: &str = r#"
SELECT m.name AS table_name, f.id AS fk_id, f.seq AS seq, f."table" AS ref_table,
       f."from" AS column_name, f."to" AS ref_column, f.on_update AS on_update,
       f.on_delete AS on_delete
FROM main.sqlite_schema m
JOIN pragma_foreign_key_list(m.name, 'main') f
WHERE m.type = 'table'
ORDER BY 1, 2, 3
"#;

/// Views, triggers and index definitions, with the SQL SQLite keeps for each (a rebuild
/// recreates the ones on the rebuilt table from it).
pub(crate) const OBJECTS: &str = r#"
SELECT m.type AS kind, m.tbl_name AS table_name, m.name AS name, m.sql AS create_sql
FROM main.sqlite_schema m
WHERE m.type IN ('view', 'trigger', 'index') AND m.sql IS NOT NULL
ORDER BY 1, 2, 3
"#;
