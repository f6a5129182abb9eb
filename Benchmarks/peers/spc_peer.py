"""Runs a Python SPC peer over series from a CSV file (series,value) and prints its timing and flags.

Usage: python spc_peer.py abspc|pyqicharts FILE
Prints JSON: {"peer": ..., "points": N, "seconds": S, "flags": [[0|1, ...], ...]}, one list per series.

Usage: python spc_peer.py abspc-process IN OUT
The whole job as a command does it, timed from outside: reads series,period,value from IN, charts
each series with abspc and writes each point's mean, limits and special-cause flag to OUT as CSV.
"""
import csv
import json
import sys
import time
import warnings

import pandas as pd

warnings.filterwarnings("ignore")


def read(path):
    series = {}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            series.setdefault(int(row["series"]), []).append(float(row["value"]))
    return [series[key] for key in sorted(series)]


def run_abspc(all_series):
    import abspc

    flags = []
    started = time.perf_counter()
    for values in all_series:
        frame = pd.DataFrame({"value": values})
        limits = abspc.calculate_control_limits(frame, "XmR")
        result = abspc.detect_special_causes(limits)
        flags.append([int(flag) for flag in result["special_cause"]])
    return time.perf_counter() - started, flags


def run_pyqicharts(all_series):
    import pyqicharts

    flags = []
    started = time.perf_counter()
    for values in all_series:
        frame = pd.DataFrame({"x": list(range(len(values))), "y": values})
        table = pyqicharts.qic_table(frame, x="x", y="y", chart="i", shift_points=7, trend_points=7)
        flags.append([int(bool(flag)) for flag in table["special_cause"]])
    return time.perf_counter() - started, flags


def abspc_process(source, target):
    import abspc

    series = {}
    with open(source, newline="") as handle:
        for row in csv.DictReader(handle):
            series.setdefault(row["series"], []).append((row["period"], float(row["value"])))
    with open(target, "w", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["series", "period", "value", "mean", "lpl", "upl", "special_cause"])
        for name, rows in series.items():
            frame = pd.DataFrame({"value": [value for _, value in rows]})
            limits = abspc.calculate_control_limits(frame, "XmR")
            result = abspc.detect_special_causes(limits)
            for (period, value), (_, chart) in zip(rows, result.iterrows()):
                out.writerow([name, period, value, chart["mean"], chart["lcl"], chart["ucl"], bool(chart["special_cause"])])


def main():
    if sys.argv[1] == "abspc-process":
        abspc_process(sys.argv[2], sys.argv[3])
        return
    peer, path = sys.argv[1], sys.argv[2]
    all_series = read(path)
    seconds, flags = run_abspc(all_series) if peer == "abspc" else run_pyqicharts(all_series)
    print(json.dumps({"peer": peer, "points": sum(len(s) for s in all_series), "seconds": seconds, "flags": flags}))


if __name__ == "__main__":
    main()
