#!/usr/bin/python3
"""igraph reference figures for tests/clusters/crosscheck_test.cpp (run with Debian's python3).

  igraph_reference.py leiden EDGES RUNS ITERATIONS [MEMBERSHIP]
      EDGES: a (gzipped) edge list, '#' comment lines, then 'a<TAB>b' per line. Builds the
      directed graph, then as_undirected(mode="collapse") + simplify() (undirected, simple).
      Prints "graph N M", then for each n_iterations value I in ITERATIONS (comma-separated,
      e.g. "-1,2") and run r = 0..RUNS-1 (python's random seeded with r) "leiden I Q SECONDS"
      for community_leiden(objective_function="modularity", n_iterations=I); SECONDS times
      that call alone (wall clock). With MEMBERSHIP (lines 'id<TAB>label') also prints
      "modularity Q", igraph's modularity of that partition of the same graph.

  igraph_reference.py compare PAIRS
      PAIRS: lines 'a<TAB>b', two integer labels per item. Prints "nmi X" and
      "adjusted_rand Y" from igraph.compare_communities.
"""
import gzip
import random
import sys
import time

import igraph


def open_text(path):
    return gzip.open(path, "rt") if path.endswith(".gz") else open(path)


def leiden(edges_path, runs, iterations, membership_path=None):
    index = {}
    edges = []
    with open_text(edges_path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a, b = line.split()[:2]
            edges.append((index.setdefault(a, len(index)), index.setdefault(b, len(index))))
    g = igraph.Graph(n=len(index), edges=edges, directed=True)
    g.to_undirected(mode="collapse")
    g.simplify()
    print("graph", g.vcount(), g.ecount(), flush=True)
    for n_iterations in iterations:
        for r in range(runs):
            random.seed(r)
            start = time.perf_counter()
            c = g.community_leiden(objective_function="modularity", n_iterations=n_iterations)
            seconds = time.perf_counter() - start
            print("leiden", n_iterations, repr(g.modularity(c.membership)), repr(seconds), flush=True)
    if membership_path:
        membership = [0] * g.vcount()
        with open(membership_path) as f:
            for line in f:
                vid, label = line.split()
                membership[index[vid]] = int(label)
        print("modularity", repr(g.modularity(membership)))


def compare(pairs_path):
    a, b = [], []
    with open(pairs_path) as f:
        for line in f:
            x, y = line.split()
            a.append(int(x))
            b.append(int(y))
    print("nmi", repr(igraph.compare_communities(a, b, method="nmi")))
    print("adjusted_rand", repr(igraph.compare_communities(a, b, method="adjusted_rand")))


if __name__ == "__main__":
    if sys.argv[1] == "leiden":
        leiden(sys.argv[2], int(sys.argv[3]), [int(i) for i in sys.argv[4].split(",")],
               sys.argv[5] if len(sys.argv) > 5 else None)
    elif sys.argv[1] == "compare":
        compare(sys.argv[2])
    else:
        sys.exit("usage: igraph_reference.py leiden EDGES RUNS ITERATIONS [MEMBERSHIP] | compare PAIRS")
