#!/usr/bin/python3
"""The igraph side of the benchmark: one process, one graph, the tasks asked for.

    igraph_worker.py EDGES.tsv --tasks pagerank,leiden [--seed S] [--leiden-iterations N] [--scores OUT.tsv]

Loads EDGES.tsv (tab-separated "citing<TAB>cited", no comment lines) with
Graph.Read_Ncol(path, directed=True), then runs each task in the order given, timing each call
alone with time.perf_counter(), and prints one JSON object on stdout:

  load         Graph.Read_Ncol
  pagerank     Graph.pagerank(damping=0.85, directed=True); igraph's default implementation
               is PRPACK (a direct/Gauss-Seidel solver with its own fixed tolerance, 1e-10 on
               the L1 error in igraph 0.10), so no tolerance is passed
  undirected   g.as_undirected(mode="collapse").simplify()  (the simple undirected graph)
  leiden       community_leiden(objective_function="modularity", n_iterations=N) on it
               (N = --leiden-iterations, default 2, python-igraph's default), with Python's
               random module (igraph's RNG here) seeded with --seed
  betweenness  Graph.betweenness(directed=True), exact

Also reported: "modularity" of the Leiden membership on the undirected simple graph (computed
after the timer stops), the vertex and edge counts, and for betweenness the ten top names.
With --scores, the PageRank vector is written as "name<TAB>score" lines (after timing).
Uses Debian's python3-igraph; run with /usr/bin/python3.
"""
import argparse
import json
import random
import sys
import time

import igraph


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("edges")
    ap.add_argument("--tasks", default="pagerank")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--leiden-iterations", type=int, default=2)
    ap.add_argument("--scores", default=None)
    args = ap.parse_args()
    tasks = [t for t in args.tasks.split(",") if t]
    known = {"pagerank", "leiden", "betweenness"}
    for t in tasks:
        if t not in known:
            print(f"igraph_worker: unknown task '{t}' (tasks: {', '.join(sorted(known))})", file=sys.stderr)
            return 2

    out = {"igraph_version": igraph.__version__, "times": {}}
    t0 = time.perf_counter()
    g = igraph.Graph.Read_Ncol(args.edges, directed=True)
    out["times"]["load"] = time.perf_counter() - t0
    out["vertices"], out["edges"] = g.vcount(), g.ecount()

    for task in tasks:
        if task == "pagerank":
            t0 = time.perf_counter()
            pr = g.pagerank(damping=0.85, directed=True)
            out["times"]["pagerank"] = time.perf_counter() - t0
            if args.scores:
                with open(args.scores, "w") as f:
                    for name, s in zip(g.vs["name"], pr):
                        f.write(f"{name}\t{s!r}\n")
        elif task == "leiden":
            t0 = time.perf_counter()
            u = g.as_undirected(mode="collapse")
            u.simplify()
            out["times"]["undirected"] = time.perf_counter() - t0
            random.seed(args.seed)
            t0 = time.perf_counter()
            c = u.community_leiden(objective_function="modularity", n_iterations=args.leiden_iterations)
            out["times"]["leiden"] = time.perf_counter() - t0
            out["modularity"] = u.modularity(c.membership)
            out["clusters"] = len(c)
            out["undirected_edges"] = u.ecount()
            del u
        elif task == "betweenness":
            t0 = time.perf_counter()
            bc = g.betweenness(directed=True)
            out["times"]["betweenness"] = time.perf_counter() - t0
            order = sorted(range(len(bc)), key=lambda v: (-bc[v], g.vs[v]["name"]))[:10]
            out["betweenness_top10"] = [g.vs[v]["name"] for v in order]
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
