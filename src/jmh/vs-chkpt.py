#!/usr/bin/python3
"""vs-chkpt.py -- time Pack Inspector's restore beside chkpt's own, on the same store.

Usage: vs-chkpt.py STORE [--pairs N] [--chkpt BIN] [--work DIR] [--ours CMD]

Restores the newest snapshot of STORE with both tools, alternating (ours, chkpt, ours, chkpt, ...),
each into a fresh empty folder under --work (default: a new folder in /dev/shm). The folders are
emptied between runs, outside the timed part. Each run is the whole process, timed from fork to
exit; its peak resident memory comes from wait4(). Prints every run, then each tool's median and
the median of the per-pair ratios (ours / chkpt).

chkpt finds its store by the folder it restores into (DESIGN.md section 1: project_id is the first
16 hex digits of xxh3_128 of the folder's path), so the folder it restores into gets a private HOME
whose .chkpt/stores/<project_id> is a copy of STORE (chkpt writes index.bin and a lock into the
store it restores from; the original is never touched).

--ours defaults to this checkout's ./pack-inspector launcher: "restore STORE latest TARGET" is
appended to it.
"""
import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKOUT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(CHECKOUT), "shared")


def real_store_module():
    """shared/tools/real-store.py, for chkpt's project id (its XXH3-128)."""
    spec = importlib.util.spec_from_file_location("real_store", os.path.join(SHARED, "tools", "real-store.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command, cwd=None, env=None):
    """Runs command; returns (seconds, peak RSS in MiB). Fails loudly on a non-zero exit."""
    start = time.perf_counter()
    p = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit("vs-chkpt: %s exited %d: %s" % (" ".join(command), p.returncode, err.strip()[-500:]))
    return seconds, usage.ru_maxrss / 1024


def empty(folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)


def count_files(folder):
    n = 0
    for _, _, files in os.walk(folder):
        n += len(files)
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store")
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("--chkpt", default=os.path.join(SHARED, "tools", "chkpt", "chkpt-2f794af"))
    ap.add_argument("--work", default=None)
    ap.add_argument("--ours", default=os.path.join(CHECKOUT, "pack-inspector"))
    a = ap.parse_args()
    store = os.path.realpath(a.store)
    work = os.path.realpath(a.work or tempfile.mkdtemp(prefix="vs-chkpt-", dir="/dev/shm"))
    os.makedirs(work, exist_ok=True)
    ours_target = os.path.join(work, "ours")
    theirs_target = os.path.join(work, "theirs")
    os.makedirs(theirs_target, exist_ok=True)
    home = os.path.join(work, "home")
    pid = real_store_module().project_id(theirs_target)
    private = os.path.join(home, ".chkpt", "stores", pid)
    if not os.path.isdir(private):
        shutil.copytree(store, private, symlinks=True, ignore=shutil.ignore_patterns("manifest.json"))
    env = dict(os.environ, HOME=home, CHKPT_HOME=home)
    ours = a.ours.split() + ["restore", store, "latest", ours_target]
    theirs = [a.chkpt, "restore", "latest"]

    print("store %s, %d pairs, work %s" % (store, a.pairs, work))
    runs = {"ours": [], "chkpt": []}
    for i in range(a.pairs):
        empty(ours_target)
        t, rss = timed(ours)
        runs["ours"].append((t, rss))
        files_ours = count_files(ours_target)
        empty(theirs_target)
        t2, rss2 = timed(theirs, cwd=theirs_target, env=env)
        runs["chkpt"].append((t2, rss2))
        files_theirs = count_files(theirs_target)
        print("pair %d: ours %.3f s (%.0f MiB, %d files)  chkpt %.3f s (%.0f MiB, %d files)  ratio %.2f"
              % (i + 1, t, rss, files_ours, t2, rss2, files_theirs, t / t2))
        sys.stdout.flush()
    ratios = [o[0] / c[0] for o, c in zip(runs["ours"], runs["chkpt"])]
    med = {k: statistics.median(r[0] for r in v) for k, v in runs.items()}
    rss = {k: max(r[1] for r in v) for k, v in runs.items()}
    print("median: ours %.3f s, chkpt %.3f s; ratio median %.2f (%.2f-%.2f); peak RSS ours %.0f MiB, chkpt %.0f MiB"
          % (med["ours"], med["chkpt"], statistics.median(ratios), min(ratios), max(ratios), rss["ours"], rss["chkpt"]))
    shutil.rmtree(ours_target, ignore_errors=True)
    shutil.rmtree(theirs_target, ignore_errors=True)


if __name__ == "__main__":
    main()
