//! The round-trip property on Sqlite: one test per scenario (see `roundtrip_common`).

mod roundtrip_common;

roundtrip_tests!(tests::Backend::Sqlite);
