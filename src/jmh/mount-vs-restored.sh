#!/usr/bin/env bash
# Reading a store through `pack-inspector mount` beside reading the same files restored to /dev/shm,
# alternating (restored, mounted, restored, mounted ...), and printing medians, throughput and the
# median of the paired ratios:
#   src/jmh/mount-vs-restored.sh ROUNDS big  STORE   # cat of the latest snapshot's largest file
#   src/jmh/mount-vs-restored.sh ROUNDS many STORE   # find -type f | xargs cat over the latest snapshot
# Run from the project folder, as root, after ./mvnw -DskipTests package. Each round times three
# runs: the restored copy; the mount "cold" (the kernel's caches dropped just before, outside the
# timing, so every byte comes through FUSE and is decoded: the first read of a snapshot); and the
# mount "warm" (right after, as a second read finds it: the mount lets the kernel keep what it read,
# since a snapshot never changes). The store and the restored copy are on /dev/shm, which dropping
# caches does not touch.
set -euo pipefail
rounds=$1 kind=$2 store=$3
work=/dev/shm/mount-bench
fusermount3 -u "$work/mnt" 2>/dev/null || true
rm -rf "$work" && mkdir -p "$work/mnt"
./pack-inspector restore "$store" latest "$work/restored" >/dev/null
./pack-inspector mount "$store" "$work/mnt" >/dev/null 2>&1
trap 'fusermount3 -u "$work/mnt"' EXIT
latest=$(readlink "$work/mnt/latest")
if [ "$kind" = big ]; then
  file=$(cd "$work/restored" && find . -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
  bytes=$(stat -c %s "$work/restored/$file")
  restored=(cat "$work/restored/$file")
  mounted=(cat "$work/mnt/$latest/$file")
else
  bytes=$(find "$work/restored" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  restored=(sh -c "cd '$work/restored' && find . -type f -print0 | xargs -0 cat")
  mounted=(sh -c "cd '$work/mnt/$latest' && find . -type f -print0 | xargs -0 cat")
fi
# the same bytes both ways (files in name order: the two file systems list a folder in orders of their own)
same() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 cat); }
cmp <(same "$work/restored") <(same "$work/mnt/$latest") || { echo "the mount's bytes differ from the restored ones" >&2; exit 1; }
cold=("${mounted[@]}") warm=("${mounted[@]}")
for r in $(seq "$rounds"); do
  for v in restored cold warm; do
    declare -n cmd=$v
    [ "$v" = cold ] && { sync; echo 3 > /proc/sys/vm/drop_caches; }
    s=$(date +%s%N); "${cmd[@]}" >/dev/null; e=$(date +%s%N)
    echo "$v $(( (e - s) / 1000 ))"
  done
done | python3 -c '
import statistics, sys, collections
bytes = int(sys.argv[1]); runs = collections.OrderedDict()
for line in sys.stdin:
    k, us = line.split(); runs.setdefault(k, []).append(int(us))
for k, v in runs.items():
    m = statistics.median(v)
    print("%-9s median %8.1f ms  %7.0f MB/s  runs %s" % (k, m / 1000, bytes / m, " ".join("%.0f" % (x / 1000) for x in v)))
for k in ("cold", "warm"):
    print("%s mount / restored throughput, median of paired ratios: %.2f" % (k, statistics.median(o / n for o, n in zip(runs["restored"], runs[k]))))
' "$bytes"
