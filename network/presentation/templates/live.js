// The app's map (issue 26): one vis-network drawn in the map component's own root and kept from
// one view to the next. Every view arrives whole, as network/presentation/update.py's MapView,
// and is applied in place: DataSet add/update/remove of what differs from what is shown,
// setOptions, a new edge layer when the edges changed, and the heading, caption, legend and
// control names through textContent. Nothing from the data becomes markup.
//
// The vis-network instance is ``network`` on the window of the page that draws it: the one
// documented handle for browser tests and benchmarks. ``network.sneView`` counts the views
// drawn and ``network.sneDrawn`` is true once the newest one is on screen; ``network.sneSession``
// names the server session that sent it (ui/components/map.js).

// The map's skeleton (the same elements as templates/map.html, the exported page), built here so
// that no text reaches it as markup.
function sneSkeleton(root) {
  const make = (parent, tag, id) => {
    const el = document.createElement(tag);
    if (id) {
      el.id = id;
    }
    parent.appendChild(el);
    return el;
  };
  const wrap = make(root, "div", "wrap");
  const heading = make(wrap, "h1", "heading");
  heading.style.display = "none";
  const main = make(wrap, "div", "main");
  const container = make(main, "div", "mynetwork");
  const zoom = make(main, "div", "zoom");
  zoom.setAttribute("role", "group");
  [
    ["zoom-in", "+"],
    ["zoom-out", "\u2212"],
    ["zoom-fit", "\u2922"],
  ].forEach((b) => {
    const button = make(zoom, "button", b[0]);
    button.type = "button";
    button.textContent = b[1];
  });
  make(main, "details", "legend");
  const caption = make(wrap, "div", "caption");
  caption.style.display = "none";
  return { wrap: wrap, container: container };
}

