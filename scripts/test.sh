#!/usr/bin/env bash
# The one command that passes every test: starts (or installs) PostgreSQL and MariaDB, then
# runs the whole suite against PostgreSQL, MariaDB and SQLite. An unreachable backend fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/services.sh

if ! cargo nextest --version >/dev/null 2>&1; then
  cargo install cargo-nextest --locked
fi

cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
# cli/tests/binary.rs makes the workspace run build the cli binary the CLI tests start.
cargo nextest run --workspace --no-fail-fast "$@"
