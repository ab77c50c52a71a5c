// Read a GraphML file the way graphology users do (graphology-graphml) and print what it got as JSON.
// Usage: node read_graphml.js FILE.graphml  (the export tests in tests/test_interop.py call it)
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const graphml = require("graphology-graphml");

const graph = graphml.parse(Graph, fs.readFileSync(process.argv[2], "utf-8"));
const out = {
  type: graph.type,
  multi: graph.multi,
  attributes: graph.getAttributes(),
  nodes: graph.mapNodes((id, attrs) => ({ id, attrs })),
  edges: graph.mapEdges((id, attrs, source, target, _s, _t, undirected) => ({ id, source, target, undirected, attrs })),
};
process.stdout.write(JSON.stringify(out));
