#!/usr/bin/env bash
# Time from process start to the first window of packaged launchers, interleaved so that they share
# the machine's ups and downs: each LAUNCHER runs --self-test on STORE, ROUNDS x 3 times.
#   xvfb-run -a -s '-screen 0 1600x1000x24' jlink/startup-time.sh STORE ROUNDS LAUNCHER...
# (under xvfb-run a real GTK window opens; without a display, the Headless platform is timed)
set -euo pipefail
store="$1" rounds="$2"
shift 2
declare -A times
for ((r = 0; r < rounds; r++)); do
  for launcher in "$@"; do
    for i in 1 2 3; do
      ms="$("$launcher" --self-test "$store" 2>/dev/null | sed -n 's/.*window shown \([0-9]*\) ms.*/\1/p')"
      times[$launcher]="${times[$launcher]:-} $ms"
    done
  done
done
for launcher in "$@"; do
  sorted=($(printf '%s\n' ${times[$launcher]} | sort -n))
  n=${#sorted[@]}
  echo "$launcher: median ${sorted[$((n / 2))]} ms, min ${sorted[0]}, max ${sorted[$((n - 1))]} ($n runs: ${times[$launcher]# })"
done
