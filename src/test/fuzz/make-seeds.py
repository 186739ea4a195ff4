#!/usr/bin/env python3
"""Writes the fuzz tests' seed inputs from the chkpt fixtures (../shared/fixtures), into the
folders Jazzer reads in regression mode (src/test/resources/dev/packinspector/fuzz/<Test>Inputs/<method>/).
Re-run it when the fixtures change: python3 src/test/fuzz/make-seeds.py"""
import glob, os, struct, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", ".."))
fixtures = os.path.join(root, "shared", "fixtures") if len(sys.argv) < 2 else sys.argv[1]
resources = os.path.join(here, "..", "resources", "dev", "packinspector", "fuzz")
MAX = 4096  # libFuzzer's default largest input


def out(test, method, name, data):
    folder = os.path.join(resources, test + "Inputs", method)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def entries(idx):
    for i in range(len(idx) // 32):
        _, offset, size = struct.unpack_from("<16sQQ", idx, i * 32)
        yield offset, size


# LZ4 frames: the payloads of the fixtures' small objects (every frame kind chkpt writes)
n = 0
for idx_file in sorted(glob.glob(os.path.join(fixtures, "basic", "packs", "*.idx"))):
    dat = open(idx_file[:-4] + ".dat", "rb").read()
    for offset, size in entries(open(idx_file, "rb").read()):
        if size <= MAX and n < 24:
            out("FrameFuzzTest", "aFrameDecodesOrIsRefused", "frame-%02d" % n, dat[offset + 24:offset + 24 + size])
            n += 1

# whole packs: the corrupt fixture packs (small copies of the Rust writer's pack, each broken a way)
for case in sorted(glob.glob(os.path.join(fixtures, "corrupt", "*", "packs"))):
    for idx_file in glob.glob(os.path.join(case, "*.idx")):
        dat_file = idx_file[:-4] + ".dat"
        if os.path.exists(dat_file):
            idx, dat = open(idx_file, "rb").read(), open(dat_file, "rb").read()
            name = os.path.basename(os.path.dirname(case))
            out("PackFuzzTest", "aPackOpensValidatesAndReadsOrIsRefused", name, struct.pack("<I", len(idx)) + idx + dat)

# parts manifests: the chunked fixture's, and the broken ones of the corrupt set
for manifest in sorted(glob.glob(os.path.join(fixtures, "**", "*.parts.json"), recursive=True)):
    name = os.path.basename(os.path.dirname(os.path.dirname(manifest)))
    out("ChunkedPackFuzzTest", "aPartsManifestOpensOrIsRefused", name, open(manifest, "rb").read())
# tree packs: the real stores' (head-basic, head-gc), the empty workspace's, and a crash between
# chkpt's two renames (one more record in trees.dat, counted in its header, not in trees.idx)
def tree_pack(store):
    d = os.path.join(store, "trees")
    return open(os.path.join(d, "trees.idx"), "rb").read(), open(os.path.join(d, "trees.dat"), "rb").read()


def pack_input(idx, dat):
    return struct.pack("<I", len(idx)) + idx + dat


awkward = os.path.join(here, "..", "resources", "dev", "packinspector", "store", "tree", "awkward")
for name in ("head-basic", "head-gc"):
    idx, dat = tree_pack(os.path.join(fixtures, "real", name))
    out("TreePackFuzzTest", "aTreePackOpensValidatesReadsAndWalksOrIsRefused", name, pack_input(idx, dat))
    if name == "head-gc":
        extra = bytes.fromhex("0105612e74787400009ce4c8f135b4105a6df569e0c786ba6b060602a481")  # TREES-FORMAT.md 7.7 ex. 2
        crashed = bytearray(dat) + bytes.fromhex("5c27d437022cf402f9acb8180a8fdf80") + struct.pack("<Q", len(extra)) + extra
        crashed[4:8] = struct.pack("<I", struct.unpack_from("<I", dat, 4)[0] + 1)
        out("TreePackFuzzTest", "aTreePackOpensValidatesReadsAndWalksOrIsRefused", "head-gc-crashed-between-renames",
            pack_input(idx, bytes(crashed)))
empty = bytes.fromhex("dbec4e07f4df4bc46a0f0092935ecda6")
out("TreePackFuzzTest", "aTreePackOpensValidatesReadsAndWalksOrIsRefused", "empty-workspace",
    pack_input(empty + struct.pack("<QQ", 8, 1), b"CKTL" + struct.pack("<I", 1) + empty + struct.pack("<Q", 1) + b"\x00"))

# tree objects: every tree of head-basic and the awkward store's up to MAX bytes (every packing chkpt chose there)
n = 0
for store_dir in (os.path.join(fixtures, "real", "head-basic"), awkward):
    idx, dat = tree_pack(store_dir)
    for offset, size in entries(idx):
        if size <= MAX:
            out("TreePackFuzzTest", "aTreeObjectDecodesOrIsRefused", "tree-%02d" % n, dat[offset + 24:offset + 24 + size])
            n += 1
# manifest paths: every name of the real chkpt stores (hostile but legal), and the shapes the rule refuses
import hashlib, json
paths = set()
for name in ("head-basic", "head-gc"):
    for snapshot in json.load(open(os.path.join(fixtures, "real", name, "manifest.json")))["snapshots"]:
        paths.update(f["path"] for f in snapshot["files"])
refused = ["../escape.txt", "/etc/passwd", "a//b", "a/./b", "a/../../b", "trailing/", ".", "..", "nul\0name", "x" * 255 + "/y",
           "tab\tname/quote\"s/$HOME/`cmd`", " leading space/trailing space ", "C:\\windows\\path", "a\\..\\b"]
for p in sorted(paths) + refused:
    data = p.encode("utf-8", "surrogateescape")
    out("SafePathsFuzzTest", "pathsAreAcceptedExactlyWhenTheyStayInside", "seed-" + hashlib.sha1(data).hexdigest()[:12], data)
print("seeds written to", os.path.normpath(resources))
