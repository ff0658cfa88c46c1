#!/usr/bin/python3
"""Reads escaped hostile strings back with the parsers users have: Python's json, xml.etree
and csv modules, and Graphviz's own DOT parser when it is installed.

Usage: escape_crosscheck.py DIR [DOT]
DIR holds raw.hex (each input string as hex, one per line) and escaped.{json,xml,csv,dot}
written by the C++ test. Prints one line per failure and exits 1 on any; exit 0 otherwise.
Prints "dot: skipped" when no Graphviz binary was given or found.
"""
import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def xml_legal(ch):
    c = ord(ch)
    return (c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD
            or 0x10000 <= c <= 0x10FFFF)


def expected_dot_attribute(text):
    # What Graphviz keeps for a quoted string: \" becomes ", \\ stays \\ (label rendering
    # turns it into one backslash later), and dot_quote turned line breaks into \n.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def main():
    directory = sys.argv[1]
    dot = sys.argv[2] if len(sys.argv) > 2 else ""
    with open(os.path.join(directory, "raw.hex"), encoding="ascii") as f:
        raw = [bytes.fromhex(line.strip()) for line in f]
    texts = [r.decode("utf-8", "replace") for r in raw]
    failures = []

    def check(what, i, got, want):
        if got != want:
            failures.append(f"{what}[{i}]: got {got!r}, want {want!r} (input {raw[i]!r})")

    # JSON: strict parser, every string exactly the decoded input.
    with open(os.path.join(directory, "escaped.json"), "rb") as f:
        values = json.loads(f.read().decode("utf-8", "strict"))
    if len(values) != len(texts):
        failures.append(f"json: {len(values)} values for {len(texts)} inputs")
    for i, (got, want) in enumerate(zip(values, texts)):
        check("json", i, got, want)

    # XML: text and attribute values come back unchanged except for illegal characters.
    root = ET.parse(os.path.join(directory, "escaped.xml")).getroot()
    items = list(root)
    if len(items) != len(texts):
        failures.append(f"xml: {len(items)} elements for {len(texts)} inputs")
    for i, (item, text) in enumerate(zip(items, texts)):
        want = "".join(ch if xml_legal(ch) else "\ufffd" for ch in text)
        check("xml attribute", i, item.get("v"), want)
        check("xml text", i, item.text or "", want)

    # CSV: one row per input, cell 1 is the input (formula-defused), cell 2 a sentinel.
    with open(os.path.join(directory, "escaped.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if len(rows) != len(texts):
        failures.append(f"csv: {len(rows)} rows for {len(texts)} inputs")
    for i, (row, text) in enumerate(zip(rows, texts)):
        want = text.replace("\0", "\ufffd")
        if want[:1] in ("=", "+", "-", "@", "\t", "\r"):
            want = "'" + want
        check("csv", i, row, [want, "sentinel"])

    # DOT: Graphviz parses one node per input and no edges, with the label intact.
    if dot and os.access(dot, os.X_OK):
        result = subprocess.run([dot, "-Tjson", os.path.join(directory, "escaped.dot")],
                                capture_output=True)
        if result.returncode != 0:
            failures.append(f"dot: exit {result.returncode}: {result.stderr.decode(errors='replace')}")
        else:
            graph = json.loads(result.stdout.decode("utf-8"))
            nodes = {o["name"]: o for o in graph.get("objects", [])}
            if len(nodes) != len(texts):
                failures.append(f"dot: {len(nodes)} nodes for {len(texts)} inputs")
            if graph.get("edges"):
                failures.append(f"dot: {len(graph['edges'])} edges injected")
            for i, text in enumerate(texts):
                node = nodes.get(f"n{i}")
                if node is None:
                    failures.append(f"dot: node n{i} missing")
                    continue
                check("dot label", i, node.get("label"), expected_dot_attribute(text))
                # Graphviz omits an attribute equal to its default; the default tooltip is "".
                check("dot tooltip", i, node.get("tooltip", ""), expected_dot_attribute(text))
    else:
        print("dot: skipped")

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
