// Framing and zooming of the map (issue 23).
//
// sneFit fills the map's frame with the drawing (every actor's shape and label, or the path's or
// focus's when ``ids`` names them): vis-network's own fit leaves a tenth of the frame empty,
// misses the lower lines of a label, and never zooms in past 1. The legend, when open, lies over
// the map's right side: the drawing is fitted beside it. The wheel scrolls the page; the map zooms
// with its buttons, the keyboard (+, -, 0 when it has focus), Ctrl + wheel, or the wheel once the
// person has clicked into it (until the pointer leaves it).
// A view of a few actors is zoomed in until it fills the frame (labels grow, up to 6.5 times); a path
// or focus framed within the whole map stops sooner, so the actors around it stay in sight.
var SNE_MARGIN = 6, SNE_MAX_ZOOM = 6.5, SNE_MAX_ZOOM_IN_MAP = 2.2;

function sneBox(network, id) {
  var node = network.body.nodes[id];
  if (!node || !node.shape || !node.shape.boundingBox) { return null; }
  var b = node.shape.boundingBox, box = {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
  var label = node.labelModule, size = label && label.size;
  if (size && size.width && label.elementOptions.label) {
    // The label as drawn: vis-network's box ignores its lower lines and the lift (font.vadjust).
    var top = size.top + (label.fontOptions.vadjust || 0);
    box.left = Math.min(box.left, size.left);
    box.right = Math.max(box.right, size.left + size.width);
    box.bottom = Math.max(b.top + 2 * (node.options.size || 0), top + size.height);
  }
  return box;
}

function sneRange(network, list) {
  var range = null;
  list.forEach(function (id) {
    var b = sneBox(network, id);
    if (!b) { return; }
    if (!range) { range = {left: b.left, top: b.top, right: b.right, bottom: b.bottom}; return; }
    range.left = Math.min(range.left, b.left); range.top = Math.min(range.top, b.top);
    range.right = Math.max(range.right, b.right); range.bottom = Math.max(range.bottom, b.bottom);
  });
  return range;
}

function sneFit(network, ids) {
  var container = network.body.container;
  network.body.emitter.emit("_resizeNodes");  // label sizes and boxes, before the first draw too
  var part = !!(ids && ids.length > 1);
  var whole = sneRange(network, network.body.nodeIndices), range = part ? sneRange(network, ids) : whole;
  if (!range) { return; }
  var legend = document.getElementById("legend");
  var cover = legend && legend.open ? legend.offsetWidth : 0;
  var w = Math.max(container.clientWidth - cover, 50) - 2 * SNE_MARGIN, h = container.clientHeight - 2 * SNE_MARGIN;
  if (w <= 0 || h <= 0) { network.fit({animation: false}); return; }
  function zoomFor(r) { return Math.min(w / Math.max(r.right - r.left, 1), h / Math.max(r.bottom - r.top, 1)); }
  var wholeZoom = Math.min(zoomFor(whole), SNE_MAX_ZOOM), scale = wholeZoom;
  if (part) {
    // Never less than the whole view's zoom: a small view is filled, whatever it frames.
    scale = Math.min(zoomFor(range), Math.max(SNE_MAX_ZOOM_IN_MAP, wholeZoom));
    if (scale <= wholeZoom) { range = whole; }
  }
  // The centre of the part of the frame beside the legend, in map units.
  var shift = cover / 2 / scale;
  network.moveTo({
    position: {x: (range.left + range.right) / 2 + shift, y: (range.top + range.bottom) / 2},
    scale: scale,
    animation: false,
  });
  network.sneFramed = part ? ids : [];  // what to frame again (the zoom-fit button, a new frame size)
  network.sneMoved = false;
  sneLabels(network);
}

function sneControls(network, container) {
  sneLabelsOnZoom(network);
  function zoomBy(factor, at) {
    network.sneMoved = true;
    var scale = network.getScale() * factor;
    if (at) {
      // Keep the map point under the pointer where it is.
      var before = network.DOMtoCanvas(at);
      network.moveTo({scale: scale, animation: false});
      var after = network.DOMtoCanvas(at), view = network.getViewPosition();
      network.moveTo({position: {x: view.x + before.x - after.x, y: view.y + before.y - after.y}, scale: scale, animation: false});
    } else {
      network.moveTo({scale: scale, animation: false});
    }
    sneLabels(network);
  }
  document.getElementById("zoom-in").addEventListener("click", function () { zoomBy(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomBy(0.8); });
  document.getElementById("zoom-fit").addEventListener("click", function () { sneFit(network, network.sneFramed); });
  var legend = document.getElementById("legend");
  if (legend) { legend.addEventListener("toggle", function () { sneFit(network, network.sneFramed); }); }
  // The frame changes size (the window, the app's layout, the legend's heading): framed anew, unless the
  // person has zoomed or moved the map themselves.
  network.on("zoom", function () { network.sneMoved = true; });
  network.on("dragEnd", function (params) { if (!params.nodes.length) { network.sneMoved = true; } });
  if (window.ResizeObserver) {
    var last = [container.clientWidth, container.clientHeight];
    new ResizeObserver(function () {
      var now = [container.clientWidth, container.clientHeight];
      if (now[0] === last[0] && now[1] === last[1]) { return; }
      last = now;
      if (!network.sneMoved) { sneFit(network, network.sneFramed); }
    }).observe(container);
  }
  // Clicked into, the wheel zooms the map until the pointer leaves it.
  function zooming(on) {
    network.setOptions({interaction: {zoomView: on}});
    container.classList.toggle("zooming", on);
  }
  container.addEventListener("mousedown", function () { zooming(true); });
  container.addEventListener("mouseleave", function () { zooming(false); });
  container.addEventListener("wheel", function (ev) {
    if (!(ev.ctrlKey || ev.metaKey) || container.classList.contains("zooming")) { return; }
    ev.preventDefault();
    var rect = container.getBoundingClientRect();
    zoomBy(ev.deltaY < 0 ? 1.15 : 1 / 1.15, {x: ev.clientX - rect.left, y: ev.clientY - rect.top});
  }, {passive: false});
  // The map's own element takes the keyboard focus (Tab): +, - and 0 zoom it.
  container.addEventListener("keydown", function (ev) {
    if (ev.target && ev.target.tagName === "BUTTON") { return; }
    if (ev.key === "+" || ev.key === "=") { zoomBy(1.25); ev.preventDefault(); }
    if (ev.key === "-" || ev.key === "_") { zoomBy(0.8); ev.preventDefault(); }
    if (ev.key === "0") { sneFit(network, network.sneFramed); ev.preventDefault(); }
  });
  var frame = container.querySelector(".vis-network");
  if (frame) {
    frame.setAttribute("role", "application");
    frame.setAttribute("aria-label", container.getAttribute("aria-label") || "");
  }
}

// Maps over 80 actors (render.py's label_ranks): not every label can be 14 px at the fitted zoom.
// Labels are drawn at least 14 px on screen, in the order of their rank, each where it meets no
// label already drawn and no other actor's shape; a rank of SNE_MUST_LABEL or more (the path's or
// focus's actors and the 20 best connected) is always drawn. Zooming in, more find room. The
// caption says so. Runs after each framing and zoom.
var SNE_LABEL_PX = 14, SNE_MUST_LABEL = 1000, SNE_LABEL_LIFT = 5;
var sneMeasure = null;

function sneLabels(network) {
  var data = window.mapData && window.mapData.nodes;
  if (!data) { return; }
  var ranked = data.get({filter: function (n) { return typeof n.rank === "number"; }});
  if (!ranked.length) { return; }
  var kept = network.sneLabelText || (network.sneLabelText = {});
  // Each label's text and size as the page was given them (this function changes both).
  ranked.forEach(function (n) {
    if (n.label && (!kept[n.id] || kept[n.id].label !== n.label)) { kept[n.id] = {label: n.label, size: (n.font && n.font.size) || 14}; }
  });
  var scale = network.getScale();
  if (!sneMeasure) { sneMeasure = document.createElement("canvas").getContext("2d"); }
  var face = "Arial, Helvetica, sans-serif";
  var order = ranked.slice().sort(function (a, b) { return b.rank - a.rank || String(a.id).localeCompare(String(b.id)); });
  var shapes = network.body.nodeIndices.map(function (id) {
    var node = network.body.nodes[id], r = node.options.size || 0;
    return [id, node.x - r, node.y - r, node.x + r, node.y + r];
  });
  var meet = function (a, b) { return a[1] < b[3] && b[1] < a[3] && a[2] < b[4] && b[2] < a[4]; };
  var taken = [], updates = [], c = network.body.container;
  var a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
  var view = [a.x, a.y, b.x, b.y];  // the map units in sight: a label is placed inside them
  order.forEach(function (n) {
    var text = kept[n.id];
    if (!text) { return; }
    var base = text.size, size = Math.max(base, SNE_LABEL_PX / scale), node = network.body.nodes[n.id];
    if (!node) { return; }
    var lines = String(text.label).split("\n"), width = 0;
    sneMeasure.font = size + "px " + face;
    lines.forEach(function (line) { width = Math.max(width, sneMeasure.measureText(line).width); });
    // Under the shape (as the layout made room for), else over it: vis-network draws the label's top
    // at y + r + size / 2 + 4, and font.vadjust moves it.
    var r = node.options.size || 0, drawn = node.y + r + 0.5 * size + 4, height = lines.length * size;
    var tops = [drawn - SNE_LABEL_LIFT * size / base, node.y - r - 3 - height];
    var boxes = tops.map(function (top) { return [n.id, node.x - width / 2 - 1, top - 1, node.x + width / 2 + 1, top + height + 1]; });
    var clear = function (box) {
      return box[1] >= view[0] && box[2] >= view[1] && box[3] <= view[2] && box[4] <= view[3] && taken.every(function (t) { return !meet(box, t); }) && shapes.every(function (s) { return s[0] === n.id || !meet(box, s); });
    };
    var at = clear(boxes[0]) ? 0 : (clear(boxes[1]) ? 1 : -1);
    var show = at >= 0 || n.rank >= SNE_MUST_LABEL;
    if (at < 0) { at = 0; }
    if (show) { taken.push(boxes[at]); }
    var label = show ? text.label : "";
    var vadjust = show ? tops[at] - drawn : -SNE_LABEL_LIFT;
    var font = Object.assign({}, n.font || {}, {size: show ? size : base, vadjust: vadjust});
    if (n.label !== label || !n.font || n.font.size !== font.size || n.font.vadjust !== font.vadjust) {
      updates.push({id: n.id, label: label, font: font});
    }
  });
  if (updates.length) { data.update(updates); }
}

function sneLabelsOnZoom(network) {
  var pending = false;
  network.on("zoom", function () {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { pending = false; sneLabels(network); });
  });
}
