#!/bin/sh
# Records the application class-data archive (AppCDS) of the Pack Inspector installed around this
# script (lib/app/pack-inspector.jsa): the classes a --self-test run loads, so the window starts
# faster. An archive is only valid for the files it was made from, as they are (paths and times):
# the build runs this for the app image, and the .deb runs it again where it installs.
# The launcher uses the archive if it is valid and silently runs without it if not.
# record-cds.sh --check: exits 0 only if the JVM can start from the archive as it is.
set -e
app="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$app/../.." && pwd)"
cfg="$app/pack-inspector.cfg"
# the launcher's class path, in its order, and its JVM options (but the archive's own)
classpath="$(sed -n 's/^app\.classpath=\$APPDIR\(.*\)$/\1/p' "$cfg" | while read -r jar; do printf '%s:' "$app$jar"; done)"
options="$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e '^-XX:SharedArchiveFile=' -e '^-Xlog:cds')"
if [ "${1:-}" = "--check" ]; then
  # fails unless the JVM can start from the archive (-Xshare:on), as the launcher would
  # shellcheck disable=SC2086
  exec "$root/lib/runtime/bin/java" $options -XX:SharedArchiveFile="$app/pack-inspector.jsa" -Xshare:on \
    -cp "${classpath%:}" dev.packinspector.Main --version > /dev/null
fi
rm -f "$app/pack-inspector.jsa"
# shellcheck disable=SC2086
env -u DISPLAY -u WAYLAND_DISPLAY "$root/lib/runtime/bin/java" $options -XX:ArchiveClassesAtExit="$app/pack-inspector.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "${classpath%:}" dev.packinspector.Main --self-test > /dev/null
