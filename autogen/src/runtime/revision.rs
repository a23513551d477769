//! A revision: its metadata and the migration code.

use sea_orm_migration::MigrationTrait;

use crate::revision::RevisionMeta;

/// One migration file as the runner sees it.
pub struct Revision {
    /// Metadata literal from the file.
    pub meta: RevisionMeta,
    /// The `up`/`down` code.
    pub migration: Box<dyn MigrationTrait>,
}

impl Revision {
    /// Pairs metadata with its migration.
    pub fn new(meta: RevisionMeta, migration: impl MigrationTrait + 'static) -> Self {
        Self {
            meta,
            migration: Box::new(migration),
        }
    }
}

impl std::fmt::Debug for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Revision")
            .field("meta", &self.meta)
            .finish()
    }
}
