#!/bin/sh
# Records the ahead-of-time cache (JDK 25, JEPs 483/514/515) of the Pack Inspector installed around
# this script (lib/app/pack-inspector.aot): the classes, linked, and the method profiles of a training
# run of the command line and of the window (Headless, unseen) on the demo store, so that both start
# faster. The build runs this for the app image; the cache holds for the same files moved as a whole
# (the .deb's postinst checks it where it installs, and runs this again only if it does not). The
# launcher uses the cache if it is valid and silently runs without it if not.
# record-aot.sh --check: exits 0 only if the JVM can start from the cache as it is.
set -e
app="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$app/../.." && pwd)"
cfg="$app/pack-inspector.cfg"
# the launcher's class path, in its order, and its JVM options (but the cache's own)
classpath="$(sed -n 's/^app\.classpath=\$APPDIR\(.*\)$/\1/p' "$cfg" | while read -r jar; do printf '%s:' "$app$jar"; done)"
options="$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e '^-XX:AOTCache=' -e '^-Xlog:aot' -e '^-Xlog:cds')"
if [ "${1:-}" = "--check" ]; then
  # fails unless the JVM can start from the cache (-XX:AOTMode=on), as the launcher would
  # shellcheck disable=SC2086
  exec "$root/lib/runtime/bin/java" $options -XX:AOTCache="$app/pack-inspector.aot" -XX:AOTMode=on \
    -cp "${classpath%:}" dev.packinspector.Main --version > /dev/null
fi
rm -f "$app/pack-inspector.aot"
# shellcheck disable=SC2086
env -u DISPLAY -u WAYLAND_DISPLAY "$root/lib/runtime/bin/java" $options -XX:AOTCacheOutput="$app/pack-inspector.aot" \
  '-Xlog:aot*=off' '-Xlog:cds*=off' -cp "${classpath%:}" dev.packinspector.Main --aot-training=all > /dev/null
rm -f "$app/pack-inspector.aot.config"
