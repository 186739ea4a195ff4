#!/usr/bin/env bash
# Builds target/dist (run by ./mvnw -Pdist package, after the jar and its libraries are in place):
#   target/dist/runtime        the jlink runtime: only the modules of jlink/modules.txt
#   target/dist/image          that runtime with the application (lib/app) and bin/pack-inspector
#   target/dist/pack-inspector the jpackage app image (bin/pack-inspector, lib/app, lib/runtime)
#   target/dist/*.deb          a Debian package of the app image, where fakeroot and dpkg-deb exist
# The application and its libraries stay on the class path: lz4-java, zero-allocation-hashing,
# sqlite-jdbc and others are plain or automatic-module jars, which jlink cannot link; JavaFX,
# which is modular, goes into the runtime with the JDK modules.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to the JDK 25 that builds the image}"
# The POM's version, as the build recorded it for --version (dev/packinspector/version.properties),
# without a qualifier such as -SNAPSHOT: jpackage takes only numbers.
recorded="$(sed -n 's/^version=//p' target/classes/dev/packinspector/version.properties 2> /dev/null || true)"
: "${recorded:?target/classes holds no version.properties: build with ./mvnw -Pdist package}"
version="${recorded%%-*}"
dist=target/dist
libs=target/dist-lib
rm -rf "$dist"
mkdir -p "$dist/app"

fx_path=""
for jar in "$libs"/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) fx_path="${fx_path:+$fx_path:}$jar" ;;
    javafx-*) ;;  # the platform-less javafx jars are empty: the -linux ones hold the modules
    *) cp "$jar" "$dist/app/" ;;
  esac
done
cp target/pack-inspector.jar "$dist/app/"

modules="$(grep -v '^#' jlink/modules.txt | grep . | paste -sd, -)"
options="$(grep -v '^#' jlink/java-options.txt | grep . | paste -sd' ' -)"

# Native debug symbols are stripped with objcopy where there is one (Temurin's libraries come
# stripped already, so it gains little there; other JDK builds ship theirs with symbols).
strip_native=exclude-debuginfo-files
if command -v objcopy > /dev/null; then
  strip_native="objcopy=$(command -v objcopy)"
fi
echo "jlink: $modules"
"$JAVA_HOME/bin/jlink" --module-path "$fx_path" --add-modules "$modules" \
  --strip-debug --strip-native-debug-symbols "$strip_native" --no-header-files --no-man-pages \
  --compress zip-6 --generate-cds-archive --output "$dist/runtime"
# The CDS archive for heaps over 32 GB (no compressed oops) is 15 MB this application never uses.
rm -f "$dist/runtime/lib/server/classes_nocoops.jsa"

# The runtime image with the application: bin/pack-inspector runs bin/java on lib/app/*.
cp -r "$dist/runtime" "$dist/image"
mkdir -p "$dist/image/lib/app"
cp "$dist/app/"*.jar "$dist/image/lib/app/"
sed "s|@JAVA_OPTIONS@|$options|" jlink/launcher.sh > "$dist/image/bin/pack-inspector"
chmod 755 "$dist/image/bin/pack-inspector"

echo "jpackage: app image"
java_options=()
for o in $options; do java_options+=(--java-options "$o"); done
# The app image starts from its ahead-of-time cache (recorded below) when it is valid, and quietly
# without it when not: the JVM would otherwise print to standard output, which the command line owns.
for o in '-XX:AOTCache=$APPDIR/pack-inspector.aot' '-Xlog:aot*=off' '-Xlog:cds*=off'; do
  java_options+=(--java-options "$o")
done
cp jlink/record-aot.sh "$dist/app/"
"$JAVA_HOME/bin/jpackage" --type app-image --name pack-inspector --dest "$dist" \
  --runtime-image "$dist/runtime" --input "$dist/app" \
  --main-jar pack-inspector.jar --main-class dev.packinspector.Main "${java_options[@]}" \
  --icon assets/icon-256.png --app-version "$version" --vendor "Pack Inspector" \
  --description "Browse, verify and restore chkpt stores"

echo "AOT cache: recording it from a training run of the command line and the window"
"$dist/pack-inspector/lib/app/record-aot.sh"

if command -v fakeroot > /dev/null && command -v dpkg-deb > /dev/null; then
  echo "jpackage: .deb"
  "$JAVA_HOME/bin/jpackage" --type deb --app-image "$dist/pack-inspector" --name pack-inspector --dest "$dist" \
    --app-version "$version" --vendor "Pack Inspector" --description "Browse, verify and restore chkpt stores" \
    --resource-dir jlink/resources --linux-shortcut --linux-menu-group "Utility;Development" \
    --linux-package-deps "libxxhash0, fuse3" \
    --linux-app-category utils --linux-deb-maintainer "maintainers@pack-inspector.invalid"
else
  echo "no fakeroot or dpkg-deb here: skipping the .deb (apt-get install -y fakeroot)"
fi

du -sh "$dist/runtime" "$dist/image" "$dist/pack-inspector" "$dist"/*.deb 2>/dev/null || true
