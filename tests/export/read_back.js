// Reads a citegraph export back with the JavaScript libraries its users open it with, and
// prints what they saw as JSON on stdout (the same shape as read_back.py):
//   {"reader", "nodes": {kind: n}, "edges": {kind: n}, "graph_nodes", "graph_edges", "problems"}
//
// Usage: node read_back.js MODULES_DIR READER FILE
//   gexf-graphology     graphology-gexf's parse (Gephi's web sibling, sigma.js)
//   graphml-graphology  graphology-graphml's parse
//   cytoscape           Cytoscape.js run headless on the file's "elements"
// MODULES_DIR holds node_modules (scripts/install-node-readers.sh). Exit 3 when a module is
// missing, so the test skips.
'use strict';
const fs = require('fs');
const path = require('path');

const [modulesDir, reader, file] = process.argv.slice(2);
function load(name) {
  try {
    return require(path.resolve(modulesDir, 'node_modules', name));
  } catch (e) {
    process.exit(3);
  }
}

function count(values) {
  const out = {};
  for (const v of values) out[v] = (out[v] || 0) + 1;
  return out;
}

const text = fs.readFileSync(file, 'utf8');
const result = {reader, problems: []};
if (reader === 'gexf-graphology' || reader === 'graphml-graphology') {
  const Graph = load('graphology');
  const parser = load(reader === 'gexf-graphology' ? 'graphology-gexf' : 'graphology-graphml');
  const graph = parser.parse(Graph, text);
  const nodeKinds = [], edgeKinds = [];
  graph.forEachNode((key, attrs) => {
    nodeKinds.push(attrs.kind);
    if (reader === 'gexf-graphology') {
      // graphology-gexf puts viz:size, viz:color and viz:position in size, color, x, y.
      if (typeof attrs.size !== 'number' || typeof attrs.x !== 'number' || typeof attrs.color !== 'string')
        result.problems.push(`node ${key}: viz attributes missing`);
    }
    if (attrs.seen === undefined) result.problems.push(`node ${key}: no seen`);
  });
  graph.forEachEdge((key, attrs) => edgeKinds.push(attrs.kind));
  result.nodes = count(nodeKinds);
  result.edges = count(edgeKinds);
  result.graph_nodes = graph.order;
  result.graph_edges = graph.size;
  result.directed = graph.type === 'directed';
  result.multi = graph.multi;
} else if (reader === 'cytoscape') {
  const cytoscape = load('cytoscape');
  const doc = JSON.parse(text);
  const cy = cytoscape({headless: true, elements: doc.elements});
  result.nodes = count(cy.nodes().map((n) => n.data('kind')));
  result.edges = count(cy.edges().map((e) => e.data('kind')));
  result.graph_nodes = cy.nodes().length;
  result.graph_edges = cy.edges().length;
  cy.nodes().forEach((n) => {
    const p = n.position();
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) result.problems.push(`node ${n.id()}: no position`);
  });
  // Cytoscape.js drops an edge whose endpoint is unknown (with a console warning): compare
  // with what the file holds.
  if (result.graph_edges !== doc.elements.edges.length) result.problems.push('edges dropped by Cytoscape.js');
} else {
  console.error(`unknown reader ${reader}`);
  process.exit(2);
}
console.log(JSON.stringify(result));
