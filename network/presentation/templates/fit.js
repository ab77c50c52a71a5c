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
const SNE_MARGIN = 6,
  SNE_MAX_ZOOM = 6.5,
  SNE_MAX_ZOOM_IN_MAP = 2.2,
  // A path or focus is zoomed into only when that draws it at least this much bigger than the whole
  // view would: a small view (a slide of nine actors) stays whole, every actor in sight.
  SNE_PART_GAIN = 1.5;

// An element of the map's page (the app's map component draws it in the app's document, an
// exported page in its own).
function sneElement(network, id) {
  const root = network.body.container.getRootNode();
  return root?.getElementById ? root.getElementById(id) : document.getElementById(id);
}

function sneBox(network, id) {
  const node = network.body.nodes[id];
  if (!node?.shape?.boundingBox) {
    return null;
  }
  const b = node.shape.boundingBox,
    box = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
  const label = node.labelModule,
    size = label?.size;
  if (size?.width && label.elementOptions.label) {
    // The label as drawn: vis-network's box ignores its lower lines and the lift (font.vadjust).
    const top = size.top + (label.fontOptions.vadjust || 0);
    box.left = Math.min(box.left, size.left);
    box.right = Math.max(box.right, size.left + size.width);
    box.bottom = Math.max(b.top + 2 * (node.options.size || 0), top + size.height);
  }
  return box;
}

function sneRange(network, list) {
  let range = null;
  list.forEach((id) => {
    const b = sneBox(network, id);
    if (!b) {
      return;
    }
    if (!range) {
      range = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      return;
    }
    range.left = Math.min(range.left, b.left);
    range.top = Math.min(range.top, b.top);
    range.right = Math.max(range.right, b.right);
    range.bottom = Math.max(range.bottom, b.bottom);
  });
  return range;
}

function sneFit(network, ids) {
  const container = network.body.container;
  network.body.emitter.emit("_resizeNodes"); // label sizes and boxes, before the first draw too
  const part = !!(ids && ids.length > 1);
  let whole = sneRange(network, network.body.nodeIndices),
    range = part ? sneRange(network, ids) : whole;
  if (!range) {
    return;
  }
  const legend = sneElement(network, "legend");
  const cover = legend?.open ? legend.offsetWidth : 0;
  const w = Math.max(container.clientWidth - cover, 50) - 2 * SNE_MARGIN,
    h = container.clientHeight - 2 * SNE_MARGIN;
  if (w <= 0 || h <= 0) {
    network.fit({ animation: false });
    return;
  }
  function zoomFor(r) {
    return Math.min(w / Math.max(r.right - r.left, 1), h / Math.max(r.bottom - r.top, 1));
  }
  let wholeZoom = Math.min(zoomFor(whole), SNE_MAX_ZOOM),
    scale = wholeZoom;
  if (part) {
    // Never less than the whole view's zoom: a small view is filled, whatever it frames.
    scale = Math.min(zoomFor(range), Math.max(SNE_MAX_ZOOM_IN_MAP, wholeZoom));
    if (scale < wholeZoom * SNE_PART_GAIN) {
      range = whole;
      scale = wholeZoom;
    }
  }
  // The centre of the part of the frame beside the legend, in map units.
  const shift = cover / 2 / scale;
  network.moveTo({
    position: { x: (range.left + range.right) / 2 + shift, y: (range.top + range.bottom) / 2 },
    scale: scale,
    animation: false,
  });
  network.sneFramed = part ? ids : []; // what to frame again (the zoom-fit button, a new frame size)
  network.sneMoved = false;
  sneLabels(network);
}

