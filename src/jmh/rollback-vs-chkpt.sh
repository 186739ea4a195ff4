#!/usr/bin/env bash
# Times a rollback of a whole workspace beside chkpt's own restore in place, alternating
# (chkpt, ours, chkpt, ours ...), each after the same changes, and prints medians and the median
# of the paired ratios, e.g.
#   src/jmh/rollback-vs-chkpt.sh 7 agent /dev/shm/ws20k /dev/shm/h20k
# WORKSPACE must be a folder the chkpt binary saved with HOME=HOME, its latest snapshot the one
# to go back to. SCENARIO is "one" (one file edited) or "agent" (1,000 files edited, 200 removed,
# a new folder of 200 files). Before each run, outside the timing: chkpt saves the folder (so its
# stat cache, index.bin, is fresh for both: a rollback cannot write it, chkpt's restore does), then
# the changes are made and HOME's trash emptied. chkpt's removed files are deleted, ours trashed.
set -euo pipefail
rounds=$1 scenario=$2 ws=$3 home=$4
chkpt=$(realpath "${CHKPT:-$(dirname "$0")/../../../shared/tools/chkpt/chkpt-2f794af}")
ours=$(realpath "${OURS:-$(dirname "$0")/../../pack-inspector}")
mutate() {
  python3 - "$ws" "$scenario" "$1" <<'PY'
import os, random, sys
ws, scenario, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = []
for root, dirs, names in os.walk(ws):
    dirs[:] = sorted(d for d in dirs if d not in (".git", ".chkpt", "target") and not d.startswith("agent-out"))
    files += [os.path.join(root, n) for n in sorted(names) if os.path.isfile(os.path.join(root, n))]
rng = random.Random(seed)
if scenario == "one":
    with open(rng.choice(files), "ab") as f:
        f.write(b"// one more line\n")
    sys.exit()
picked = rng.sample(files, 1200)
for p in picked[:1000]:
    with open(p, "ab") as f:
        f.write(b"// the agent was here %d\n" % seed)
for p in picked[1000:]:
    os.remove(p)
out = os.path.join(ws, "agent-out-%d" % seed)
os.makedirs(out)
for i in range(200):
    with open(os.path.join(out, "gen-%03d.txt" % i), "wb") as f:
        f.write(os.urandom(2000).hex().encode())
PY
}
(cd "$ws" && HOME=$home "$chkpt" restore latest >/dev/null) # start from the snapshot
for r in $(seq "$rounds"); do
  for variant in chkpt ours; do
    (cd "$ws" && HOME=$home "$chkpt" save -m "bench base" >/dev/null)
    mutate "$r"
    rm -rf "$home/.local/share/Trash"; sync
    s=$(date +%s%N)
    if [ $variant = chkpt ]; then
      (cd "$ws" && HOME=$home "$chkpt" restore latest >/dev/null)
    else
      HOME=$home "$ours" rollback "$ws" >/dev/null
    fi
    e=$(date +%s%N)
    echo "$variant $(( (e - s) / 1000000 ))"
  done
done | python3 "$(dirname "$0")/medians.py"
(cd "$ws" && HOME=$home "$chkpt" restore --dry-run latest)
