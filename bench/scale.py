#!/usr/bin/env python3
"""One big edge list: `citegraph rank --by pagerank` once, with peak memory, bytes per edge and
seconds per PageRank iteration; optionally igraph on the same file (Read_Ncol + pagerank).

    python3 bench/scale.py CITEGRAPH EDGES.tsv --edges M [--tolerance T] [--igraph igraph_worker.py]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time


def peak_of_child(cmd):
    """Runs cmd; returns (exit code, wall s, peak RSS MB, stdout, stderr)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes fully before reaping, so a large output cannot block the child.
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    return os.waitstatus_to_exitcode(status), wall, usage.ru_maxrss / 1024.0, out.decode(), err.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("citegraph")
    ap.add_argument("edges_file")
    ap.add_argument("--edges", type=int, required=True)
    ap.add_argument("--tolerance", default="1e-10")
    ap.add_argument("--igraph", default=None)
    args = ap.parse_args()

    cmd = [args.citegraph, "rank", "--by", "pagerank", "--top", "10", "--timings", "-q", "--tolerance", args.tolerance,
           args.edges_file]
    code, wall, peak, _, err = peak_of_child(cmd)
    if code != 0:
        sys.exit(f"scale.py: citegraph failed ({code}):\n{err}")
    timings = {m.group(1): float(m.group(2)) for m in re.finditer(r"timing (\S+) ([0-9.]+) s", err)}
    iterations = re.search(r"pagerank (\d+) iterations", err)
    iters = int(iterations.group(1)) if iterations else None
    print("| tool | task | wall s | peak MB | bytes per edge (peak RSS / edges) | PageRank iterations | s per iteration |")
    print("|---|---|---:|---:|---:|---:|---:|")
    per_iter = f"{timings.get('pagerank', 0) / iters:.3f}" if iters else "?"
    print(f"| citegraph | load {timings.get('load', 0):.1f} s + projection {timings.get('projection', 0):.1f} s + "
          f"PageRank {timings.get('pagerank', 0):.1f} s | {wall:.1f} | {peak:.0f} | {peak * 1024 * 1024 / args.edges:.1f} | "
          f"{iters} | {per_iter} |", flush=True)
    if args.igraph:
        code, wall_ig, peak_ig, out, err = peak_of_child(["/usr/bin/python3", args.igraph, args.edges_file, "--tasks", "pagerank"])
        if code != 0:
            print(f"| igraph | could not finish (exit {code}): {err.strip().splitlines()[-1] if err.strip() else ''} | {wall_ig:.1f} | {peak_ig:.0f} | | | |")
        else:
            r = json.loads(out)
            t = r.get("times", r)
            print(f"| igraph | Read_Ncol {t.get('load', 0):.1f} s + pagerank {t.get('pagerank', 0):.1f} s | {wall_ig:.1f} | "
                  f"{peak_ig:.0f} | {peak_ig * 1024 * 1024 / args.edges:.1f} | | |")
            if t.get("pagerank"):
                print(f"\nPageRank alone: igraph / citegraph = {t['pagerank'] / timings.get('pagerank', float('nan')):.2f}x; "
                      f"end to end {wall_ig / wall:.2f}x")


if __name__ == "__main__":
    main()
