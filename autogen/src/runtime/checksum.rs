//! Checksums of the SQL a revision produces, so reformatting a file is not an edit.

use sha2::{Digest, Sha256};

/// SHA-256 (hex, first 16 bytes) over the statements, one per line.
pub fn checksum(statements: &[String]) -> String {
    let mut hasher = Sha256::new();
    for s in statements {
        hasher.update(s.trim().as_bytes());
        hasher.update(b"\n");
    }
    hex::encode(&hasher.finalize()[..16])
}
