"""Reads a citegraph export back with the program its users open it with, and prints what
that program saw as JSON on stdout:

  {"reader": "...", "nodes": {kind: n}, "edges": {kind: n}, "graph_nodes": n,
   "graph_edges": n, "problems": [...], ...}

Usage: read_back.py READER FILE [FILE2]
  graphml-networkx  networkx.read_graphml
  graphml-igraph    igraph.Graph.Read_GraphML
  gexf-networkx     networkx.read_gexf (networkx 2.8 knows GEXF 1.1draft and 1.2draft; the
                    1.3 namespaces are added to its version table, the parser is its own)
  json-networkx     networkx.node_link_graph
  cytoscape-networkx networkx.cytoscape_graph
  pajek-igraph      igraph.Graph.Read_Pajek (node kinds from the vertex shape, edge kinds
                    from the edge label)
  csv               Python's csv module on FILE (nodes) and FILE2 (edges): neo4j-admin
                    header types, ids, no cell that starts a formula
  vosviewer         json: the items and links of VOSviewer's documented format
"problems" lists what a reader would stumble on (missing attributes, dangling ids, formula
cells); the test asserts it is empty. Exit 3 when a needed Python module is missing.
"""
import collections
import csv
import json
import re
import sys

reader, path = sys.argv[1], sys.argv[2]
out = {"reader": reader, "problems": []}
problems = out["problems"]


def count(kinds):
    return dict(collections.Counter(kinds))


def undirected_pairs(edges):
    return len({(min(u, v), max(u, v)) for u, v in edges if u != v})


try:
    if reader in ("graphml-networkx", "gexf-networkx", "json-networkx", "cytoscape-networkx"):
        import networkx as nx
    if reader in ("graphml-igraph", "pajek-igraph"):
        import igraph
except ImportError:
    sys.exit(3)

if reader in ("graphml-networkx", "gexf-networkx", "json-networkx", "cytoscape-networkx"):
    if reader == "graphml-networkx":
        g = nx.read_graphml(path)
    elif reader == "gexf-networkx":
        from networkx.readwrite import gexf as nx_gexf
        nx_gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3",
            "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3",
        }
        g = nx.read_gexf(path, version="1.3")
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        g = nx.node_link_graph(data) if reader == "json-networkx" else nx.cytoscape_graph(data)
    out["nodes"] = count(a.get("kind") for _, a in g.nodes(data=True))
    out["edges"] = count(a.get("kind") for _, _, a in g.edges(data=True))
    out["graph_nodes"] = g.number_of_nodes()
    out["graph_edges"] = g.number_of_edges()
    out["undirected_pairs"] = undirected_pairs(g.edges())
    out["score_sum"] = sum(float(a.get("score", 0)) for _, _, a in g.edges(data=True))
    out["labels"] = sorted({str(a.get("label", "")) for _, a in g.nodes(data=True)})
    # Attributes whose text is never empty (JSON lists and objects, integers): networkx's
    # read_graphml drops a <data> element with empty text, so an empty string attribute
    # reads back as absent there, which is networkx's convention, not a lost attribute.
    required = {"paper": ["names", "tree_entries", "months", "mentions_per_section"],
                "topic": ["depth", "notes"], "gap": ["sub_points"], "idea": ["other_fields"]}
    for n, a in g.nodes(data=True):
        for k in required.get(a.get("kind"), []) + ["seen"]:
            if k not in a:
                problems.append(f"node {n!r} has no {k}")
        if reader != "json-networkx" and reader != "cytoscape-networkx":
            if a.get("kind") == "topic" and not isinstance(a.get("depth"), int):
                problems.append(f"topic {n!r}: depth is not an int")
        if reader in ("graphml-networkx", "gexf-networkx", "cytoscape-networkx"):
            try:
                json.loads(a["seen"]) if isinstance(a.get("seen"), str) else a["seen"]
            except (ValueError, KeyError):
                problems.append(f"node {n!r}: seen is not JSON")
            if not isinstance(a.get("size"), float) or a["size"] <= 0:
                problems.append(f"node {n!r}: size is not a positive double")
        if reader == "gexf-networkx":
            viz = a.get("viz", {})
            if not ("color" in viz and "size" in viz and "position" in viz):
                problems.append(f"node {n!r}: viz incomplete: {viz}")
    for u, v, a in g.edges(data=True):
        if "evidence" not in a or "seen" not in a:
            problems.append(f"edge {u!r}->{v!r} has no evidence/seen")
