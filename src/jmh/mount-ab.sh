#!/usr/bin/env bash
# Two builds' mounts of one store side by side, alternating cold runs (A B A B ...; the kernel's
# caches dropped before each, outside the timing), as root:
#   src/jmh/mount-ab.sh ROUNDS big|many STORE OLD_CHECKOUT
# big: cat of the latest snapshot's largest file; many: find -type f | xargs cat over the snapshot.
# Prints each build's median and the median of the paired ratios (new / old time).
set -euo pipefail
rounds=$1 kind=$2 store=$3 old=$4
work=/dev/shm/mount-ab
for m in a b; do fusermount3 -u "$work/$m" 2>/dev/null || true; done
rm -rf "$work" && mkdir -p "$work/a" "$work/b"
"$old/pack-inspector" mount "$store" "$work/a" >/dev/null 2>&1
./pack-inspector mount "$store" "$work/b" >/dev/null 2>&1
trap 'fusermount3 -u "$work/a"; fusermount3 -u "$work/b"' EXIT
snap=$(readlink "$work/b/latest")
if [ "$kind" = big ]; then
  file=$(cd "$work/b/$snap" && find . -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
  run() { cat "$work/$1/$snap/$file"; }
else
  run() { (cd "$work/$1/$snap" && find . -type f -print0 | xargs -0 cat); }
fi
for r in $(seq "$rounds"); do
  for m in a b; do
    sync; echo 3 > /proc/sys/vm/drop_caches
    s=$(date +%s%N); run $m >/dev/null; e=$(date +%s%N)
    echo "$([ $m = a ] && echo old || echo new) $(( (e - s) / 1000000 ))"
  done
done | python3 "$(dirname "$0")/medians.py"
