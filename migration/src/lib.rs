//! The application's migrations. Each file in `src/versions/` is one revision; the build
//! script lists them, so a new revision is exactly one new file in a pull request.

include!(concat!(env!("OUT_DIR"), "/versions.rs"));
