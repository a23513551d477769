//! The round-trip property on MySql: one test per scenario (see `roundtrip_common`).

mod roundtrip_common;

roundtrip_tests!(tests::Backend::MySql);
