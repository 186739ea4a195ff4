#!/bin/sh
# Pack Inspector, from its runtime image: no arguments open the window, a subcommand runs the
# command line (pack-inspector --help). Needs nothing but this folder: the Java runtime is bin/java.
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# Java names files in the locale's charset, fixed at start: a C/POSIX locale would lose every
# non-ASCII name, so it is replaced by C.UTF-8 (which glibc always has).
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) ;; *) export LC_ALL=C.UTF-8 ;; esac
exec "$here/bin/java" @JAVA_OPTIONS@ -cp "$here/lib/app/*" dev.packinspector.Main "$@"
