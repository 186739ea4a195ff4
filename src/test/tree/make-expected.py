#!/usr/bin/env python3
"""Writes what the reference decoder (shared/tools/chkpt-trees.py) reads from a real store's trees,
for TreeReferenceTest: every tree's entries (trees.json) and every snapshot's walk (walks.json).
Usage: python3 src/test/tree/make-expected.py STORE OUT_FOLDER
The awkward/ resource was made this way from a store chkpt-2f794af wrote (see its README.md)."""
import importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
tool = os.path.normpath(os.path.join(here, "..", "..", "..", "..", "shared", "tools", "chkpt-trees.py"))
spec = importlib.util.spec_from_file_location("chkpt_trees", tool)
ct = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ct)

store, out = sys.argv[1], sys.argv[2]
trees = ct.Trees(store)
assert not trees.problems, trees.problems


def entry(name, typ, h, size, mode):
    return {"name": name, "type": ct.TYPE_NAMES[typ], "hash": h.hex(), "size": size, "mode": mode}


listing = []
for tid in trees.all_ids():
    buf = trees.raw(tid)
    entries, probs = ct.check_tree(tid, buf)
    assert not probs, (tid.hex(), probs)
    listing.append({"id": tid.hex(), "bytes": len(buf), "entries": [entry(*e) for e in entries]})
walks = []
for snap in ct.snapshots(ct.open_catalog(store)):
    if any(w["root"] == bytes(snap[5]).hex() for w in walks):
        continue                      # a metadata-only save: the same root, the same walk
    files, probs = ct.walk(trees, bytes(snap[5]))
    assert not probs, probs
    walks.append({"snapshot": snap[0], "root": bytes(snap[5]).hex(),
                  "files": [{"path": p, "type": ct.TYPE_NAMES[t], "hash": h.hex(), "size": s, "mode": m} for p, t, h, s, m in files]})
with open(os.path.join(out, "trees.json"), "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in listing) + "\n]\n")
with open(os.path.join(out, "walks.json"), "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(w, ensure_ascii=False) for w in walks) + "\n]\n")
print("%d trees, %d snapshots written to %s" % (len(listing), len(walks), out))
