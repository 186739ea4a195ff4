#!/usr/bin/env bash
# Re-takes the README's screenshots: drives the real window (ScreenshotTour, in the test sources)
# through its main views, light and dark, and writes docs/screenshots/<view>-<theme>.png (at
# 1440x860) and docs/screenshots/1024x700/<view>-<theme>.png (a small laptop's screen).
# Runs on JavaFX's Headless platform, so it needs no display.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test.classpath)"
for size in 1440x860 1024x700; do
  out=docs/screenshots
  [ "$size" = 1440x860 ] || out="docs/screenshots/$size"
  for theme in light dark; do
    "$JAVA_HOME/bin/java" @jlink/java-options.txt \
      -Dglass.platform="${GLASS:-Headless}" -Dprism.order=sw -Dpackinspector.theme="$theme" -Dpackinspector.size="$size" \
      -Dfixtures.dir="${FIXTURES:-../shared/fixtures}" -cp "$cp" dev.packinspector.app.shell.ScreenshotTour "$out"
  done
done