function sneControls(network, container) {
  sneLabelsOnZoom(network);
  function zoomBy(factor, at) {
    network.sneMoved = true;
    const scale = network.getScale() * factor;
    if (at) {
      // Keep the map point under the pointer where it is.
      const before = network.DOMtoCanvas(at);
      network.moveTo({ scale: scale, animation: false });
      const after = network.DOMtoCanvas(at),
        view = network.getViewPosition();
      network.moveTo({
        position: { x: view.x + before.x - after.x, y: view.y + before.y - after.y },
        scale: scale,
        animation: false,
      });
    } else {
      network.moveTo({ scale: scale, animation: false });
    }
    sneLabels(network);
  }
  sneElement(network, "zoom-in").addEventListener("click", () => {
    zoomBy(1.25);
  });
  sneElement(network, "zoom-out").addEventListener("click", () => {
    zoomBy(0.8);
  });
  sneElement(network, "zoom-fit").addEventListener("click", () => {
    sneFit(network, network.sneFramed);
  });
  const legend = sneElement(network, "legend");
  if (legend) {
    legend.addEventListener("toggle", () => {
      sneFit(network, network.sneFramed);
    });
  }
  // The frame changes size (the window, the app's layout, the legend's heading): framed anew, unless the
  // person has zoomed or moved the map themselves.
  network.on("zoom", () => {
    network.sneMoved = true;
  });
  network.on("dragEnd", (params) => {
    if (!params.nodes.length) {
      network.sneMoved = true;
    }
  });
  if (window.ResizeObserver) {
    let last = [container.clientWidth, container.clientHeight];
    new ResizeObserver(() => {
      const now = [container.clientWidth, container.clientHeight];
      if (now[0] === last[0] && now[1] === last[1]) {
        return;
      }
      last = now;
      if (!network.sneMoved) {
        sneFit(network, network.sneFramed);
      }
    }).observe(container);
  }
  // Clicked into, the wheel zooms the map until the pointer leaves it.
  function zooming(on) {
    network.setOptions({ interaction: { zoomView: on } });
    container.classList.toggle("zooming", on);
  }
  container.addEventListener("mousedown", () => {
    zooming(true);
  });
  container.addEventListener("mouseleave", () => {
    zooming(false);
  });
  container.addEventListener(
    "wheel",
    (ev) => {
      if (!(ev.ctrlKey || ev.metaKey) || container.classList.contains("zooming")) {
        return;
      }
      ev.preventDefault();
      const rect = container.getBoundingClientRect();
      zoomBy(ev.deltaY < 0 ? 1.15 : 1 / 1.15, { x: ev.clientX - rect.left, y: ev.clientY - rect.top });
    },
    { passive: false },
  );
  // The map's own element takes the keyboard focus (Tab): +, - and 0 zoom it.
  container.addEventListener("keydown", (ev) => {
    if (ev.target && ev.target.tagName === "BUTTON") {
      return;
    }
    if (ev.key === "+" || ev.key === "=") {
      zoomBy(1.25);
      ev.preventDefault();
    }
    if (ev.key === "-" || ev.key === "_") {
      zoomBy(0.8);
      ev.preventDefault();
    }
    if (ev.key === "0") {
      sneFit(network, network.sneFramed);
      ev.preventDefault();
    }
  });
  const frame = container.querySelector(".vis-network");
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
const SNE_LABEL_PX = 14,
  SNE_MUST_LABEL = 1000,
  SNE_LABEL_LIFT = 5;
let sneMeasure = null;

function sneLabels(network) {
  const data = network.body.data.nodes;
  if (!data) {
    return;
  }
  const ranked = data.get({ filter: (n) => typeof n.rank === "number" });
  if (!ranked.length) {
    return;
  }
  if (!network.sneLabelText) {
    network.sneLabelText = {};
  }
  const kept = network.sneLabelText;
  // Each label's text and size as the page was given them (this function changes both).
  ranked.forEach((n) => {
    if (n.label && (!kept[n.id] || kept[n.id].label !== n.label)) {
      kept[n.id] = { label: n.label, size: n.font?.size || 14 };
    }
  });
  const scale = network.getScale();
  if (!sneMeasure) {
    sneMeasure = document.createElement("canvas").getContext("2d");
  }
  const face = "Arial, Helvetica, sans-serif";
  const order = ranked.slice().sort((a, b) => b.rank - a.rank || String(a.id).localeCompare(String(b.id)));
  const shapes = network.body.nodeIndices.map((id) => {
    const node = network.body.nodes[id],
      r = node.options.size || 0;
    return [id, node.x - r, node.y - r, node.x + r, node.y + r];
  });
  const meet = (a, b) => a[1] < b[3] && b[1] < a[3] && a[2] < b[4] && b[2] < a[4];
  const taken = [],
    updates = [],
    c = network.body.container;
  const a = network.DOMtoCanvas({ x: 0, y: 0 }),
    b = network.DOMtoCanvas({ x: c.clientWidth, y: c.clientHeight });
  const view = [a.x, a.y, b.x, b.y]; // the map units in sight: a label is placed inside them
  order.forEach((n) => {
    const text = kept[n.id];
    if (!text) {
      return;
    }
    const base = text.size,
      size = Math.max(base, SNE_LABEL_PX / scale),
      node = network.body.nodes[n.id];
    if (!node) {
      return;
    }
    let lines = String(text.label).split("\n"),
      width = 0;
    sneMeasure.font = `${size}px ${face}`;
    lines.forEach((line) => {
      width = Math.max(width, sneMeasure.measureText(line).width);
    });
    // Under the shape (as the layout made room for), else over it: vis-network draws the label's top
    // at y + r + size / 2 + 4, and font.vadjust moves it.
    const r = node.options.size || 0,
      drawn = node.y + r + 0.5 * size + 4,
      height = lines.length * size;
    const tops = [drawn - (SNE_LABEL_LIFT * size) / base, node.y - r - 3 - height];
    const boxes = tops.map((top) => [n.id, node.x - width / 2 - 1, top - 1, node.x + width / 2 + 1, top + height + 1]);
    const clear = (box) =>
      box[1] >= view[0] &&
      box[2] >= view[1] &&
      box[3] <= view[2] &&
      box[4] <= view[3] &&
      taken.every((t) => !meet(box, t)) &&
      shapes.every((s) => s[0] === n.id || !meet(box, s));
    let at = clear(boxes[0]) ? 0 : clear(boxes[1]) ? 1 : -1;
    const show = at >= 0 || n.rank >= SNE_MUST_LABEL;
    if (at < 0) {
      at = 0;
    }
    if (show) {
      taken.push(boxes[at]);
    }
    const label = show ? text.label : "";
    const vadjust = show ? tops[at] - drawn : -SNE_LABEL_LIFT;
    const font = Object.assign({}, n.font || {}, { size: show ? size : base, vadjust: vadjust });
    if (n.label !== label || !n.font || n.font.size !== font.size || n.font.vadjust !== font.vadjust) {
      updates.push({ id: n.id, label: label, font: font });
    }
  });
  if (updates.length) {
    data.update(updates);
  }
}

function sneLabelsOnZoom(network) {
  let pending = false;
  network.on("zoom", () => {
    if (pending) {
      return;
    }
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      sneLabels(network);
    });
  });
}
