"""Reference computations with Debian's networkx and igraph for the CLI cross-checks.

  reference.py pagerank-edges EDGES.tsv.gz TOP      -> JSON list of the top ids by networkx pagerank
  reference.py pagerank-export EXPORT.json          -> JSON {paper id: networkx pagerank} on the
                                                       mention graph of a citegraph export
  reference.py leiden-q EDGES.tsv.gz                -> JSON {"q": igraph Leiden modularity}
Exit 3 when a package is missing (the test skips).
"""
import gzip
import json
import sys

try:
    import networkx as nx
except ImportError:
    sys.exit(3)


def read_edges(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a, b = line.split()[:2]
            yield a, b


def main():
    cmd = sys.argv[1]
    if cmd == "pagerank-edges":
        g = nx.DiGraph()
        g.add_edges_from(read_edges(sys.argv[2]))
        pr = nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=1000)
        top = sorted(pr, key=lambda k: (-pr[k], k))[: int(sys.argv[3])]
        print(json.dumps(top))
    elif cmd == "pagerank-export":
        with open(sys.argv[2], encoding="utf-8") as f:
            data = json.load(f)
        g = nx.DiGraph()
        for n in data["nodes"]:
            if n["kind"] in ("paper", "gap", "idea"):
                g.add_node(n["id"])
        weight = {"id": 1.0, "name": 0.75}
        for link in data["links"]:
            if link["kind"] in ("mentions", "builds_on"):
                w = weight.get(link["evidence"], link["score"] * 0.5)
                g.add_edge(link["source"], link["target"], weight=w)
        pr = nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10000, weight="weight")
        print(json.dumps({k.split(":", 1)[1]: v for k, v in pr.items() if k.startswith("paper:")}))
    elif cmd == "leiden-q":
        try:
            import igraph as ig
        except ImportError:
            sys.exit(3)
        g = ig.Graph.TupleList(read_edges(sys.argv[2]), directed=True)
        u = g.as_undirected(mode="collapse")
        u.simplify()
        best = max(u.community_leiden(objective_function="modularity", n_iterations=-1).modularity for _ in range(3))
        print(json.dumps({"q": best}))


main()
