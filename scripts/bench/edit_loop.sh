#!/usr/bin/env bash
# Edit loop (docs/BENCHMARKS.md, "Edit loop"): the incremental debug rebuild that
# `cargo run -p cli -- upgrade` does after (a) a new revision file and (b) an entity edit.
#
#   scripts/bench/edit_loop.sh [ROUNDS]     default 5; prints every time and the medians
#   FEATURES=dylib scripts/bench/edit_loop.sh [ROUNDS]    the same for `cargo dev` (cli's
#                                            `dylib` feature: autogen as a shared library)
#
# (a) `cli revision -m ...` writes a file into migration/src/versions (what
#     `revision --autogenerate` writes is the same kind of file; only its body differs);
# (b) a new optional column in entity/src/product.rs.
# Each is timed as `cargo build -p cli` (the build half of `cargo run`), then undone and the
# build brought back up to date, untimed. CARGO_BUILD_JOBS=2 (the machine's cores). The
# working tree is restored on exit, also on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
export CARGO_BUILD_JOBS=2
entity=entity/src/product.rs
versions=migration/src/versions
before=$(ls "$versions")
restore() {
  git checkout -q -- "$entity"
  for f in "$versions"/*.rs; do
    grep -qxF "$(basename "$f")" <<<"$before" || rm -f "$f"
  done
}
trap restore EXIT
features=${FEATURES:+--features $FEATURES}
# shellcheck disable=SC2086 # $features is zero or two words
build() { cargo build -q -p cli $features 2>&1; }
t() { local s e; s=$(date +%s.%N); build; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

build
echo "features: ${FEATURES:-(default)}"
echo "load start: $(cut -d' ' -f1-3 /proc/loadavg)"
rev=() ent=()
for i in $(seq "$rounds"); do
  target/debug/cli revision -m "edit loop $i" >/dev/null
  rev+=("$(t)")
  restore && build
  sed -i 's|^    pub owner_id: Uuid,|    pub owner_id: Uuid,\n    /// Edit-loop benchmark column.\n    pub bench_note: Option<String>,|' "$entity"
  ent+=("$(t)")
  restore && build
  echo "round $i: revision ${rev[-1]} s, entity ${ent[-1]} s"
done
echo "load end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median after a new revision: $(printf '%s\n' "${rev[@]}" | median) s"
echo "median after an entity edit: $(printf '%s\n' "${ent[@]}" | median) s"
