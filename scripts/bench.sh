#!/usr/bin/env bash
# Benchmarks our introspect + normalize + compare against Alembic's `check` on synthetic
# Postgres schemas, and writes the results into docs/BENCHMARKS.md.
#
#   scripts/bench.sh [N...]        default: 100 1000 (tables per schema)
#
# For each N: (re)creates database autogen_bench_<N> with N tables (scripts/bench/gen_schema.py),
# runs the release-built `bench` binary against it (bench/src/main.rs), then `alembic check`
# once per Alembic version in a virtualenv of its own (scripts/bench/alembic_bench.py).
#
# Environment (all optional):
#   BENCH_POSTGRES_URL        server URL without database   (postgres://postgres@127.0.0.1:5432)
#   BENCH_RUNS                timed runs of ours, after one warm-up                          (7)
#   BENCH_ALEMBIC_RUNS        timed runs of each `alembic check`                              (3)
#   BENCH_ALEMBIC_VERSIONS    Alembic versions to measure                       (1.20.1 1.17.2)
#   BENCH_SQLALCHEMY_VERSION  SQLAlchemy for every Alembic virtualenv                    (2.1.9)
#   BENCH_KEEP_DB=1           keep the autogen_bench_<N> databases afterwards
#   BENCH_NO_DOC=1            print the table only; leave docs/BENCHMARKS.md alone
#   CARGO_TARGET_DIR          where the release build, the virtualenvs and raw results go
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
pg_url=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}
runs=${BENCH_RUNS:-7}
alembic_runs=${BENCH_ALEMBIC_RUNS:-3}
read -r -a alembic_versions <<<"${BENCH_ALEMBIC_VERSIONS:-1.20.1 1.17.2}"
sqlalchemy_version=${BENCH_SQLALCHEMY_VERSION:-2.1.9}
target=${CARGO_TARGET_DIR:-target}
out="$target/bench-results"
rm -rf "$out" && mkdir -p "$out"
# The machine is shared: record the load, so a noisy run can be told apart.
cut -d' ' -f1-3 /proc/loadavg >"$out/load_start"

log() { echo "bench: $*" >&2; }

# 1. One virtualenv per Alembic version (the first also runs the setup and report helpers).
venv_for() { echo "$target/bench-venv/alembic-$1"; }
for v in "${alembic_versions[@]}"; do
  venv=$(venv_for "$v")
  if [ ! -x "$venv/bin/alembic" ] || ! "$venv/bin/python" -c "
import sys; from importlib.metadata import version as V
sys.exit(V('alembic') != '$v' or V('sqlalchemy') != '$sqlalchemy_version')" 2>/dev/null; then
    log "creating virtualenv $venv (alembic $v, SQLAlchemy $sqlalchemy_version)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check \
      "alembic==$v" "SQLAlchemy==$sqlalchemy_version" "psycopg2-binary==2.9.13" "PyMySQL==2.2.8"
  fi
done
py="$(venv_for "${alembic_versions[0]}")/bin/python"

# 2. Release build of the bench binary (numbers from a debug build would be meaningless).
log "building the bench binary (release)"
cargo build --release -q -p bench
bench_bin="$target/release/bench"

# 3. Per size: fresh database, ours, then each Alembic.
for n in "${sizes[@]}"; do
  db="autogen_bench_$n"
  "$py" scripts/bench/setup_db.py "$pg_url" "$db" "$n"
  log "ours, $n tables ($runs runs after a warm-up)"
  "$bench_bin" "$pg_url/$db" "$runs" >"$out/ours_$n.json"
  for v in "${alembic_versions[@]}"; do
    log "alembic $v check, $n tables ($alembic_runs runs)"
    mkdir -p "$out/alembic-$v-$n"
    "$(venv_for "$v")/bin/python" scripts/bench/alembic_bench.py \
      "$pg_url/$db" "$alembic_runs" "$out/alembic-$v-$n" "$out/alembic_${v}_$n.json"
  done
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    "$py" -c "
import psycopg2, sys
c = psycopg2.connect(sys.argv[1] + '/postgres'); c.autocommit = True
c.cursor().execute('DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)')" "$pg_url"
  fi
done

# 4. Environment, then the table (and docs/BENCHMARKS.md).
cut -d' ' -f1-3 /proc/loadavg >"$out/load_end"
"$py" - "$out/env.json" "$pg_url" "$runs" "$alembic_runs" "${sizes[*]}" <<'EOF'
import json, os, platform, subprocess, sys, datetime
import psycopg2
path, pg_url, runs, alembic_runs, sizes = sys.argv[1:]
def sh(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
conn = psycopg2.connect(pg_url + "/postgres")
with conn.cursor() as cur:
    cur.execute("show server_version")
    pg = cur.fetchone()[0]
conn.close()
os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME=")), platform.system())
json.dump({
    "date": datetime.date.today().isoformat(),
    "cpu": cpu, "cores": os.cpu_count(), "mem_gib": round(mem_kb / 1024 / 1024),
    "os": f"{os_name}, Linux {platform.release()}",
    "rustc": sh("rustc", "--version"), "postgres": pg,
    "runs": int(runs), "alembic_runs": int(alembic_runs), "sizes": [int(s) for s in sizes.split()],
    "commit": sh("git", "rev-parse", "--short", "HEAD"),
    "load": [open(os.path.join(os.path.dirname(path), f)).read().strip() for f in ("load_start", "load_end")],
}, open(path, "w"), indent=2)
EOF
doc_args=()
[ "${BENCH_NO_DOC:-0}" = 1 ] || doc_args=(--write docs/BENCHMARKS.md)
"$py" scripts/bench/report.py "$out" "${doc_args[@]}"
