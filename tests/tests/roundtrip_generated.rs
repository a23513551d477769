//! The round-trip property over pseudo-random schema versions (`tests::schema_fuzz`): each
//! case walks empty → v1 → v2 → v3 → v4 on a fresh database, every step checked as in the
//! scenario tests (upgrade, no drift, downgrade restores exactly, re-upgrade).

use std::collections::BTreeSet;

use autogen::model::Schema;
use autogen::ops::Op;
use tests::Backend;
use tests::roundtrip::RoundTrip;
use tests::schema_fuzz::{Rng, version};

/// Versions per case, after the empty start.
const STEPS: usize = 4;

async fn cases(backend: Backend, seeds: std::ops::Range<u64>) -> BTreeSet<&'static str> {
    let mut kinds = BTreeSet::new();
    for seed in seeds {
        let mut rng = Rng::new(seed);
        let mut rt = RoundTrip::new(backend, &format!("fuzz_{seed}")).await;
        let mut previous = Schema::default();
        for _ in 0..STEPS {
            let next = version(&mut rng, &previous);
            let stepped = rt.step_to(&next, None).await;
            kinds.extend(stepped.ops.iter().map(Op::kind));
            previous = next;
        }
    }
    kinds
}

/// The op kinds the generator reaches (table comments are never seen on SQLite).
fn every_kind(backend: Backend) -> BTreeSet<&'static str> {
    let mut all: BTreeSet<&str> = [
        "add_table",
        "drop_table",
        "add_column",
        "drop_column",
        "alter_column",
        "add_index",
        "drop_index",
        "add_unique",
        "drop_unique",
        "add_foreign_key",
        "drop_foreign_key",
        "alter_primary_key",
        "rename_column",
    ]
    .into_iter()
    .collect();
    if backend != Backend::Sqlite {
        all.insert("set_table_comment");
    }
    all
}

macro_rules! chunks {
    ($($name:ident: $backend:expr, $seeds:expr;)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let kinds = cases($backend, $seeds).await;
                let missing: Vec<_> = every_kind($backend).difference(&kinds).copied().collect();
                assert!(missing.is_empty(), "op kinds never generated: {missing:?}");
            }
        )*
    };
}

chunks! {
    postgres_0: Backend::Postgres, 0..4;
    postgres_1: Backend::Postgres, 4..8;
    postgres_2: Backend::Postgres, 8..12;
    mysql_0: Backend::MySql, 0..4;
    mysql_1: Backend::MySql, 4..8;
    mysql_2: Backend::MySql, 8..12;
    sqlite_0: Backend::Sqlite, 0..10;
    sqlite_1: Backend::Sqlite, 10..20;
    sqlite_2: Backend::Sqlite, 20..30;
}
