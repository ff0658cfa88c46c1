#!/usr/bin/python3
"""Loads a citegraph node-link JSON file with networkx and prints what networkx sees.

Usage: networkx_roundtrip.py FILE.json
Prints one JSON object on stdout:
  {"networkx": version, "type": class name, "directed": bool, "multigraph": bool,
   "graph": graph attributes, "node_count": n, "edge_count": m,
   "nodes": {kind: count}, "edges": {kind: count},
   "node_attrs": {node id: attribute dict},
   "edge_attrs": [[source, target, key, attribute dict], ...]}
Exits 77 when networkx is not installed (the C++ test skips then), 1 on any other error.
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed", file=sys.stderr)
    sys.exit(77)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data)
    nodes, edges = {}, {}
    for _, kind in g.nodes(data="kind"):
        nodes[kind] = nodes.get(kind, 0) + 1
    for _, _, kind in g.edges(data="kind"):
        edges[kind] = edges.get(kind, 0) + 1
    json.dump({
        "networkx": nx.__version__,
        "type": type(g).__name__,
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": g.graph,
        "node_count": g.number_of_nodes(),
        "edge_count": g.number_of_edges(),
        "nodes": nodes,
        "edges": edges,
        "node_attrs": {n: d for n, d in g.nodes(data=True)},
        "edge_attrs": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)],
    }, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
