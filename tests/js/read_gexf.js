// Read a GEXF file the way Gephi Lite does (graphology-gexf) and print what it got as JSON.
// Usage: node read_gexf.js FILE.gexf  (the export tests in tests/test_interop.py call it)
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], "utf-8"));
const out = {
  type: graph.type,
  multi: graph.multi,
  attributes: graph.getAttributes(),
  nodes: graph.mapNodes((id, attrs) => ({ id, attrs })),
  edges: graph.mapEdges((id, attrs, source, target, _s, _t, undirected) => ({ id, source, target, undirected, attrs })),
};
process.stdout.write(JSON.stringify(out));
