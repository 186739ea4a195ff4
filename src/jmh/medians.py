#!/usr/bin/env python3
"""Reads "LABEL MS" lines (runs alternating between labels) and prints, per label, the median,
the median of its paired ratios to the first label's runs, and the runs themselves:
    ... | python3 src/jmh/medians.py
"""
import collections
import statistics
import sys

runs = collections.OrderedDict()
for line in sys.stdin:
    label, ms = line.split()
    runs.setdefault(label, []).append(int(ms))
if not runs:
    sys.exit("no runs")
base = next(iter(runs))
for label, v in runs.items():
    ratio = statistics.median(n / o for n, o in zip(v, runs[base]))
    print("%-10s median %6d ms  ratio to %s %.2f   runs %s" % (label, statistics.median(v), base, ratio, " ".join(map(str, v))))
