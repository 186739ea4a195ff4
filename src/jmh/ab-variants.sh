#!/usr/bin/env bash
# Times whole processes of several variants of one command, alternating (A B C A B C ...), and
# prints each variant's median in ms and the median of its paired ratios to the first, e.g.
#   src/jmh/ab-variants.sh 7 "old=/work/wt-old/pack-inspector" "new=./pack-inspector" \
#     "c1=JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1 ./pack-inspector" -- restore STORE latest /dev/shm/x
# Each variant is "label=[VAR=value ...] command"; /dev/shm/x (the restore target of the examples
# in BENCHMARKS.md) is removed before every run, outside the timing.
# abr.sh ROUNDS "label=cmd prefix" ... -- args ; each variant's command gets args; /dev/shm/x removed before each run
rounds=$1; shift
vars=(); while [ "$1" != "--" ]; do vars+=("$1"); shift; done; shift
for r in $(seq $rounds); do
  for v in "${vars[@]}"; do
    label="${v%%=*}"; cmd="${v#*=}"
    rm -rf /dev/shm/x; sync
    s=$(date +%s%N); env $cmd "$@" >/dev/null 2>&1 || echo "FAILED $label" >&2; e=$(date +%s%N)
    echo "$label $(( (e - s) / 1000000 ))"
  done
done | python3 "$(dirname "$0")/medians.py"
