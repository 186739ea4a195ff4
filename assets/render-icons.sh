#!/usr/bin/env bash
# Regenerate the Pack Inspector PNG icons from icon.svg.
# Requires rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail

cd "$(dirname "$0")"

command -v rsvg-convert >/dev/null 2>&1 || {
  echo "rsvg-convert not found; install Debian's librsvg2-bin" >&2
  exit 1
}

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png \
    --output "icon-${size}.png" icon.svg
  echo "wrote icon-${size}.png"
done
