// The app's map stays mounted (issue 13). This page was drawn once from a base view; every
// later view is handed over by the app's bridge (mapData.receive, an update made by render.py's
// map_update) holding only what differs from the base, and is applied here in place:
// DataSet add/update/remove, setOptions, a new edge layer when the edges changed, and the
// heading, caption and legend through textContent. Nothing from the data becomes markup.
function sneLive(network, container, nodes, edges, nodeItems, baseLayer, tipsElement, options, shell, titlesElement) {
  var hideOnDrag = !!(options.interaction && options.interaction.hideEdgesOnDrag);
  var base = {nodes: toMap(nodeItems), edges: toMap(edges.get())};
  var shown = {nodes: new Map(base.nodes), edges: new Map(base.edges)};
  var baseIds = nodeItems.map(function (n) { return n.id; });
  var baseTips = null, layer = null, layerIsBase = false, applied = 0, framing = null;
  var currentOptions = JSON.stringify(options);

  function toMap(items) {
    var m = new Map();
    items.forEach(function (item) { m.set(item.id, item); });
    return m;
  }

  // The base as it reads in another language: the page carries the tooltips that differ there
  // (render.py's with_alt_titles), so a language switch is not sent every actor and relation again.
  var altTitles = null, baseIn = {};
  function baseFor(lang) {
    if (!lang || !titlesElement) { return base; }
    if (altTitles === null) { altTitles = JSON.parse(titlesElement.textContent); }
    if (!Object.prototype.hasOwnProperty.call(altTitles, lang)) { return base; }
    if (!baseIn[lang]) {
      baseIn[lang] = {nodes: retitled(base.nodes, altTitles[lang].nodes), edges: retitled(base.edges, altTitles[lang].edges)};
    }
    return baseIn[lang];
  }

  function retitled(items, titles) {
    var m = new Map();
    items.forEach(function (item, id) {
      m.set(id, Object.prototype.hasOwnProperty.call(titles, id) ? Object.assign({}, item, {title: titles[id]}) : item);
    });
    return m;
  }

  function tipsOfBase() {
    if (baseTips === null) { baseTips = tipsElement ? JSON.parse(tipsElement.textContent) : []; }
    return baseTips;
  }

  // An edge layer (edge_layer.js) whose listeners can be taken back, so a new view can draw its own.
  function useLayer(nodeIds, data, tips) {
    if (layer) { layer.dispose(); layer = null; }
    window.mapData.edgeLayer = undefined;
    if (!data) { return; }
    var onNetwork = [], onContainer = [], added = [];
    var net = new Proxy(network, {get: function (target, key) {
      if (key === "on") { return function (name, fn) { onNetwork.push([name, fn]); return target.on(name, fn); }; }
      var value = target[key];
      return typeof value === "function" ? value.bind(target) : value;
    }});
    var box = new Proxy(container, {get: function (target, key) {
      if (key === "addEventListener") {
        return function (name, fn, opts) { onContainer.push([name, fn, opts]); target.addEventListener(name, fn, opts); };
      }
      if (key === "appendChild") { return function (el) { added.push(el); return target.appendChild(el); }; }
      var value = target[key];
      return typeof value === "function" ? value.bind(target) : value;
    }});
    // Tooltips are read when first needed (on hover), as the layer reads its own.
    var source = {get textContent() { return JSON.stringify(tips()); }};
    layer = sneEdgeLayer(net, box, nodeIds, data, source, hideOnDrag);
    layer.dispose = function () {
      onNetwork.forEach(function (h) { network.off(h[0], h[1]); });
      onContainer.forEach(function (h) { container.removeEventListener(h[0], h[1], h[2]); });
      added.forEach(function (el) { if (el.parentNode) { el.parentNode.removeChild(el); } });
    };
    window.mapData.edgeLayer = layer;
  }

  // Make ``data`` (a DataSet) hold ``target``; ``now`` is what it holds. Returns whether ids came or went.
  function sync(data, target, now) {
    var remove = [], add = [], change = [];
    now.forEach(function (item, id) { if (!target.has(id)) { remove.push(id); } });
    target.forEach(function (item, id) {
      var old = now.get(id);
      if (old === undefined) {
        add.push(item);
      } else if (old !== item && JSON.stringify(old) !== JSON.stringify(item)) {
        if (JSON.stringify(Object.assign({}, old, {title: item.title})) === JSON.stringify(item)) {
          // Only the tooltip changed (a language switch): vis-network does less for less. (Other
          // fields go whole: a part of the scaling without the rest breaks vis-network's sizing.)
          change.push({id: id, title: item.title});
          return;
        }
        // A field the new item leaves out goes back to vis-network's default (null deletes it).
        var patch = Object.assign({}, item);
        Object.keys(old).forEach(function (k) { if (!(k in item)) { patch[k] = null; } });
        change.push(patch);
      }
    });
    if (remove.length) { data.remove(remove); }
    if (change.length) { data.update(change); }
    if (add.length) { data.add(add); }
    return remove.length > 0 || add.length > 0;
  }

  function wanted(from, set, drop) {
    var m = new Map(from);
    drop.forEach(function (id) { m.delete(id); });
    set.forEach(function (item) { m.set(item.id, item); });
    return m;
  }

  function setText(id, text) {
    var el = document.getElementById(id);
    if (!el) { return; }
    el.textContent = text || "";
    el.style.display = text ? "" : "none";
  }

  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }

  function entries(parent, items, mark) {
    var ul = add(parent, "ul");
    items.forEach(function (item) {
      var li = add(ul, "li");
      mark(li, item);
      li.appendChild(document.createTextNode(item.label));
    });
  }

  function glyph(li, color, text) {
    var span = add(li, "span", text);
    span.className = "glyph";
    span.style.color = color;
  }

  function legend(l) {
    var box = document.getElementById("legend");
    if (!box) { return; }
    while (box.firstChild) { box.removeChild(box.firstChild); }
    add(box, "summary", l.title);
    if (l.colors.length) { entries(box, l.colors, function (li, c) { glyph(li, c.color, "●"); }); }
    add(box, "h4", l.actors_title);
    entries(box, l.actors, function (li, a) { glyph(li, a.color, a.glyph); });
    add(box, "h4", l.relations_title);
    entries(box, l.relations, function (li, r) {
      var span = add(li, "span");
      span.className = "line";
      span.style.borderTopColor = r.color;
      span.style.borderTopStyle = r.dash;
    });
    var note = add(box, "p", l.note);
    note.style.fontSize = "11px";
    note.style.color = "#555";
  }

  // The zoom buttons' names, in the update's language (render.py's map_context: zoom_texts).
  function controls(texts) {
    if (!texts) { return; }
    ["zoom-in", "zoom-out", "zoom-fit"].forEach(function (id, i) {
      var button = document.getElementById(id);
      if (button) { button.title = texts[i]; button.setAttribute("aria-label", texts[i]); }
    });
    var group = document.getElementById("zoom");
    if (group) { group.setAttribute("aria-label", texts[3]); }
    container.setAttribute("aria-label", texts[4]);
  }

  function apply(u) {
    document.body.dataset.drawn = "false";
    // Options first: label sizes follow the scaling options (the focus's, not the whole map's),
    // and vis-network sizes a label by them only when its node's data changes.
    var opts = JSON.stringify(u.options);
    var optionsChanged = opts !== currentOptions;
    if (optionsChanged) {
      network.setOptions(u.options);
      currentOptions = opts;
    }
    var from = baseFor(u.titles);
    var nodesWanted = wanted(from.nodes, u.nodes, u.drop_nodes), edgesWanted = wanted(from.edges, u.edges, u.drop_edges);
    var nodesMoved = sync(nodes, nodesWanted, shown.nodes);
    shown.nodes = nodesWanted;
    sync(edges, edgesWanted, shown.edges);
    shown.edges = edgesWanted;
    if (u.layer === "base") {
      // The layer holds vis-network's node objects: a node that was removed and added again is a new one.
      if (!layerIsBase || nodesMoved) { useLayer(baseIds, baseLayer, tipsOfBase); }
      layerIsBase = true;
    } else {
      var tips = u.layer ? u.layer.tips : [];
      useLayer(u.layer ? u.layer.nodes : null, u.layer, function () {
        return tips.map(function (t) { return typeof t === "number" ? tipsOfBase()[t] : t; });
      });
      layerIsBase = false;
    }
    if (optionsChanged) {
      // Nodes the update left as they were are sized again by the new scaling (as vis-network
      // itself does after a data change).
      network.body.emitter.emit("_dataChanged");
    }
    setText("heading", u.heading);
    setText("caption", u.caption);
    document.documentElement.lang = u.lang;
    if (u.heading) { document.title = u.heading; }
    legend(u.legend);
    controls(u.controls);
    // Frame the map again only when what is shown (or what to frame) changed: a new colour keeps the zoom.
    var frame = JSON.stringify([u.opening, u.fit]);
    var refit = nodesMoved || frame !== framing;
    if (refit) {
      if (u.opening) {
        var o = u.opening;  // see map.html
        network.moveTo({position: {x: o[0], y: o[1]}, scale: o[2], animation: false});
      } else {
        sneFit(network, u.fit);
      }
      framing = frame;
    }
    sneLabels(network);  // a bigger map's labels, for the nodes this update set anew
    applied += 1;
    var view = applied;
    function drawn() {
      document.body.dataset.view = String(view);
      document.body.dataset.drawn = "true";
    }
    network.once("afterDrawing", function () {
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

  // The update last handed over, and what the same view changes in the other languages (its
  // "alt", offered after it by the app's page, ui/data.py's alternatives): with it a click on the
  // language control shows on the map at once, made here as render.py's in_language makes it.
  var received = null, receivedSeq = null, offered = null;
  function inLanguage(u, lang) {
    var alt = u && u.alt && u.alt[lang];
    if (!alt) { return null; }
    var out = Object.assign({}, u);
    delete out.alt;
    Object.keys(alt).forEach(function (k) { if (!/_titles$/.test(k)) { out[k] = alt[k]; } });
    ["nodes", "edges"].forEach(function (kind) {
      var titles = alt[kind + "_titles"];
      if (!titles) { return; }
      out[kind] = out[kind].map(function (item) {
        if (!Object.prototype.hasOwnProperty.call(titles, item.id)) { return item; }
        var titled = Object.assign({}, item, {title: titles[item.id]});
        if (titles[item.id] === null) { delete titled.title; }
        return titled;
      });
    });
    return out;
  }

  useLayer(baseLayer ? baseIds : null, baseLayer, tipsOfBase);
  layerIsBase = true;
  window.mapData.apply = apply;
  // Without the other language (a very big map, or not offered yet) the app's run brings it.
  window.mapData.switchLanguage = function (lang) {
    if (!received || document.documentElement.lang === lang) { return; }  // nothing held, or shown so already
    var u = received.lang === lang ? received : inLanguage(received, lang);
    if (u) { apply(u); }
  };
  // The app's page calls this directly (same origin): a posted message would wait behind every
  // message of the app's run still queued in the page, and the map would change after the sidebar.
  // Parsed here, so its objects are this page's own: vis-network tells objects by this window's
  // Object and Function, and one from the app's page breaks its scaling.
  window.mapData.receive = function (json, seq) {
    var update = JSON.parse(json);
    if (!update || update.shell !== shell) { return; }
    received = update;
    receivedSeq = seq === undefined ? null : seq;
    if (offered && offered.seq === receivedSeq) { received.alt = offered.alt; }
    apply(update);
  };
  // ``seq`` numbers the update the languages belong to; they may come before it.
  window.mapData.offer = function (json, seq) {
    offered = {seq: seq, alt: JSON.parse(json)};
    if (received && receivedSeq === seq) { received.alt = offered.alt; }
  };
  if (window.parent === window) {
    network.once("afterDrawing", function () { document.body.dataset.drawn = "true"; });
    return;
  }
  try { window.parent.postMessage({type: "sne-ready", shell: shell}, "*"); } catch (e) {}
}
