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

/// Enum types of this schema, one row per value in sort order (a type with no value has one
/// row with a NULL value).
pub(crate) const ENUMS: &str = r#"
SELECT t.typname::text AS enum_name, e.enumlabel::text AS value
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = current_schema() AND t.typtype = 'e'
ORDER BY t.typname, e.enumsortorder
"#;

/// Columns with their formatted type, default expression, identity kind (`a` always, `d` by
/// default), the step of their owned sequence (serial or identity) and comment; a column of an
/// enum type of this schema names the type in `enum_name` (unquoted, exact case).
/// Generated columns report no default: their expression is `generated_expr`, and
/// `generated_kind` is `s` (stored; `v`, virtual, from PostgreSQL 18). `collation` is the
/// column's when it is not its type's default.
pub(crate) const COLUMNS: &str = r#"
SELECT c.relname::text AS table_name,
       a.attname::text AS column_name,
       a.attnum::int8 AS ordinal,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       CASE WHEN ty.typtype = 'e' AND ty.typnamespace = n.oid THEN ty.typname::text END
         AS enum_name,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated <> '' THEN NULL
            ELSE pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS column_default,
       a.attidentity IN ('a', 'd') AS is_identity,
       a.attidentity::text AS identity,
       seq.increment,
       d.description AS comment,
       co.collname::text AS collation,
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END
         AS generated_expr,
       a.attgenerated::text AS generated_kind
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_collation co
  ON co.oid = a.attcollation AND a.attcollation <> ty.typcollation
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN (SELECT DISTINCT ON (dep.refobjid, dep.refobjsubid)
                  dep.refobjid, dep.refobjsubid, s.seqincrement::int8 AS increment
           FROM pg_catalog.pg_depend dep
           JOIN pg_catalog.pg_sequence s ON s.seqrelid = dep.objid
           WHERE dep.classid = 'pg_catalog.pg_class'::regclass
             AND dep.refclassid = 'pg_catalog.pg_class'::regclass
             AND dep.deptype IN ('a', 'i')) seq
  ON seq.refobjid = a.attrelid AND seq.refobjsubid = a.attnum
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

/// The indexes the model expresses: plain-column B-tree indexes with default operator classes,
/// ascending order and no `INCLUDE` columns, no predicate, no `NULLS NOT DISTINCT`. The others
/// are reported by [`UNMANAGED`] and left alone (reading them as plain would rewrite them).
macro_rules! managed_index {
    () => {
        "(am.amname = 'btree' AND i.indexprs IS NULL AND i.indpred IS NULL
      AND i.indnatts = i.indnkeyatts
      AND NOT EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0)
      AND NOT i.indclass::oid[] && ARRAY(SELECT op.oid FROM pg_catalog.pg_opclass op
                                         WHERE NOT op.opcdefault)
      AND NOT EXISTS (SELECT 1 FROM unnest(i.indcollation::oid[]) co
                      WHERE co <> 0 AND co <> 100)
      AND NOT coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false))"
    };
}

/// The joins every index query starts from.
macro_rules! index_from {
    () => {
        "FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
"
    };
}

/// Index rows of this schema's tables that back no key constraint.
macro_rules! index_where {
    () => {
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND NOT i.indisprimary
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_constraint con ON con.oid = dep.refobjid
    WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = i.indexrelid
      AND dep.refclassid = 'pg_catalog.pg_constraint'::regclass AND dep.deptype = 'i'
      AND con.contype IN ('p', 'u', 'x'))"
    };
}

/// Managed indexes (see `managed_index`), one row per key column (`INCLUDE` columns are not
/// key columns).
pub(crate) const INDEXES: &str = concat!(
    "SELECT c.relname::text AS table_name,
       ic.relname::text AS index_name,
       i.indisunique AS is_unique,
       k.ord::int8 AS seq,
       k.attname::text AS column_name
",
    index_from!(),
    "CROSS JOIN LATERAL (
  SELECT k.ord, a.attname
  FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
  WHERE k.ord <= i.indnkeyatts
  OFFSET 0) k
",
    index_where!(),
    "
  AND ",
    managed_index!(),
    "
ORDER BY 1, 2, 4",
);

/// Foreign keys, one row per (column, referenced column) pair.
pub(crate) const FOREIGN_KEYS: &str = r#"
SELECT c.relname::text AS table_name,
       con.conname::text AS fk_name,
       k.ord::int8 AS seq,
       a.attname::text AS column_name,
       rc.relname::text AS ref_table,
       ra.attname::text AS ref_column,
       con.confupdtype::text AS on_update,
       con.confdeltype::text AS on_delete,
       con.condeferrable AS deferrable,
       con.condeferred AS deferred
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

/// Check constraints (kind `check`, managed) and everything read but not managed, one row each: views, materialized views, partitions,
/// triggers, indexes the model cannot express, check and exclusion constraints, columns with
/// a non-default collation, and columns of domain, composite or range
/// types, arrays of those or of enums, and enums of another schema (the tool never creates
/// those types; enums of this schema are managed, see [`ENUMS`]).
pub(crate) const UNMANAGED: &str = concat!(
    "SELECT * FROM (
SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END AS kind,
       NULL::text AS table_name, c.relname::text AS name, NULL::text AS detail
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
UNION ALL
SELECT 'partition', p.relname::text, c.relname::text,
       pg_catalog.pg_get_expr(c.relpartbound, c.oid)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_inherits inh ON inh.inhrelid = c.oid
JOIN pg_catalog.pg_class p ON p.oid = inh.inhparent
WHERE n.nspname = current_schema() AND c.relispartition AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'trigger', c.relname::text, t.tgname::text, pg_catalog.pg_get_triggerdef(t.oid)
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND NOT c.relispartition
UNION ALL
SELECT 'defined index', c.relname::text, ic.relname::text,
       pg_catalog.pg_get_indexdef(i.indexrelid)
",
    index_from!(),
    index_where!(),
    "
  AND NOT ",
    managed_index!(),
    "
UNION ALL
SELECT CASE con.contype WHEN 'c' THEN 'check' ELSE 'exclusion constraint' END,
       c.relname::text, con.conname::text,
       pg_catalog.pg_get_constraintdef(con.oid)
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND con.contype IN ('c', 'x') AND NOT c.relispartition
UNION ALL
SELECT CASE WHEN a.attcollation <> ty.typcollation THEN 'column collation'
            ELSE 'column type' END,
       c.relname::text, a.attname::text,
       CASE WHEN a.attcollation <> ty.typcollation
              THEN 'COLLATE ' || (SELECT co.collname::text FROM pg_catalog.pg_collation co
                                  WHERE co.oid = a.attcollation)
            ELSE pg_catalog.format_type(a.atttypid, a.atttypmod) END
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type el ON el.oid = ty.typelem AND ty.typcategory = 'A'
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.attnum > 0 AND NOT a.attisdropped
  AND (a.attcollation <> ty.typcollation
       OR (ty.typtype = 'e' AND ty.typnamespace <> n.oid)
       OR ty.typtype IN ('d', 'c', 'r', 'm') OR el.typtype IN ('e', 'd', 'c', 'r', 'm'))
) u
ORDER BY 1, 2, 3",
);
