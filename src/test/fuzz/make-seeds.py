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
print("seeds written to", os.path.normpath(resources))
