//! The round-trip property, step by step: autogenerate, upgrade through the real migrator,
//! autogenerate again (nothing), downgrade (the schema is back), upgrade again to go on.

use std::collections::BTreeSet;

use autogen::EntityDef;
use autogen::drift::{current_schema, schema_drift};
use autogen::metadata::desired_schema;
use autogen::model::Schema;
use autogen::model::apply::{canonical, equivalent};
use autogen::ops::Op;
use autogen::plan::{OpsMigration, Step, plan, statements_for};
use autogen::revision::RevisionMeta;
use autogen::runtime::{
    ConnectOptions, Migrations, Migrator, Revision, RunOptions, Side, VERSION_TABLE, capture_sql,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::{Backend, TestDb};

/// One database walked through a sequence of entity versions, one revision per step.
pub struct RoundTrip {
    /// The database.
    pub db: TestDb,
    /// A connection for introspection and test data.
    pub conn: DatabaseConnection,
    history: Vec<(RevisionMeta, OpsMigration)>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// An identifier quoted for `backend`.
pub fn quote(backend: DbBackend, name: &str) -> String {
    autogen::Backend::of(backend).ident(name)
}

impl RoundTrip {
    /// A fresh, empty database on `backend`.
    pub async fn new(backend: Backend, label: &str) -> RoundTrip {
        let db = TestDb::new(backend, label).await;
        let conn = db.connect().await;
        RoundTrip {
            db,
            conn,
            history: Vec::new(),
        }
    }

    /// The backend.
    pub fn backend(&self) -> DbBackend {
        self.db.backend.db()
    }

    /// Runs raw SQL (test data).
    pub async fn exec(&self, sql: &str) {
        self.conn
            .execute_unprepared(sql)
            .await
            .unwrap_or_else(|e| panic!("{:?}: {sql}: {e}", self.db.backend));
    }

    /// Inserts rows; `values` are SQL literals, one slice per row.
    pub async fn insert(&self, table: &str, columns: &[&str], rows: &[&[&str]]) {
        let b = self.backend();
        let cols: Vec<String> = columns.iter().map(|c| quote(b, c)).collect();
        for row in rows {
            self.exec(&format!(
                "INSERT INTO {} ({}) VALUES ({})",
                quote(b, table),
                cols.join(", "),
                row.join(", ")
            ))
            .await;
        }
    }

    /// Rows in `table`.
    pub async fn count(&self, table: &str) -> i64 {
        let b = self.backend();
        let row = self
            .conn
            .query_one_raw(Statement::from_string(
                b,
                format!("SELECT COUNT(*) AS n FROM {}", quote(b, table)),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get("", "n").unwrap()
    }

    /// The string in `column` of the row of `table` whose `id` is `id`.
    pub async fn text(&self, table: &str, column: &str, id: i64) -> String {
        let b = self.backend();
        let row = self
            .conn
            .query_one_raw(Statement::from_string(
                b,
                format!(
                    "SELECT {} AS v FROM {} WHERE {} = {id}",
                    quote(b, column),
                    quote(b, table),
                    quote(b, "id")
                ),
            ))
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no row {id} in {table}"));
        row.try_get("", "v").unwrap()
    }

    /// The normalized schema of the database.
    pub async fn schema(&self) -> Schema {
        current_schema(&self.conn).await.unwrap().0
    }

    fn migrations(&self) -> Migrations {
        Migrations::new(
            self.history
                .iter()
                .map(|(meta, m)| Revision::new(*meta, m.clone()))
                .collect(),
        )
        .unwrap()
    }

    /// Row counts of every table in `schema`.
    async fn counts(&self, schema: &Schema, keep: &Schema) -> Vec<(String, i64)> {
        let mut out = Vec::new();
        for name in schema
            .tables
            .keys()
            .filter(|t| keep.tables.contains_key(*t))
        {
            out.push((name.clone(), self.count(name).await));
        }
        out
    }

    /// One step to `entities`: the ops found must be exactly of the `expect`ed kinds. When
    /// there are ops, they are applied as a new revision and the round-trip property is
    /// checked; the database is left upgraded.
    pub async fn step(&mut self, entities: &[EntityDef], expect: &[&str]) -> Stepped {
        let desired = desired_schema(entities, self.backend());
        self.step_to(&desired, Some(expect)).await
    }

    /// One step to the `desired` schema (as written, not normalized); like [`Self::step`],
    /// with the op kinds checked only when `expect` is given.
    pub async fn step_to(&mut self, desired: &Schema, expect: Option<&[&str]>) -> Stepped {
        let backend = self.db.backend;
        let describe = |ops: &[Op]| {
            ops.iter()
                .map(|op| format!("\n  {}", op.describe()))
                .collect::<String>()
        };

        // Step 1: autogenerate.
        let drift = schema_drift(&self.conn, desired).await.unwrap();
        if let Some(expect) = expect {
            let kinds: BTreeSet<&str> = drift.ops.iter().map(Op::kind).collect();
            let expected: BTreeSet<&str> = expect.iter().copied().collect();
            assert_eq!(
                kinds,
                expected,
                "{backend:?}: op kinds of step {}:{}",
                self.history.len() + 1,
                describe(&drift.ops)
            );
        }
        if drift.ops.is_empty() {
            return Stepped {
                ops: drift.ops,
                before: drift.base,
            };
        }
        let snapshot = drift.current.clone();

        // Step 2: upgrade through the migrator, as a new revision on top of the last one.
        let id = leak(format!("r{}", self.history.len() + 1));
        let parents: &'static [&'static str] = match self.history.last() {
            Some((meta, _)) => Box::leak(vec![meta.id].into_boxed_slice()),
            None => &[],
        };
        let previous = parents.first().copied().unwrap_or("base");
        let meta = RevisionMeta {
            id,
            down_revisions: parents,
            branch_labels: &[],
            depends_on: &[],
            replaces: &[],
            transactional: true,
            message: "round trip",
            create_date: "2026-01-01 00:00:00 UTC",
        };
        let migration = OpsMigration::new(id, drift.ops.clone(), drift.base.clone());
        let after = migration.after();
        self.history.push((meta, migration));
        let migrations = self.migrations();
        let migrator = Migrator::connect(
            &self.db.database_url(),
            &migrations,
            &ConnectOptions::default(),
        )
        .await
        .unwrap();
        let options = RunOptions::default();
        let rows_before = self.counts(&snapshot, &after).await;
        let logged = migrator.recorder().len();
        migrator
            .upgrade("head", &options)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: upgrade {id}: {e}{}", describe(&drift.ops)));
        // What ran is exactly what offline capture (`--sql`, checksums) says runs.
        let online: Vec<String> = migrator
            .recorder()
            .since(logged)
            .into_iter()
            .filter(|s| !s.failed && is_migration_statement(&s.sql))
            .map(|s| s.sql)
            .collect();
        let (_, migration) = self.history.last().expect("just pushed");
        let offline = capture_sql(self.backend(), migration, Side::Up, id)
            .await
            .unwrap();
        assert_eq!(
            online, offline,
            "{backend:?}: statements run by upgrade {id}"
        );
        assert_eq!(
            self.counts(&snapshot, &after).await,
            rows_before,
            "{backend:?}: rows kept by upgrade {id}"
        );

        // Step 3: autogenerate again: nothing.
        let again = schema_drift(&self.conn, desired).await.unwrap();
        assert!(
            again.ops.is_empty(),
            "{backend:?}: drift after upgrade {id}:{}\n(ops applied:{})",
            describe(&again.ops),
            describe(&drift.ops)
        );

        // Step 4: downgrade: the schema is the snapshot again. `equivalent` is what the property
        // asks for (comparison ignores column order and generated key names). Names are
        // restored too, so equality up to column order is asserted as well: a column dropped by
        // the upgrade comes back at the end of its table (ADD COLUMN appends).
        migrator
            .downgrade(previous, &options)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: downgrade {id}: {e}{}", describe(&drift.ops)));
        let restored = self.schema().await;
        assert!(
            equivalent(&restored, &snapshot),
            "{backend:?}: downgrade of {id} restores the schema:\n{}",
            schema_diff(&canonical(&snapshot), &canonical(&restored))
        );
        let b = self.backend();
        let (want, got) = (strict_form(b, &snapshot), strict_form(b, &restored));
        assert!(
            want == got,
            "{backend:?}: downgrade of {id} restores the schema exactly, names included:\n{}",
            schema_diff(&want, &got)
        );
        assert_eq!(
            self.counts(&snapshot, &after).await,
            rows_before,
            "{backend:?}: rows kept by downgrade of {id}"
        );

        // Step 5: upgrade again, to go on from the new version.
        migrator.upgrade("head", &options).await.unwrap();
        let again = schema_drift(&self.conn, desired).await.unwrap();
        assert!(
            again.ops.is_empty(),
            "{backend:?}: drift after re-upgrade {id}:{}",
            describe(&again.ops)
        );
        Stepped {
            ops: drift.ops,
            before: drift.base,
        }
    }
}

/// A unified diff of two schemas' pretty debug forms (before upgrade → after downgrade).
pub fn schema_diff(want: &Schema, got: &Schema) -> String {
    let (a, b) = (format!("{want:#?}"), format!("{got:#?}"));
    similar::TextDiff::from_lines(&a, &b)
        .unified_diff()
        .context_radius(4)
        .header("before upgrade", "after downgrade")
        .to_string()
}

/// `schema` with each table's columns sorted by name, and on SQLite without unique names:
/// SQLite keeps no name for a UNIQUE table constraint (it reads back as the index
/// `sqlite_autoindex_<table>_<n>`), so a table created again renames its uniques.
pub fn strict_form(backend: DbBackend, schema: &Schema) -> Schema {
    let mut s = schema.clone();
    for t in s.tables.values_mut() {
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
        if backend == DbBackend::Sqlite {
            for u in t.uniques.values_mut() {
                u.name.clear();
            }
        }
    }
    s
}

/// Whether a logged statement belongs to the revision (not to the runner's bookkeeping).
fn is_migration_statement(sql: &str) -> bool {
    let upper = sql.trim_start().to_ascii_uppercase();
    !sql.contains(VERSION_TABLE) && !upper.starts_with("PRAGMA") && !upper.starts_with("SELECT")
}

/// What one step applied.
pub struct Stepped {
    /// The ops.
    pub ops: Vec<Op>,
    /// The normalized schema they started from.
    pub before: Schema,
}

impl Stepped {
    /// Tables the upgrade rebuilds on SQLite.
    pub fn sqlite_rebuilds(&self) -> BTreeSet<String> {
        let steps = plan(&self.ops, &self.before);
        statements_for(&steps, DbBackend::Sqlite)
            .into_iter()
            .filter_map(|s| match s {
                Step::RenameTable { to, .. } => Some(to.clone()),
                _ => None,
            })
            .collect()
    }
}
