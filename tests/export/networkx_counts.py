"""Loads a citegraph node-link JSON export with networkx and prints its counts per kind.

Usage: networkx_counts.py EXPORT.json -> {"nodes": {kind: n}, "edges": {kind: n},
"evidence": {kind: {evidence: n}}, "attributes_ok": bool} on stdout. Exit 3 when networkx
is missing (the test then skips).
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    sys.exit(3)

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
g = nx.node_link_graph(data)
nodes, edges, evidence = {}, {}, {}
for _, attrs in g.nodes(data=True):
    nodes[attrs["kind"]] = nodes.get(attrs["kind"], 0) + 1
for _, _, attrs in g.edges(data=True):
    edges[attrs["kind"]] = edges.get(attrs["kind"], 0) + 1
    by = evidence.setdefault(attrs["kind"], {})
    by[attrs["evidence"]] = by.get(attrs["evidence"], 0) + 1
# Every node and edge kept its provenance and its kind's attributes.
required = {"paper": ["names", "tree_entries", "contributions", "reading", "sota", "months"],
            "topic": ["name", "path", "depth", "notes"],
            "gap": ["title", "text", "sub_points"],
            "idea": ["title", "motivation", "novelty", "approach", "data_metrics", "risk"]}
ok = all(attrs.get("seen") and all(k in attrs for k in required[attrs["kind"]])
         for _, attrs in g.nodes(data=True))
ok = ok and all(attrs.get("seen") for _, _, attrs in g.edges(data=True))
print(json.dumps({"nodes": nodes, "edges": edges, "evidence": evidence,
                  "graph_nodes": g.number_of_nodes(), "graph_edges": g.number_of_edges(),
                  "attributes_ok": ok}))