elif reader == "graphml-igraph":
    g = igraph.Graph.Read_GraphML(path)
    out["nodes"] = count(g.vs["kind"]) if g.vcount() else {}
    out["edges"] = count(g.es["kind"]) if g.ecount() else {}
    out["graph_nodes"], out["graph_edges"] = g.vcount(), g.ecount()
    if not g.is_directed():
        problems.append("igraph read an undirected graph")
elif reader == "pajek-igraph":
    g = igraph.Graph.Read_Pajek(path)
    shapes = {"ellipse": "paper", "box": "topic", "diamond": "gap", "triangle": "idea"}
    out["nodes"] = count(shapes.get(s, s) for s in g.vs["shape"]) if g.vcount() else {}
    out["edges"] = count(g.es["label"]) if g.ecount() else {}
    out["graph_nodes"], out["graph_edges"] = g.vcount(), g.ecount()
    out["score_sum"] = sum(g.es["weight"]) if g.ecount() else 0.0
    out["labels"] = sorted(set(g.vs["id"])) if g.vcount() else []
    for v in g.vs:
        if not (0 <= v["x"] <= 1 and 0 <= v["y"] <= 1):
            problems.append(f"vertex {v.index}: coordinates outside [0, 1]")
elif reader == "csv":
    formula = re.compile(r"^[=+\-@\t\r]")
    typed = re.compile(r"^(id:ID|:LABEL|:START_ID|:END_ID|:TYPE|[a-z_]+(:(int|double))?)$")

    def rows(file):
        with open(file, encoding="utf-8", newline="") as f:
            table = list(csv.reader(f, strict=True))
        header = table[0]
        for h in header:
            if not typed.match(h):
                problems.append(f"{file}: header {h!r} is not a neo4j-admin header")
        for r in table[1:]:
            if len(r) != len(header):
                problems.append(f"{file}: a row has {len(r)} cells for {len(header)} columns")
            for h, cell in zip(header, r):
                if formula.match(cell):
                    problems.append(f"{file}: cell {cell[:40]!r} starts a formula")
                if cell and h.endswith(":int"):
                    int(cell)
                if cell and h.endswith(":double"):
                    float(cell)
        return header, table[1:]

    nh, nodes = rows(path)
    eh, edges = rows(sys.argv[3])
    if nh[:2] != ["id:ID", ":LABEL"] or eh[:3] != [":START_ID", ":END_ID", ":TYPE"]:
        problems.append(f"headers start {nh[:2]} / {eh[:3]}")
    ids = [r[0] for r in nodes]
    if len(set(ids)) != len(ids):
        problems.append("node ids are not unique")
    known = set(ids)
    for r in edges:
        if r[0] not in known or r[1] not in known:
            problems.append(f"edge {r[0]!r} -> {r[1]!r} names an unknown node")
    out["nodes"] = count(r[1].lower() for r in nodes)
    out["edges"] = count(r[2].lower() for r in edges)
    kind_col = nh.index("kind")
    for r in nodes:
        if r[1].lower() != r[kind_col]:
            problems.append(f"node {r[0]!r}: :LABEL {r[1]} but kind {r[kind_col]}")
    out["graph_nodes"], out["graph_edges"] = len(nodes), len(edges)
elif reader == "vosviewer":
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    items, links = doc["network"]["items"], doc["network"]["links"]
    ids = [i["id"] for i in items]
    if len(set(ids)) != len(ids):
        problems.append("item ids are not unique")
    kinds = []
    for i in items:
        for k in ("id", "label", "x", "y", "cluster", "weights", "scores", "description"):
            if k not in i:
                problems.append(f"item {i.get('id')} has no {k}")
        if not (isinstance(i["cluster"], int) and i["cluster"] >= 1):
            problems.append(f"item {i['id']}: cluster {i['cluster']!r} is not an integer >= 1")
        if "<script" in i["description"].lower():
            problems.append(f"item {i['id']}: a script element in the description")
        m = re.search(r"</b><br>(paper|topic|gap|idea) ", i["description"])
        kinds.append(m.group(1) if m else "?")
    known = set(ids)
    for link in links:
        if link["source_id"] not in known or link["target_id"] not in known:
            problems.append(f"link {link} names an unknown item")
        if not link["strength"] > 0:
            problems.append(f"link {link} has no positive strength")
    out["nodes"] = count(kinds)
    out["graph_nodes"], out["graph_edges"] = len(items), len(links)
    out["score_sum"] = sum(link["strength"] for link in links)
    out["labels"] = sorted({i["label"] for i in items})
else:
    print(f"unknown reader {reader}", file=sys.stderr)
    sys.exit(2)

print(json.dumps(out, ensure_ascii=False))
