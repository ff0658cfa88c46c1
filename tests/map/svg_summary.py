"""Reads an SVG written by Graphviz with Python's xml.etree (a real XML parser: a malformed
file raises) and prints what the map tests check, as JSON on stdout:
  nodes, edges, clusters     number of <g class="node|edge|cluster"> groups
  node_titles                the <title> of every node group (the DOT node name)
  cluster_tooltips           xlink:title of every cluster's link (the cluster's tooltip)
  texts                      every <text> element's text
  scripts                    number of elements named script, in any namespace
  event_attributes           number of on* attributes (onload=...), which would run script
Usage: svg_summary.py FILE.svg"""
import json
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

root = ET.parse(sys.argv[1]).getroot()
out = {"nodes": 0, "edges": 0, "clusters": 0, "node_titles": [], "cluster_tooltips": [], "texts": [],
       "scripts": 0, "event_attributes": 0}
for el in root.iter():
    tag = el.tag.split("}")[-1]
    if tag.lower() == "script":
        out["scripts"] += 1
    out["event_attributes"] += sum(1 for a in el.attrib if a.split("}")[-1].lower().startswith("on"))
    if tag == "text":
        out["texts"].append("".join(el.itertext()))
    if tag != "g":
        continue
    kind = el.get("class")
    if kind not in ("node", "edge", "cluster"):
        continue
    out[kind + "s"] += 1
    title = el.find(SVG + "title")
    if kind == "node":
        out["node_titles"].append(title.text if title is not None else "")
    if kind == "cluster":
        for a in el.iter(SVG + "a"):
            out["cluster_tooltips"].append(a.get(XLINK + "title", ""))
            break
json.dump(out, sys.stdout, ensure_ascii=False)