// Draws views in ``root`` with ``vis`` (the vis-network library); ``on`` gets the person's clicks
// and drags: on.select(id), on.moved(positions).
function sneMap(vis, root, on) {
  const parts = sneSkeleton(root);
  const container = parts.container;
  const nodes = new vis.DataSet([]);
  const edges = new vis.DataSet([]);
  let network = null;
  const shown = { nodes: new Map(), edges: new Map() };
  let layer = null;
  let layerJson = null;
  let applied = 0;
  let framing = null;
  let currentOptions = null;

  function toMap(items) {
    const m = new Map();
    items.forEach((item) => {
      m.set(item.id, item);
    });
    return m;
  }

  function element(id) {
    return root.getElementById ? root.getElementById(id) : root.querySelector(`#${id}`);
  }

  // An edge layer (edge_layer.js) whose listeners can be taken back, so a new view can draw its own.
  function useLayer(data) {
    if (layer) {
      layer.dispose();
      layer = null;
    }
    network.sneEdgeLayer = undefined;
    if (!data) {
      return;
    }
    const onNetwork = [];
    const onContainer = [];
    const added = [];
    const net = new Proxy(network, {
      get: (target, key) => {
        if (key === "on") {
          return (name, fn) => {
            onNetwork.push([name, fn]);
            return target.on(name, fn);
          };
        }
        const value = target[key];
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const box = new Proxy(container, {
      get: (target, key) => {
        if (key === "addEventListener") {
          return (name, fn, opts) => {
            onContainer.push([name, fn, opts]);
            target.addEventListener(name, fn, opts);
          };
        }
        if (key === "appendChild") {
          return (el) => {
            added.push(el);
            return target.appendChild(el);
          };
        }
        const value = target[key];
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const tips = {
      get textContent() {
        return JSON.stringify(data.tips);
      },
    };
    const hideOnDrag = !!(currentOptions && JSON.parse(currentOptions).interaction)?.hideEdgesOnDrag;
    layer = sneEdgeLayer(net, box, data.nodes, data, tips, hideOnDrag);
    layer.dispose = () => {
      onNetwork.forEach((h) => {
        network.off(h[0], h[1]);
      });
      onContainer.forEach((h) => {
        container.removeEventListener(h[0], h[1], h[2]);
      });
      added.forEach((el) => {
        if (el.parentNode) {
          el.parentNode.removeChild(el);
        }
      });
    };
    network.sneEdgeLayer = layer;
  }

  // Make ``data`` (a DataSet) hold ``target``; ``now`` is what it holds. Returns whether ids came or went.
  function sync(data, target, now) {
    const remove = [];
    const add = [];
    const change = [];
    now.forEach((_item, id) => {
      if (!target.has(id)) {
        remove.push(id);
      }
    });
    target.forEach((item, id) => {
      const old = now.get(id);
      if (old === undefined) {
        add.push(item);
      } else if (JSON.stringify(old) !== JSON.stringify(item)) {
        if (JSON.stringify(Object.assign({}, old, { title: item.title })) === JSON.stringify(item)) {
          // Only the tooltip changed (a language switch): vis-network does less for less. (Other
          // fields go whole: a part of the scaling without the rest breaks vis-network's sizing.)
          change.push({ id: id, title: item.title });
          return;
        }
        // A field the new item leaves out goes back to vis-network's default (null deletes it).
        const patch = Object.assign({}, item);
        Object.keys(old).forEach((k) => {
          if (!(k in item)) {
            patch[k] = null;
          }
        });
        change.push(patch);
      }
    });
    if (remove.length) {
      data.remove(remove);
    }
    if (change.length) {
      data.update(change);
    }
    if (add.length) {
      data.add(add);
    }
    return remove.length > 0 || add.length > 0;
  }

  function setText(id, text) {
    const el = element(id);
    if (!el) {
      return;
    }
    el.textContent = text || "";
    el.style.display = text ? "" : "none";
  }

  function add(parent, tag, text) {
    const el = document.createElement(tag);
    if (text !== undefined) {
      el.textContent = text;
    }
    parent.appendChild(el);
    return el;
  }

  function entries(parent, items, mark) {
    const ul = add(parent, "ul");
    items.forEach((item) => {
      const li = add(ul, "li");
      mark(li, item);
      li.appendChild(document.createTextNode(item.label));
    });
  }

  function glyph(li, color, text) {
    const span = add(li, "span", text);
    span.className = "glyph";
    span.style.color = color;
  }

  function legend(l, open) {
    const box = element("legend");
    const was = box.open;
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    add(box, "summary", l.title);
    if (l.colors.length) {
      entries(box, l.colors, (li, c) => {
        glyph(li, c.color, "\u25cf");
      });
    }
    add(box, "h4", l.actors_title);
    entries(box, l.actors, (li, a) => {
      glyph(li, a.color, a.glyph);
    });
    add(box, "h4", l.relations_title);
    entries(box, l.relations, (li, r) => {
      const span = add(li, "span");
      span.className = "line";
      span.style.borderTopColor = r.color;
      span.style.borderTopStyle = r.dash;
    });
    const note = add(box, "p", l.note);
    note.style.fontSize = "11px";
    note.style.color = "#555";
    if (applied === 0) {
      box.open = open;
    } else {
      box.open = was;
    }
  }

  // The zoom buttons' names, in the view's language (render.py's map_context: zoom_texts).
  function controls(texts) {
    ["zoom-in", "zoom-out", "zoom-fit"].forEach((id, i) => {
      const button = element(id);
      button.title = texts[i];
      button.setAttribute("aria-label", texts[i]);
    });
    element("zoom").setAttribute("aria-label", texts[3]);
    container.setAttribute("aria-label", texts[4]);
    const frame = container.querySelector(".vis-network");
    if (frame) {
      frame.setAttribute("aria-label", texts[4]);
    }
  }

  function create(u) {
    currentOptions = JSON.stringify(u.options);
    network = new vis.Network(container, { nodes: nodes, edges: edges }, u.options);
    window.network = network; // the documented handle (see the top of this file)
    network.sneView = 0;
    network.sneDrawn = false;
    sneControls(network, container);
    network.on("click", (params) => {
      if (params.nodes.length) {
        on.select(String(params.nodes[0]));
      }
    });
    network.on("dragEnd", (params) => {
      if (params.nodes.length) {
        on.moved(network.getPositions(params.nodes));
      }
    });
  }

  function apply(u) {
    if (!network) {
      create(u);
    }
    network.sneDrawn = false;
    // Options first: label sizes follow the scaling options (the focus's, not the whole map's),
    // and vis-network sizes a label by them only when its node's data changes.
    const opts = JSON.stringify(u.options);
    const optionsChanged = opts !== currentOptions;
    if (optionsChanged) {
      network.setOptions(u.options);
      currentOptions = opts;
    }
    const nodesWanted = toMap(u.nodes);
    const edgesWanted = toMap(u.edges);
    const nodesMoved = sync(nodes, nodesWanted, shown.nodes);
    shown.nodes = nodesWanted;
    sync(edges, edgesWanted, shown.edges);
    shown.edges = edgesWanted;
    // The layer holds vis-network's node objects: a node that was removed and added again is a new one.
    const json = JSON.stringify(u.layer);
    if (json !== layerJson || nodesMoved) {
      useLayer(u.layer);
      layerJson = json;
    }
    if (optionsChanged) {
      // Nodes the update left as they were are sized again by the new scaling (as vis-network
      // itself does after a data change).
      network.body.emitter.emit("_dataChanged");
    }
    setText("heading", u.heading);
    setText("caption", u.caption);
    parts.wrap.lang = u.lang;
    legend(u.legend, u.legend_open);
    controls(u.controls);
    // Frame the map again only when what is shown (or what to frame) changed: a new colour keeps the zoom.
    const frame = JSON.stringify([u.opening, u.fit]);
    const refit = nodesMoved || frame !== framing;
    if (refit) {
      if (u.opening) {
        const o = u.opening;
        network.moveTo({ position: { x: o[0], y: o[1] }, scale: o[2], animation: false });
      } else {
        sneFit(network, u.fit);
      }
      framing = frame;
    }
    sneLabels(network); // a bigger map's labels, for the nodes this update set anew
    applied += 1;
    const view = applied;
    function drawn() {
      if (view !== applied) {
        return;
      }
      network.sneView = view;
      network.sneDrawn = true;
    }
    network.once("afterDrawing", () => {
      if (refit && !u.opening && !network.sneMoved && view === applied) {
        // vis-network sizes the labels and indexes the nodes it shows as it draws: a fit worked out
        // before that could use the previous view's extent (the focus drawn at the whole map's zoom).
        sneFit(network, u.fit);
        sneLabels(network);
        network.once("afterDrawing", drawn);
        network.redraw();
        return;
      }
      drawn();
    });
    network.redraw();
  }

  function dispose() {
    if (layer) {
      layer.dispose();
    }
    if (network) {
      network.destroy();
      if (window.network === network) {
        window.network = undefined;
      }
    }
    parts.wrap.remove();
  }

  return { apply: apply, dispose: dispose, wrap: parts.wrap };
}
