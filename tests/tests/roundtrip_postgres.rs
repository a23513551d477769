//! The round-trip property on Postgres: one test per scenario (see `roundtrip_common`).

mod roundtrip_common;

roundtrip_tests!(tests::Backend::Postgres);
