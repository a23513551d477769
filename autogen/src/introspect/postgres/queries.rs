//! The `pg_catalog` queries, one per object kind, all limited to `current_schema()`.
//!
//! `pg_constraint` is used instead of `information_schema.constraint_column_usage`, which only
//! shows tables the current role owns. Every name is cast to `text` so the driver decodes it
//! as a string.

/// Ordinary and partitioned tables (not partitions), with their comments and a partitioned
/// table's key (`RANGE (at)`). Every row also carries `server_version_num`, which picks the
/// [`INDEXES`] variant without one more query (with no table, no index is read either, so
/// either variant does).
pub(crate) const TABLES: &str = r#"
SELECT c.relname::text AS table_name, d.description AS comment,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       pg_catalog.current_setting('server_version_num')::int4 AS server_version
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname
"#;

/// Enum types and domains of this schema, in one query (the number of queries stays constant).
/// An enum (`kind` `e`) has one row per value in sort order (a type with no value has one row
/// with a NULL value). A domain (`kind` `d`) has one row per check constraint (one row with a
/// NULL `check_name` when it has none), each with its base type as `format_type` prints it,
/// its default (`typdefault`, the SQL text), `NOT NULL`, and its collation when it is not the
/// base type's (<https://www.postgresql.org/docs/15/catalog-pg-type.html>). PostgreSQL 17
/// also keeps a domain's `NOT NULL` in `pg_constraint` (`contype` `n`): only checks are read.
pub(crate) const USER_TYPES: &str = r#"
SELECT 'e'::text AS kind, t.typname::text AS type_name, e.enumlabel::text AS value,
       e.enumsortorder::float8 AS ord, NULL::text AS base_type, NULL::text AS domain_default,
       false AS not_null, NULL::text AS collation, NULL::text AS check_name,
       NULL::text AS check_def
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = current_schema() AND t.typtype = 'e'
UNION ALL
SELECT 'd', t.typname::text, NULL, 0, pg_catalog.format_type(t.typbasetype, t.typtypmod),
       t.typdefault, t.typnotnull, co.collname::text, con.conname::text,
       pg_catalog.pg_get_constraintdef(con.oid)
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation co
  ON co.oid = t.typcollation AND t.typcollation <> bt.typcollation
LEFT JOIN pg_catalog.pg_constraint con ON con.contypid = t.oid AND con.contype = 'c'
WHERE n.nspname = current_schema() AND t.typtype = 'd'
ORDER BY 1, 2, 4, 9
"#;

/// Columns with their formatted type, default expression, identity kind (`a` always, `d` by
/// default), the step of their owned sequence (serial or identity) and comment; a column of an
/// enum type of this schema names the type in `enum_name`, one of a domain of this schema in
/// `domain_name` (unquoted, exact case).
/// Generated columns report no default: their expression is `generated_expr`, and
/// `generated_kind` is `s` (stored; `v`, virtual, from PostgreSQL 18). `collation` is the
/// column's when it is not its type's default. `unmanaged_type` is true for a column of a type
/// the tool never creates (composite, range or multirange, an array of those or of an enum or
/// domain, an enum or domain of another schema): it is reported as unmanaged, from this one scan of
/// `pg_attribute` (as is a non-default collation).
///
/// No `ORDER BY`: `assemble` sorts the columns (sorting 140,000 wide rows here spilled to disk
/// at 10,000 tables). A default is deparsed with `pg_get_expr(adbin, 0)`: a `DEFAULT` cannot
/// reference a column, and with a relation OID `pg_get_expr` opens that relation for its
/// column names, once per call, which was most of this query's cost
/// (<https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-INFO-CATALOG>:
/// "if no Vars are expected, passing zero is sufficient"). A generation expression does
/// reference columns and keeps the relation. `$half` keeps the tables whose OID hash has that
/// lowest bit. The schema is named by OID (`to_regnamespace` of the quoted name): the planner
/// evaluates that while planning and estimates the schema's share of `pg_attribute` from its
/// statistics, where a name comparison is estimated at a quarter of all tables; at 10,000
/// tables that underestimate sorted the rows on disk for a merge join (10% of this query's
/// server CPU, scripts/bench/catalog_cpu.py).
macro_rules! columns {
    ($half:literal) => {
        concat!(
            r#"
SELECT c.relname::text AS table_name,
       a.attname::text AS column_name,
       a.attnum::int8 AS ordinal,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
       CASE WHEN ty.typtype = 'e' AND ty.typnamespace = n.oid THEN ty.typname::text END
         AS enum_name,
       CASE WHEN ty.typtype = 'd' AND ty.typnamespace = n.oid THEN ty.typname::text END
         AS domain_name,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated <> '' THEN NULL
            ELSE pg_catalog.pg_get_expr(ad.adbin, 0) END AS column_default,
       a.attidentity IN ('a', 'd') AS is_identity,
       a.attidentity::text AS identity,
       seq.increment,
       d.description AS comment,
       co.collname::text AS collation,
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END
         AS generated_expr,
       a.attgenerated::text AS generated_kind,
       coalesce((ty.typtype IN ('e', 'd') AND ty.typnamespace <> n.oid)
                OR ty.typtype IN ('c', 'r', 'm')
                OR el.typtype IN ('e', 'd', 'c', 'r', 'm'), false) AS unmanaged_type
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type el ON el.oid = ty.typelem AND ty.typcategory = 'A'
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
WHERE n.oid = pg_catalog.to_regnamespace(pg_catalog.quote_ident(current_schema()))
  AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
  AND (pg_catalog.hashoid(c.oid) & 1) = "#,
            $half,
            "\n"
        )
    };
}

