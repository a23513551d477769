#!/usr/bin/env bash
# Times `upgrade --tenants` over N PostgreSQL schemas of the example entities (the project's
# migration chain), sequential versus parallel, with the release-built `cli`:
#
#   scripts/bench/tenants.sh [N] [JOBS...]      default: 500 schemas, jobs 1 2 4 8
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth; BENCH_POSTGRES_URL to change).
# Per jobs value it (re)creates database autogen_bench_tenants with N schemas and drops it after.
# Prints one Markdown table row per jobs value; the raw JSON goes to
# $CARGO_TARGET_DIR/bench-results/tenants.json (default target/).
set -euo pipefail
cd "$(dirname "$0")/../.."

n=${1:-500}
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(1 2 4 8)
pg_url=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target/bench-results"
out="$target/bench-results/tenants.json"

echo "bench: building cli and tenant_bench (release)" >&2
cargo build --release -q -p cli -p bench
echo "bench: $n schemas, jobs ${jobs[*]}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$target/release/tenant_bench" "$target/release/cli" "$pg_url" "$n" "${jobs[@]}" >"$out"
echo "bench: load average at end: $(cut -d' ' -f1-3 /proc/loadavg); raw results in $out" >&2

python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
n = r["schemas"]
base = next((x for x in r["runs"] if x["jobs"] == 1), None)
print(f"| --jobs | upgrade (base → head) | per tenant | speed-up | upgrade at head | current | load average (start → end) |")
print("|---:|---:|---:|---:|---:|---:|---|")
for x in r["runs"]:
    c = x["commands"]
    up = c["upgrade"]["wall_s"]
    speed = f'{base["commands"]["upgrade"]["wall_s"] / up:.2f}×' if base else "–"
    print(f'| {x["jobs"]} | {up:.2f} s | {c["upgrade"]["per_tenant_ms"]:.1f} ms | {speed} '
          f'| {c["upgrade_noop"]["wall_s"]:.2f} s ({c["upgrade_noop"]["per_tenant_ms"]:.1f} ms) '
          f'| {c["current"]["wall_s"]:.2f} s ({c["current"]["per_tenant_ms"]:.1f} ms) '
          f'| {x["load_start"]} → {x["load_end"]} |')
PY
