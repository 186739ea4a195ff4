#!/usr/bin/env bash
# A store of the published chkpt 0.1.2, restored whole by chkpt 0.1.2 itself and by us, and
# verified by us, alternating (chkpt, ours, verify, chkpt, ours, verify ...); prints medians and
# the median of the paired ratios to chkpt's restore, then checks the two restores agree, e.g.
#   src/jmh/legacy-vs-chkpt.sh 7 /dev/shm/bench/wsl20k /dev/shm/bench/hl20k
# WORKSPACE must be a folder chkpt 0.1.2 saved with HOME=HOME; its latest snapshot is restored.
# chkpt 0.1.2 restores only in place: before each of its runs the workspace is emptied (outside
# the timing). Ours restores the store into /dev/shm/x, removed before each run.
set -euo pipefail
rounds=$1 ws=$(realpath "$2") home=$(realpath "$3")
chkpt=$(realpath "${CHKPT:-$(dirname "$0")/../../../shared/tools/chkpt/chkpt-0.1.2}")
ours=$(realpath "${OURS:-$(dirname "$0")/../../pack-inspector}")
store=$(ls -d "$home"/.chkpt/stores/*)
snapshot=$("$ours" snapshots "$store" | head -1 | cut -f1)
empty() { find "$1" -mindepth 1 -delete; }
for r in $(seq "$rounds"); do
  for variant in chkpt ours verify; do
    case $variant in chkpt) empty "$ws" ;; ours) rm -rf /dev/shm/x ;; esac
    sync
    s=$(date +%s%N)
    case $variant in
      chkpt) (cd "$ws" && HOME=$home "$chkpt" restore "$snapshot" >/dev/null) ;;
      ours) "$ours" restore "$store" "$snapshot" /dev/shm/x >/dev/null ;;
      verify) "$ours" verify "$store" >/dev/null ;;
    esac
    e=$(date +%s%N)
    echo "$variant $(( (e - s) / 1000000 ))"
  done
done | python3 "$(dirname "$0")/medians.py"
# the same files, bytes and permission bits from both (chkpt 0.1.2 restores no modes: compared apart)
diff -r --no-dereference "$ws" /dev/shm/x && echo "restores agree: $(find /dev/shm/x -type f | wc -l) files"
echo "modes that differ (chkpt 0.1.2 restores none): $(cd /dev/shm/x && find . -type f -printf '%m %p\n' | sort | diff - <(cd "$ws" && find . -type f -printf '%m %p\n' | sort) | grep -c '^<' || true)"
