#!/usr/bin/env bash
# Cold debug build of the cli (what `cargo run -p cli` builds), one backend vs all.
cd "$(dirname "$0")/../.."
for variant in "postgres" "all"; do
  rm -rf /tmp/scale-cold
  if [ "$variant" = all ]; then args=(); else args=(--no-default-features --features "$variant"); fi
  l0=$(cut -d' ' -f1-3 /proc/loadavg)
  s=$(date +%s.%N)
  CARGO_TARGET_DIR=/tmp/scale-cold CARGO_BUILD_JOBS=2 nice -n 5 cargo build -q -p cli "${args[@]}" 2>&1 | tail -3
  e=$(date +%s.%N)
  l1=$(cut -d' ' -f1-3 /proc/loadavg)
  units=$(ls /tmp/scale-cold/debug/.fingerprint | wc -l)
  echo "$variant: $(echo "$e - $s" | bc) s, units $units, load start $l0, end $l1"
done
rm -rf /tmp/scale-cold
