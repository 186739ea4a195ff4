#!/usr/bin/env bash
# Times one command line of two checkouts' ./pack-inspector, alternating (A B A B ...), whole
# processes, and prints each side's runs and medians in ms and the median of the paired ratios, e.g.
#   git worktree add /tmp/old HEAD~3 && (cd /tmp/old && ./mvnw -q -DskipTests package)
#   src/jmh/ab-commands.sh /tmp/old . 9 packs /dev/shm/bench/real20k
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: $0 OLD_CHECKOUT NEW_CHECKOUT ROUNDS ARGS..." >&2; exit 2; }
old="$(cd "$1" && pwd)"; new="$(cd "$2" && pwd)"; rounds="$3"; shift 3
for i in $(seq "$rounds"); do
  for side in old new; do
    dir="$old"; [ "$side" = new ] && dir="$new"
    start=$(date +%s%N); "$dir/pack-inspector" "$@" > /dev/null 2>&1; end=$(date +%s%N)
    echo "$side $(( (end - start) / 1000000 ))"
  done
done | python3 -c '
import statistics, sys
runs = {"old": [], "new": []}
for line in sys.stdin:
    side, ms = line.split()
    runs[side].append(int(ms))
for side in ("old", "new"):
    print(side, " ".join(map(str, runs[side])), " median", statistics.median(runs[side]))
print("ratio new/old, median of pairs: %.2f" % statistics.median(n / o for n, o in zip(runs["new"], runs["old"])))
'
