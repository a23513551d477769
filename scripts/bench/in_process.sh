#!/usr/bin/env bash
# In-process introspect + normalize + compare at large N (issue 10: 10,000 tables), with the
# catalog query count and the peak memory of the whole bench process (/usr/bin/time -v).
#
#   scripts/bench/in_process.sh [N...]        default: 100 10000
#
# Per N it expects a database autogen_bench_<N> loaded by setup_db.py (BENCH_SETUP=1 (re)loads
# it first; 10,000 tables take about two minutes):
#   python3 scripts/bench/setup_db.py postgres://postgres@127.0.0.1:5432 autogen_bench_10000 10000
# BENCH_CONNECTIONS=1 makes the bench's pool one connection (one lane, as the CLI's session
# reads); by default the pool has several and PostgreSQL introspection reads on two lanes.
# Prints one Markdown row per N; raw JSON and time(1) output go to $CARGO_TARGET_DIR/bench-results.
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 10000)
pg_url=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
runs=${BENCH_RUNS:-5}
target=${CARGO_TARGET_DIR:-target}
out="$target/bench-results"
mkdir -p "$out"

cargo build --release -q -p bench
echo "| Tables | introspect median (min) | total median (min) | queries | peak RSS | load average start → end |"
echo "|---:|---:|---:|---:|---:|---|"
for n in "${sizes[@]}"; do
  db="autogen_bench_$n"
  [ "${BENCH_SETUP:-0}" != 1 ] || python3 scripts/bench/setup_db.py "$pg_url" "$db" "$n"
  start=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -v -o "$out/time_$n.txt" "$target/release/bench" "$pg_url/$db" "$runs" \
    >"$out/in_process_$n.json"
  end=$(cut -d' ' -f1-3 /proc/loadavg)
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time_$n.txt")
  python3 - "$out/in_process_$n.json" "$rss_kb" "$start" "$end" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
f = lambda p: f"{r[p]['median_ms']:.0f} ms ({r[p]['min_ms']:.0f})"
print(f"| {r['tables']} | {f('introspect')} | {f('total_modified')} | {r['queries']} "
      f"| {int(sys.argv[2]) / 1024:.0f} MiB | {sys.argv[3]} → {sys.argv[4]} |")
EOF
done
