#!/usr/bin/env bash
# Proves the packaged application works where there is no Java: every check runs its launcher with
# only a few shell tools on PATH, no JAVA_HOME and no display. Run after ./mvnw -Pdist package;
# CI runs it (.ci/run). Installs and removes the .deb too, when run as root where dpkg exists.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures="$(cd "${FIXTURES:-../shared/fixtures}" && pwd)"
app=target/dist/pack-inspector/bin/pack-inspector
image=target/dist/image/bin/pack-inspector
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tools" "$work/home"
for tool in sh bash dirname readlink cat env; do ln -s "$(command -v "$tool")" "$work/tools/$tool"; done
passed=0
failed=0

# True if the command exits with code $1.
exits() { local want="$1" rc=0; shift; "$@" || rc=$?; [ "$rc" = "$want" ]; }

# Runs a command with no Java reachable: PATH holds only the tools above.
bare() { env -i PATH="$work/tools" HOME="$work/home" LANG=C.UTF-8 "$@"; }

check() {
  local what="$1"; shift
  if "$@" > "$work/out" 2>&1; then
    passed=$((passed + 1)); echo "ok      $what"
  else
    failed=$((failed + 1)); echo "FAILED  $what"; sed 's/^/        /' "$work/out"
  fi
}

# Every file of the store's newest snapshot is in $2 with the manifest's SHA-256, mode and link target.
restored_as_manifest() {
  python3 - "$1" "$2" <<'PY'
import hashlib, json, os, stat, sys
manifest = json.load(open(os.path.join(sys.argv[1], "manifest.json")))
snapshot = max(manifest["snapshots"], key=lambda s: s["created_at"])
for f in snapshot["files"]:
    path = os.path.join(sys.argv[2], f["path"])
    if stat.S_ISLNK(f["mode"]):
        data = os.readlink(path).encode()
    else:
        data = open(path, "rb").read()
        assert stat.S_IMODE(os.stat(path).st_mode) == stat.S_IMODE(f["mode"]), f["path"] + ": mode"
    assert hashlib.sha256(data).hexdigest() == f["sha256"], f["path"] + ": content"
print(len(snapshot["files"]), "files as the manifest lists them")
PY
}

check "no java on the PATH the launchers get" bare bash -c '! command -v java'
recorded="$(sed -n 's/^version=//p' target/classes/dev/packinspector/version.properties)"
# True if launcher $1 reports the version the build recorded from the POM.
reports_version() { [ "$(bare "$1" --version)" = "Pack Inspector $recorded" ]; }
check "app image: --version is the POM's ($recorded)" reports_version "$app"
check "runtime image: --version is the POM's" reports_version "$image"
check "app image: verify a good store" bare "$app" verify "$fixtures/basic"
check "app image: verify finds the damage in a corrupt store (exit 1)" exits 1 bare "$app" verify "$fixtures/corrupt/content_hash_mismatch"
check "runtime image: verify a store of chkpt 0.1.2 (zstd objects, BLAKE3 ids)" bare "$image" verify "$fixtures/legacy/basic"
check "app image: verify names the object gc removed under a chkpt 0.1.2 store (exit 1)" exits 1 bare "$app" verify "$fixtures/legacy/dangling"
check "app image: restore the newest snapshot" bare "$app" restore "$fixtures/basic" latest "$work/restored-basic"
check "  ... every file as the manifest lists it" restored_as_manifest "$fixtures/basic" "$work/restored-basic"
check "runtime image: restore a chunked store" bare "$image" restore "$fixtures/chunked" latest "$work/restored-chunked"
check "  ... every file as the manifest lists it" restored_as_manifest "$fixtures/chunked" "$work/restored-chunked"
# Java names files in its start locale's charset: under C/POSIX (no LANG) the launchers must still keep every name.
posix() { env -i PATH="$work/tools" HOME="$work/home" "$@"; }
check "runtime image: restore a real chkpt store with no locale set" posix "$image" restore "$fixtures/real/head-basic" latest "$work/restored-posix"
check "  ... every name, content and mode as the manifest lists it" restored_as_manifest "$fixtures/real/head-basic" "$work/restored-posix"
check "app image: the same through its native launcher" posix "$app" restore "$fixtures/real/head-basic" latest "$work/restored-posix-app"
check "  ... every name, content and mode as the manifest lists it" restored_as_manifest "$fixtures/real/head-basic" "$work/restored-posix-app"
check "app image: the window walks every real and damaged store (Headless) and exits" \
  bare "$app" --self-test "$fixtures/basic" "$fixtures"/real/*/ "$fixtures"/corrupt/*/
check "app image: starts from its ahead-of-time cache" target/dist/pack-inspector/lib/app/record-aot.sh --check
check "app image: its output is the command's alone (no JVM or CDS messages)" \
  bash -c "env -i PATH='$work/tools' HOME='$work/home' '$app' packs '$fixtures/basic' 2>&1 | diff - <(env -i PATH='$work/tools' HOME='$work/home' '$image' packs '$fixtures/basic' 2>&1)"
check "runtime image: the window opens the demo store and exits" bare "$image" --self-test

deb="$(ls target/dist/pack-inspector_*.deb 2>/dev/null | head -1 || true)"
if [ -n "$deb" ]; then
  check ".deb: holds the launcher, the icon and a desktop entry" bash -c "dpkg-deb -c '$deb' | grep -q './opt/pack-inspector/bin/pack-inspector\$' \
    && dpkg-deb -c '$deb' | grep -q 'pack-inspector.png' && dpkg-deb -c '$deb' | grep -q '\.desktop\$'"
  check ".deb: depends on libxxhash0 (XXH3 from xxHash's own library; apt depends on it too)" bash -c "dpkg-deb -f '$deb' Depends | grep -q libxxhash0"
  check ".deb: depends on fuse3 (mount)" bash -c "dpkg-deb -f '$deb' Depends | grep -q fuse3"
  # (not where a copy is installed for real: that one is the user's)
  installed="$(dpkg-query -W -f='${Status}' pack-inspector 2>/dev/null || true)"
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null && [ "$installed" != "install ok installed" ]; then
    # as a user installs it: apt fetches what the package depends on (xdg-utils, X and GTK libraries)
    # (a fresh machine may have no package lists yet: apt needs them to fetch the dependencies)
    check ".deb: installs with apt-get" bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q '$(realpath "$deb")'"
    check ".deb: the installed window opens a store and exits" bare /opt/pack-inspector/bin/pack-inspector --self-test "$fixtures/basic"
    check ".deb: the installed copy starts from an ahead-of-time cache made for it" /opt/pack-inspector/lib/app/record-aot.sh --check
    check ".deb: the desktop entry names the launcher and offers it for folders" \
      bash -c "grep -q '^Exec=/opt/pack-inspector/bin/pack-inspector %f' /opt/pack-inspector/lib/pack-inspector-pack-inspector.desktop \
        && grep -q '^MimeType=inode/directory;' /opt/pack-inspector/lib/pack-inspector-pack-inspector.desktop"
    check ".deb: uninstalls, leaving nothing" bash -c "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q pack-inspector && [ ! -e /opt/pack-inspector ]"
  fi
fi

echo "image: $passed passed, $failed failed"
[ "$failed" = 0 ]
