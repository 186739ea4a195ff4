#!/usr/bin/env bash
# The ceiling of reading through FUSE on this machine: two C file systems that do no work at all
# (they hand out zeros), read as src/jmh/mount-vs-restored.sh reads a mount, beside the same
# shapes on /dev/shm. Needs gcc and libfuse3-dev (apt-get install -y gcc libfuse3-dev), and root
# (it drops the kernel's caches before each run, as the cold mount runs do):
#   src/jmh/fuse-ceiling/run.sh ROUNDS
set -euo pipefail
rounds=$1
here="$(cd "$(dirname "$0")" && pwd)"
work=/dev/shm/fuse-ceiling
rm -rf "$work" && mkdir -p "$work/big" "$work/many" "$work/plain"
for fs in one-big-file many-small-files; do
  gcc -O2 -o "$work/$fs" "$here/$fs.c" $(pkg-config --cflags --libs fuse3)
done
"$work/one-big-file" -oro "$work/big"
"$work/many-small-files" -oro "$work/many"
trap 'fusermount3 -u "$work/big"; fusermount3 -u "$work/many"' EXIT
head -c $((1 << 30)) /dev/zero > "$work/plain/zero"
mkdir -p "$work/plain/tree" && (cd "$work/plain/tree" && for d in $(seq 0 199); do mkdir "d$d"; for f in $(seq 0 99); do head -c 16384 /dev/zero > "d$d/f$f"; done; done)
time_ms() { sync; echo 3 > /proc/sys/vm/drop_caches; local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
many() { (cd "$1" && find . -type f -print0 | xargs -0 cat); }
for r in $(seq "$rounds"); do
  echo "big-tmpfs $(time_ms cat "$work/plain/zero")"
  echo "big-fuse $(time_ms cat "$work/big/zero")"
  echo "many-tmpfs $(time_ms many "$work/plain/tree")"
  echo "many-fuse $(time_ms many "$work/many")"
done | python3 -c '
import statistics, sys, collections
runs = collections.OrderedDict()
for line in sys.stdin:
    k, ms = line.split(); runs.setdefault(k, []).append(int(ms))
for k, v in runs.items():
    print("%-10s median %6d ms  runs %s" % (k, statistics.median(v), " ".join(map(str, v))))
for k in ("big", "many"):
    print("%s: FUSE (no work) / tmpfs throughput, median of paired ratios: %.2f" % (k, statistics.median(t / f for t, f in zip(runs[k + "-tmpfs"], runs[k + "-fuse"]))))
'
