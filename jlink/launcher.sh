#!/bin/sh
# Pack Inspector, from its runtime image: no arguments open the window, a subcommand runs the
# command line (pack-inspector --help). Needs nothing but this folder: the Java runtime is bin/java.
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
exec "$here/bin/java" @JAVA_OPTIONS@ -cp "$here/lib/app/*" dev.packinspector.Main "$@"
