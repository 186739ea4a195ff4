#!/usr/bin/env bash
# Builds the benchmarks (-Pbench) and runs JMH with the given arguments, e.g.
#   src/jmh/run-benchmarks.sh PackLookupBench
#   src/jmh/run-benchmarks.sh DecodeBench -jvmArgsAppend -Dbench.store=/dev/shm/pi/big
# and the restore benchmark, a plain main:
#   src/jmh/run-benchmarks.sh --restore STORE OUT_DIR [rounds] [threads]
# and the window's responsiveness (a real window: run it under xvfb-run on a machine without a display):
#   src/jmh/run-benchmarks.sh --ui BIG_STORE WORK_DIR [rounds] [HISTORY_STORE]
# and Search, Compare and Space in the window on a store of many snapshots (no display needed):
#   src/jmh/run-benchmarks.sh --history-ui HISTORY_STORE
# and this checkout's CLI restore beside chkpt's own, whole processes, alternating (see vs-chkpt.py):
#   src/jmh/run-benchmarks.sh --vs-chkpt STORE [--pairs N] [--chkpt BIN]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--vs-chkpt" ]; then
  shift
  [ -f target/pack-inspector.jar ] || ./mvnw -q -DskipTests package
  exec /usr/bin/python3 src/jmh/vs-chkpt.py "$@"
fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -Pbench -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=compile
cp="target/classes:$(cat target/bench.classpath)"
# the JVM options of jlink/java-options.txt, which java reads as an argument file
flags=(@jlink/java-options.txt)
if [ "${1:-}" = "--ui" ]; then
  shift
  exec "$JAVA_HOME/bin/java" "${flags[@]}" -Xmx6g ${BENCH_ARGS:-} -Dprism.order="${PRISM:-sw}" -cp "$cp" dev.packinspector.app.shell.UiBench "$@"
fi
if [ "${1:-}" = "--history-ui" ]; then
  shift
  exec "$JAVA_HOME/bin/java" "${flags[@]}" -Xmx6g -Dglass.platform="${GLASS:-Headless}" -Dprism.order="${PRISM:-sw}" -cp "$cp" \
    dev.packinspector.app.shell.HistoryUiBench "$@"
fi
if [ "${1:-}" = "--restore" ]; then
  shift
  exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" dev.packinspector.bench.RestoreBench "$@"
fi
exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.openjdk.jmh.Main "$@"
