#!/usr/bin/env bash
# Verify of a real chkpt store, three builds alternating A B C, 7 rounds (BENCHMARKS.md, issue 12).
#   A: OLD/pack-inspector (another checkout, e.g. git worktree add ../old 99de960 && (cd ../old && ./mvnw -q -DskipTests package))
#   B: this checkout on STORE          C: this checkout on a copy of STORE without trees/ (no tree check)
# Prints "build wall_seconds verify_seconds" per run.
# Usage: src/jmh/verify-real-store.sh STORE OLD
#   STORE e.g. from: ../shared/tools/real-store.py big --files 20000 --bytes 300M --seed 1 /dev/shm/bench/real20k
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
store="$1"; old="$2"; notrees="$store-notrees"
[ -d "$notrees" ] || { cp -r "$store" "$notrees"; rm -rf "$notrees/trees"; }
run() {
  local t0 t1 out; t0=$(date +%s.%N)
  out=$("$1" verify "$2" | grep -o 'in [0-9.]* s')
  t1=$(date +%s.%N); echo "$3 $(echo "$t1 - $t0" | bc) ${out#in }"
}
for i in 1 2 3 4 5 6 7; do
  run "$old/pack-inspector" "$store" A
  run "$here/pack-inspector" "$store" B
  run "$here/pack-inspector" "$notrees" C
done
