// The map as one Streamlit component (issue 26). Python hands it the view to show as its data
// (ui/map_panel.py's MapData: the view whole, how tall to be, whether the page presents); it
// hands back what the person does as trigger values: "selected" (an actor clicked), "moved"
// (actors dragged: {id: {x, y}}), "step" ("next"/"prev", arrow keys while presenting) and
// "escape" (Escape while the profile's drawer is open). It also answers the language control's
// "sne:language" event with the view in that language it was handed (data.others).
// Streamlit calls this function again whenever the data changes; the map drawn the first time
// stays (kept per mount in ``mounted``) and is given the new view.
//
// Put together by ui/map_panel.py after the vis-network library (``vis``) and
// network/presentation/templates: fit.js, edge_layer.js and live.js (``sneMap``).

const mounted = new WeakMap();
const STEPS = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev" };

function mount(parentElement) {
  const held = { trigger: null, presenting: false, map: null, height: "" };
  const doc = parentElement.ownerDocument || document;
  held.map = sneMap(vis, parentElement, {
    select: (id) => held.trigger("selected", id),
    moved: (positions) => held.trigger("moved", positions),
  });
  // The map fills the window below where it starts (a projector is 720 px high), and no less than
  // 420 px; worked out again when the window changes size.
  const size = () => {
    const top = held.map.wrap.getBoundingClientRect().top + (doc.scrollingElement ? doc.scrollingElement.scrollTop : 0);
    const free = (doc.defaultView ? doc.defaultView.innerHeight : 720) - Math.max(top, 0) - held.bottom;
    held.map.wrap.style.height = `${Math.max(held.minimum, Math.round(free))}px`;
  };
  held.size = size;
  const onResize = () => size();
  doc.defaultView.addEventListener("resize", onResize);
  // While presenting, arrow keys step through the slides wherever the focus is (but in a text
  // field); Escape closes the profile's drawer while it is open, as it would a dialog.
  const onKey = (event) => {
    if (event.key === "Escape" && held.escape) {
      held.trigger("escape", true);
      return;
    }
    if (!held.presenting || !STEPS[event.key]) {
      return;
    }
    const target = event.composedPath ? event.composedPath()[0] : event.target;
    const tag = target?.tagName || "";
    if (tag !== "INPUT" && tag !== "TEXTAREA") {
      held.trigger("step", STEPS[event.key]);
    }
  };
  doc.addEventListener("keydown", onKey);
  // The language control announces a choice (ui/components/language.js): the same view in that
  // language, handed over with this one, is shown at once; the app's run for it follows.
  const onLanguage = (event) => {
    const view = held.others && held.others[event.detail];
    if (view) {
      held.map.apply(view);
    }
  };
  doc.addEventListener("sne:language", onLanguage);
  held.dispose = () => {
    doc.defaultView.removeEventListener("resize", onResize);
    doc.removeEventListener("keydown", onKey);
    doc.removeEventListener("sne:language", onLanguage);
    held.map.dispose();
  };
  return held;
}

export default function (component) {
  const { parentElement, setTriggerValue } = component;
  const data = component.data[0];
  let held = mounted.get(parentElement);
  if (!held) {
    held = mount(parentElement);
    mounted.set(parentElement, held);
  }
  held.trigger = setTriggerValue;
  held.presenting = !!data.presenting;
  held.escape = !!data.escape;
  held.others = data.others;
  held.minimum = data.min_height;
  held.bottom = data.bottom_gap;
  held.map.wrap.style.display = data.view ? "" : "none";
  if (data.view) {
    held.size();
    held.map.apply(data.view);
    // Which server session drew it: a tab that outlived a server restart shows when the new one has run.
    window.network.sneSession = data.session;
  }
  return () => {
    held.dispose();
    mounted.delete(parentElement);
  };
}
