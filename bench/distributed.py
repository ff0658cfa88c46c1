#!/usr/bin/env python3
"""citegraph-mpi (1, 2, 4 ranks on this one machine) against single-machine `citegraph rank`.

    python3 bench/distributed.py CITEGRAPH CITEGRAPH_MPI GRAPH [GRAPH ...] [--reps 3] [--ranks 1,2,4]

GRAPH is an edge list, optionally NAME=PATH. For each graph, every command runs --reps times;
the table gives the median wall time, the peak memory of the largest process (wait4's
ru_maxrss, which covers mpirun's ranks), the ratio to the single-machine run, and the load and
PageRank times citegraph-mpi reports on stderr. Both sides compute the same PageRank
definition to the same tolerance (the test suite checks that they agree within 1e-9 at
tolerance 1e-15); citegraph-mpi runs the power iteration, single-machine `rank` solves by
components where that applies (cit-HepPh) and iterates where it does not (R-MAT). Here only
time and memory are measured.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time


def run(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"distributed.py: {' '.join(cmd)} failed:\n{err}")
    return wall, usage.ru_maxrss / 1024.0, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("citegraph")
    ap.add_argument("citegraph_mpi")
    ap.add_argument("graphs", nargs="+")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--ranks", default="1,2,4")
    ap.add_argument("--tolerance", default="1e-10")
    args = ap.parse_args()
    ranks = [int(r) for r in args.ranks.split(",")]
    print(f"machine: {os.cpu_count()} cores; reps {args.reps}; tolerance {args.tolerance} (both sides)")
    print("| graph | run | median wall s | peak MB | vs citegraph | mpi load s | mpi pass s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for spec in args.graphs:
        name, _, path = spec.rpartition("=")
        name = name or os.path.basename(path)
        single = [args.citegraph, "rank", "--by", "pagerank", "--top", "10", "-q", "--tolerance", args.tolerance, path]
        walls, peaks = zip(*[run(single)[:2] for _ in range(args.reps)])
        base = statistics.median(walls)
        print(f"| {name} | citegraph rank (OpenMP, shared memory) | {base:.2f} | {max(peaks):.0f} | 1.00 | | |", flush=True)
        for r in ranks:
            cmd = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(r), args.citegraph_mpi, "rank", "--top",
                   "10", "--tolerance", args.tolerance, path]
            results = [run(cmd) for _ in range(args.reps)]
            wall = statistics.median(w for w, _, _ in results)
            peak = max(p for _, p, _ in results)
            loads, passes = [], []
            for _, _, err in results:
                m = re.search(r"load ([0-9.]+) s, pass ([0-9.]+) s", err)
                if m:
                    loads.append(float(m.group(1)))
                    passes.append(float(m.group(2)))
            load = f"{statistics.median(loads):.2f}" if loads else "?"
            pas = f"{statistics.median(passes):.2f}" if passes else "?"
            print(f"| {name} | citegraph-mpi, {r} rank{'s' if r > 1 else ''} | {wall:.2f} | {peak:.0f} | {wall / base:.2f}x slower | {load} | {pas} |",
                  flush=True)


if __name__ == "__main__":
    main()