/// [`columns!`] for the tables whose OID hashes to 0, and to 1: two queries of about equal
/// work, which [`super::read`] can run at once. The hash spreads tables evenly whatever the
/// step between their OIDs (each table also takes OIDs for its types and indexes).
pub(crate) const COLUMNS_OF_HALF: [&str; 2] = [columns!(0), columns!(1)];

/// Primary-key and unique constraints, one row per key column (a key lists a column once,
/// so its position is `array_position`). No `ORDER BY`: `assemble` groups and sorts.
pub(crate) const KEYS: &str = r#"
SELECT c.relname::text AS table_name,
       con.conname::text AS key_name,
       con.contype::text AS key_type,
       pg_catalog.array_position(con.conkey, a.attnum)::int8 AS seq,
       a.attname::text AS column_name
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u')
"#;

/// The indexes the model expresses: plain-column B-tree indexes with default operator classes,
/// ascending order and no `INCLUDE` columns, no predicate, no `NULLS NOT DISTINCT` (its
/// argument: the test of that flag, which exists from PostgreSQL 15 on). The others are
/// kept as their `pg_get_indexdef` (reading them as plain would rewrite them).
macro_rules! managed_index {
    ($nulls:literal) => {
        concat!(
            "(am.amname = 'btree' AND i.indexprs IS NULL AND i.indpred IS NULL
      AND i.indnatts = i.indnkeyatts
      AND NOT EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0)
      AND NOT i.indclass::oid[] && ARRAY(SELECT op.oid FROM pg_catalog.pg_opclass op
                                         WHERE NOT op.opcdefault)
      AND NOT EXISTS (SELECT 1 FROM unnest(i.indcollation::oid[]) co
                      WHERE co <> 0 AND co <> 100)",
            $nulls,
            ")"
        )
    };
}

/// Every index of this schema's tables that backs no key constraint (`conindid` of the
/// primary-key, unique or exclusion constraint it backs), classified once: a managed one
/// (see `managed_index`) gives one row per key column (`INCLUDE` columns are not key
/// columns) and a NULL `definition`; any other one row with its `pg_get_indexdef` as
/// `definition` and NULL `seq`/`column_name`.
macro_rules! indexes {
    ($nulls:literal) => {
        concat!(
            "SELECT x.table_name, x.index_name, x.is_unique, k.ord::int8 AS seq,
       k.attname::text AS column_name,
       CASE WHEN NOT x.managed THEN pg_catalog.pg_get_indexdef(x.indexrelid) END AS definition
FROM (
  SELECT c.relname::text AS table_name, ic.relname::text AS index_name,
         i.indisunique AS is_unique, i.indexrelid, i.indrelid, i.indkey, i.indnkeyatts,
         ",
            managed_index!($nulls),
            " AS managed
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND NOT i.indisprimary
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                    WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
  OFFSET 0) x
LEFT JOIN LATERAL (
  SELECT k.ord, a.attname
  FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
  JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
  WHERE x.managed AND k.ord <= x.indnkeyatts
  OFFSET 0) k ON true"
        )
    };
}

/// [`indexes!`] on PostgreSQL 15 and later, where `NULLS NOT DISTINCT` exists.
pub(crate) const INDEXES: &str = indexes!("\n      AND NOT i.indnullsnotdistinct");

/// [`indexes!`] before PostgreSQL 15: no index treats nulls as equal there.
pub(crate) const INDEXES_PRE_15: &str = indexes!("");

/// The first `server_version_num` with `pg_index.indnullsnotdistinct`.
pub(crate) const NULLS_NOT_DISTINCT_SINCE: i32 = 150_000;

/// Foreign keys, one row per (column, referenced column) pair. No `ORDER BY`: `assemble`
/// groups and sorts. `OFFSET 0` keeps the pairs a subquery, so each column is found through
/// `pg_attribute`'s index instead of a hash of all of the table's attributes.
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
CROSS JOIN LATERAL (SELECT * FROM unnest(con.conkey, con.confkey)
                    WITH ORDINALITY AS k(attnum, refnum, ord) OFFSET 0) k
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum
WHERE n.nspname = current_schema() AND con.contype = 'f'
"#;

/// Check constraints (kind `check`, managed) and everything read but not managed, one row
/// each: views, materialized views, partitions, triggers, check and exclusion constraints,
/// foreign-key options. Indexes the model cannot express come with [`INDEXES`], and columns
/// of a type the tool never creates or with a non-default collation with [`COLUMNS`], so
/// that neither `pg_index` nor `pg_attribute` is scanned twice.
pub(crate) const UNMANAGED: &str = r#"
SELECT * FROM (
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
SELECT CASE con.contype WHEN 'c' THEN 'check' ELSE 'exclusion constraint' END,
       c.relname::text, con.conname::text,
       pg_catalog.pg_get_constraintdef(con.oid)
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND con.contype IN ('c', 'x') AND NOT c.relispartition
) u
ORDER BY 1, 2, 3
"#;
