// Big maps: the edges are drawn here, as plain canvas lines under vis-network's nodes,
// instead of as vis-network edges (an object each, which made up most of the first draw).
// One line per pair of actors (unless every claim is shown): a style's width grows with the
// claims it holds, "back" puts an arrow at the source end. Same look (colour, dashes, arrows, width), follows dragged nodes, thick black edges at
// a selected node, and the same tooltips, shown on hover. Text only reaches the page
// through textContent.
function sneEdgeLayer(network, container, nodeIds, layer, tipsElement, hideOnDrag) {
  const flat = layer.edges,
    styles = layer.styles,
    count = flat.length / 3;
  const bodyNodes = network.body.nodes;
  const ends = nodeIds.map((id) => bodyNodes[id]);
  const indexOf = {};
  nodeIds.forEach((id, i) => {
    indexOf[id] = i;
  });
  const byStyle = styles.map(() => []);
  for (let i = 0; i < count; i++) {
    byStyle[flat[3 * i + 2]].push(i);
  }
  // Commonest relation types first, so rare ones are not buried under them.
  const order = styles.map((_, s) => s).sort((s, r) => byStyle[r].length - byStyle[s].length || s - r);
  // vis-network's default edge width, its extra width when selected, and its arrow length at scaleFactor 0.6.
  const WIDTH = 1,
    SELECTED = WIDTH + 2,
    ARROW = 0.6 * 15 + 3 * WIDTH;
  let tips = null,
    dragging = false;

  function radius(node) {
    return (node.options.size || 18) + (node.options.borderWidth || 1);
  }

  function addArrow(ctx, a, b) {
    let dx = b.x - a.x,
      dy = b.y - a.y,
      d = Math.sqrt(dx * dx + dy * dy);
    if (d <= radius(b) + ARROW) {
      return;
    }
    dx /= d;
    dy /= d;
    const tx = b.x - dx * radius(b),
      ty = b.y - dy * radius(b),
      px = -dy * ARROW * 0.3,
      py = dx * ARROW * 0.3;
    ctx.moveTo(tx, ty);
    ctx.lineTo(tx - dx * ARROW + px, ty - dy * ARROW + py);
    ctx.lineTo(tx - dx * ARROW * 0.9, ty - dy * ARROW * 0.9);
    ctx.lineTo(tx - dx * ARROW - px, ty - dy * ARROW - py);
    ctx.closePath();
  }

  function stroke(ctx, list, color, dashes, arrows, width) {
    ctx.beginPath();
    for (let j = 0; j < list.length; j++) {
      const a = ends[flat[3 * list[j]]],
        b = ends[flat[3 * list[j] + 1]];
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.lineWidth = width;
    ctx.strokeStyle = color;
    ctx.setLineDash(dashes === "dotted" ? [2, 5] : dashes ? [5, 5] : []);
    ctx.stroke();
    if (!arrows) {
      return;
    }
    ctx.beginPath();
    for (let k = 0; k < list.length; k++) {
      const st = styles[flat[3 * list[k] + 2]],
        a = ends[flat[3 * list[k]]],
        b = ends[flat[3 * list[k] + 1]];
      if (st.arrow) {
        addArrow(ctx, a, b);
      }
      if (st.back) {
        addArrow(ctx, b, a);
      }
    }
    ctx.fillStyle = color;
    ctx.fill();
  }

  network.on("beforeDrawing", (ctx) => {
    if (dragging && hideOnDrag) {
      return;
    } // as vis-network does with hideEdgesOnDrag
    const scale = network.getScale();
    const hairline = 0.3 / scale; // the thinnest line vis-network draws when zoomed far out
    const arrows = ARROW * scale >= 3; // smaller than 3 pixels an arrow head is noise
    ctx.save();
    order.forEach((s) => {
      if (byStyle[s].length) {
        stroke(ctx, byStyle[s], styles[s].color, styles[s].dashes, arrows, Math.max(styles[s].width || WIDTH, hairline));
      }
    });
    const selected = network.getSelectedNodes().map((id) => indexOf[id]);
    if (selected.length) {
      const at = {},
        touching = [];
      selected.forEach((i) => {
        at[i] = true;
      });
      for (let i = 0; i < count; i++) {
        if (at[flat[3 * i]] || at[flat[3 * i + 1]]) {
          touching.push(i);
        }
      }
      stroke(ctx, touching, "#000000", false, arrows, Math.max(SELECTED, hairline));
    }
    ctx.restore();
  });

  // Tooltips: the edges under the pointer (all of them, for parallel relations), after a pause.
  const tip = document.createElement("div");
  tip.className = "vis-tooltip sne-edge-tooltip";
  tip.style.visibility = "hidden";
  container.appendChild(tip);
  // Not over an actor or a vis-network edge (a highlighted path): those show vis-network's own tooltip.
  let overItem = 0,
    timer = null,
    pointer = null;

  function hide() {
    tip.style.visibility = "hidden";
  }

  function edgesAt(x, y) {
    let p = network.DOMtoCanvas({ x: x, y: y }),
      tolerance = 6 / network.getScale(),
      hits = [],
      best = Infinity;
    for (let i = 0; i < count; i++) {
      const a = ends[flat[3 * i]],
        b = ends[flat[3 * i + 1]];
      const dx = b.x - a.x,
        dy = b.y - a.y,
        len2 = dx * dx + dy * dy;
      const u = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
      const ex = a.x + u * dx - p.x,
        ey = a.y + u * dy - p.y,
        d = Math.sqrt(ex * ex + ey * ey);
      if (d <= tolerance) {
        hits.push([d, i]);
        best = Math.min(best, d);
      }
    }
    // The nearest edge, and any drawn on top of it (parallel relations between one pair).
    return hits
      .filter((h) => h[0] <= best + 0.5 / network.getScale())
      .sort((g, h) => g[1] - h[1])
      .slice(0, 5)
      .map((h) => h[1]);
  }

  function tipText(i) {
    if (tips === null) {
      tips = JSON.parse(tipsElement.textContent);
    }
    return tips[i];
  }

  function show() {
    timer = null;
    if (overItem > 0 || dragging || pointer === null) {
      return;
    }
    const hits = edgesAt(pointer.x, pointer.y);
    if (!hits.length) {
      return;
    }
    tip.style.left = "0px"; // measured where nothing squeezes it
    tip.style.top = "0px";
    tip.textContent = hits.map(tipText).join("\n\n");
    // Beside the pointer, but inside the map: flip to the other side where it would spill over.
    let x = pointer.x + 12,
      y = pointer.y + 12,
      w = tip.offsetWidth,
      h = tip.offsetHeight;
    if (x + w > container.clientWidth) {
      x = Math.max(0, pointer.x - 12 - w);
    }
    if (y + h > container.clientHeight) {
      y = Math.max(0, pointer.y - 12 - h);
    }
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
    tip.style.visibility = "visible";
  }

  container.addEventListener("mousemove", (ev) => {
    const r = container.getBoundingClientRect();
    pointer = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    hide();
    if (timer !== null) {
      clearTimeout(timer);
    }
    timer = setTimeout(show, 120);
  });
  container.addEventListener("mouseleave", () => {
    pointer = null;
    hide();
  });
  network.on("hoverNode", () => {
    overItem += 1;
    hide();
  });
  network.on("hoverEdge", () => {
    overItem += 1;
    hide();
  });
  network.on("blurNode", () => {
    overItem = Math.max(0, overItem - 1);
  });
  network.on("blurEdge", () => {
    overItem = Math.max(0, overItem - 1);
  });
  network.on("dragStart", () => {
    dragging = true;
    hide();
  });
  network.on("dragEnd", () => {
    dragging = false;
    network.redraw();
  });
  network.on("zoom", hide);

  return {
    count: count,
    tooltip: tipText,
    ends: (i) => [nodeIds[flat[3 * i]], nodeIds[flat[3 * i + 1]]],
    style: (i) => styles[flat[3 * i + 2]],
    at: edgesAt,
  };
}
