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
}

function sneControls(network, container) {
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
