#!/usr/bin/python3
"""Reference values from networkx for centrality_test's cross-checks.

Loads a real graph itself (independently of the C++ loader), runs one networkx algorithm and
writes `node<TAB>value` lines (repr of the float, exact) to --output, preceded by
`#impl<TAB>name` (the networkx function that ran) and `#seconds<TAB>t` (the algorithm alone,
loading excluded). Exit status 77 when networkx (or what the algorithm needs) is missing, so the
C++ test can skip.

Graphs (a networkx DiGraph: parallel edges collapse, self-loops stay):
  hepph: ../shared/data/cit-hepph/edges.tsv.gz, `#` header, `citing<TAB>cited`
  cora:  ../shared/data/cora/cora.cites, `cited<TAB>citing`, so the edge is citing -> cited
Algorithms:
  pagerank              nx.pagerank(G, alpha=0.85, tol=--tol, max_iter=1000)
  betweenness           nx.betweenness_centrality(G, normalized=True)
  betweenness-weighted  the same with weight="weight", w(u,v) = 1 + (int(u) + 3 int(v)) % 4
  harmonic              nx.harmonic_centrality(G)
  core                  nx.core_number(G) after removing self-loops
  hits                  nx.hits(G, max_iter=1000, tol=--tol)
"""
import argparse
import gzip
import sys
import time

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed", file=sys.stderr)
    sys.exit(77)


def load(kind, path):
    G = nx.DiGraph()
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.split()[:2]
            if kind == "cora":
                a, b = b, a  # cited citing -> citing cited
            G.add_edge(a, b)
    return G


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--graph", choices=["hepph", "cora"], required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--algorithm", required=True,
                    choices=["pagerank", "betweenness", "betweenness-weighted", "harmonic", "core", "hits"])
    ap.add_argument("--tol", type=float, default=1e-12)
    ap.add_argument("--output", required=True)
    args = ap.parse_args()

    G = load(args.graph, args.input)
    algo = args.algorithm
    if algo == "pagerank":
        impl = "networkx.pagerank"
        fn = lambda: nx.pagerank(G, alpha=0.85, tol=args.tol, max_iter=1000)
        try:
            import scipy  # noqa: F401  (networkx 2.8's pagerank is pagerank_scipy)
        except ImportError:
            # Same definition and iteration, in pure Python (slower): networkx's own reference.
            from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
            impl = "networkx _pagerank_python (scipy missing)"
            fn = lambda: _pagerank_python(G, alpha=0.85, tol=args.tol, max_iter=1000)
    elif algo == "betweenness":
        impl = "networkx.betweenness_centrality(normalized=True)"
        fn = lambda: nx.betweenness_centrality(G, normalized=True)
    elif algo == "betweenness-weighted":
        for u, v in G.edges:
            G[u][v]["weight"] = 1 + (int(u) + 3 * int(v)) % 4
        impl = "networkx.betweenness_centrality(normalized=True, weight='weight')"
        fn = lambda: nx.betweenness_centrality(G, normalized=True, weight="weight")
    elif algo == "harmonic":
        impl = "networkx.harmonic_centrality"
        fn = lambda: nx.harmonic_centrality(G)
    elif algo == "core":
        G.remove_edges_from(list(nx.selfloop_edges(G)))
        impl = "networkx.core_number (self-loops removed)"
        fn = lambda: nx.core_number(G)
    else:
        try:
            import scipy  # noqa: F401
        except ImportError:
            print("scipy is not installed (networkx.hits needs it)", file=sys.stderr)
            sys.exit(77)
        import warnings
        warnings.simplefilter("ignore")
        impl = "networkx.hits"

        def fn():
            h, a = nx.hits(G, max_iter=1000, tol=args.tol)
            return {n: f"{h[n]!r}\t{a[n]!r}" for n in G}

    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    with open(args.output, "w") as out:
        out.write(f"#impl\t{impl}\n#seconds\t{seconds!r}\n")
        for node, value in result.items():
            out.write(f"{node}\t{value if isinstance(value, str) else repr(float(value))}\n")


if __name__ == "__main__":
    main()
