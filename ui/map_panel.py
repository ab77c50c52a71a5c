"""The map, which stays mounted, and the bridge between it and Python (issue 13).

The map's frame holds one page per data version, mode and language (``data.shell``): its
``srcdoc`` stays the same from one run to the next, so the browser keeps the page and its
vis-network. What a view changes (``data.update``) goes as the bridge's ``data``; the
bridge runs in the app's page and posts it to the map's frame, which applies it in place
(templates/live.js). The other way, the bridge brings a click on a node (or an arrow key)
back to Python as a trigger value.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

from network import vocabulary as vocab

from . import data, keys

# The language the map's page was made in, kept for the session: a language switch then
# updates the page's texts in place instead of loading a page in the other language.
_SHELL_LANG = "_map_shell_lang"

# Forwards a click on a map node (posted by the map's iframe) to Python as a trigger value.
# Also forwards arrow keys (from the page or the map) as "next"/"prev" for presentation mode.
# And the other way: hands the view to show (its data) to the map's frame, now and whenever
# the frame (re)loads and asks for it ("sne-ready").
# Shared by the bridge and the sections' pushers: the newest update wins (seq), and a new session
# in the same tab (a server restart, a laptop asleep longer than Streamlit keeps a session)
# counts from 1 again; ``sendAll`` hands the kept update to the map's frames (srcdoc pages: same
# origin). Handed over directly: a posted message would wait behind the rest of the app's run
# still queued in the page, and the map would change after the sidebar. As JSON, so that the map's
# page makes its own objects of it. A frame whose page has not run yet asks for it when it has.
_NEWEST_JS = """
  const mapOf = (target) => { try { return target && target.mapData; } catch (e) { return null; } };
  const offer = (target) => {
    const held = window.__sneMapAlt, map = mapOf(target);
    if (!held || !map || !map.offer || held[2] !== window.__sneMapSession) return;
    try { map.offer(JSON.stringify(held[0]), held[1]); } catch (e) { console.error(e); }
  };
  const send = (target) => {
    const update = window.__sneMapUpdate, map = mapOf(target);
    if (!update || !map || !map.receive) return;
    try { map.receive(JSON.stringify(update), window.__sneMapSeq); } catch (e) { console.error(e); }
    offer(target);  // the update's other languages, when they came first
  };
  const frames = () => Array.from(document.querySelectorAll("iframe[srcdoc]"), (frame) => frame.contentWindow);
  const sendAll = () => frames().forEach(send);
  const keepNewest = (data) => {
    const [update, seq, session] = Array.isArray(data) ? data : [null, 0, ""];
    if (window.__sneMapSession !== session) { window.__sneMapSession = session; window.__sneMapSeq = 0; }
    if (window.__sneMapSeq && seq < window.__sneMapSeq) return false;
    window.__sneMapUpdate = update || null;
    window.__sneMapSeq = seq || 0;
    return true;
  };
"""
_BRIDGE_JS = (
    f"""
const LANG_CONTROL = {json.dumps(".st-key-" + keys.widget("lang"))};
const LANGUAGES = {json.dumps(list(vocab.LANGUAGES))};  // in the order the control shows them
"""
    + """
export default function (component) {
  const { setTriggerValue, data } = component;
  const step = (key) => {
    if (key === "ArrowRight" || key === "PageDown") setTriggerValue("step", "next");
    if (key === "ArrowLeft" || key === "PageUp") setTriggerValue("step", "prev");
  };
"""
    + _NEWEST_JS
    + """
  keepNewest(data);
  if (window.__sneBridge) window.removeEventListener("message", window.__sneBridge);
  if (window.__sneKeys) window.removeEventListener("keydown", window.__sneKeys);
  window.__sneBridge = (event) => {
    const msg = event.data;
    if (msg && msg.type === "sne-select" && typeof msg.id === "string") setTriggerValue("selected", msg.id);
    if (msg && msg.type === "sne-key") step(msg.key);
    if (msg && msg.type === "sne-moved" && msg.positions) setTriggerValue("moved", JSON.stringify(msg.positions));
    if (msg && msg.type === "sne-ready") send(event.source);
  };
  window.__sneKeys = (event) => {
    const tag = (event.target && event.target.tagName) || "";
    if (tag !== "INPUT" && tag !== "TEXTAREA") step(event.key);
  };
  window.addEventListener("message", window.__sneBridge);
  window.addEventListener("keydown", window.__sneKeys);
  // A language chosen shows on the map at once: the map's page makes the view in that language
  // from the update it holds (its "alt"), while the app's run for it has yet to come. The control
  // marks the choice at once, whether clicked or chosen by the keyboard (as fast as the click
  // itself, measured).
  const switchTo = (button) => {
    const control = button && button.closest(LANG_CONTROL);
    if (!control) return;
    const lang = LANGUAGES[Array.from(control.querySelectorAll("button[role=radio]")).indexOf(button)];
    if (!lang) return;
    frames().forEach((target) => {
      const map = mapOf(target);
      try { if (map && map.switchLanguage) map.switchLanguage(lang); } catch (e) { console.error(e); }
    });
  };
  if (window.__sneLangMarked) window.__sneLangMarked.disconnect();
  window.__sneLangMarked = new MutationObserver((changes) => changes.forEach((change) => {
    if (change.target.getAttribute("aria-checked") === "true") switchTo(change.target);
  }));
  window.__sneLangMarked.observe(document.body, {subtree: true, attributes: true, attributeFilter: ["aria-checked"]});
  sendAll();  // a frame not loaded yet asks when it is ("sne-ready")
}
"""
)
_bridge = st.components.v2.component("sne_map_bridge", js=_BRIDGE_JS)

# Posts a view's update to the map's frame from a sidebar section's own run (a fragment rerun,
# which leaves the bridge as it is).
_PUSH_JS = (
    """
export default function (component) {
  const { data } = component;
"""
    + _NEWEST_JS
    + """
  if (keepNewest(data)) sendAll();
}
"""
)
_pusher = st.components.v2.component("sne_map_push", js=_PUSH_JS)


# Hands the map the same view in its other languages (data.alternatives), from the end of the
# run: worked out after the map's update has gone, so that the map does not wait for it. Kept with the
# number of the update it belongs to; the map's page takes it for that update only.
_OFFER_JS = (
    """
export default function (component) {
  const { data } = component;
"""
    + _NEWEST_JS
    + """
  const [alt, seq, session] = Array.isArray(data) ? data : [null, 0, ""];
  if (!alt) return;
  window.__sneMapAlt = [alt, seq, session];
  frames().forEach(offer);
}
"""
)
_offerer = st.components.v2.component("sne_map_languages", js=_OFFER_JS)


def offer_languages(place: str, folder: str, stamp: data.Stamp, state_json: str, lang: str) -> None:
    """After the map's update of this run: the view in the map's other languages (see ``_OFFER_JS``)."""
    alt = data.alternatives(folder, stamp, state_json, shell_lang_of(lang))
    seq, session = st.session_state.get(keys.MAP_SEQ, 0), st.session_state.get(keys.MAP_SESSION, "")
    _offerer(key=f"map_languages_{place}", data=[alt or None, seq, session], height=0)


def _seq() -> tuple[int, str]:
    import uuid

    n = st.session_state.get(keys.MAP_SEQ, 0) + 1
    st.session_state[keys.MAP_SEQ] = n
    return n, st.session_state.setdefault(keys.MAP_SESSION, uuid.uuid4().hex)


def push(name: str, update: dict) -> None:
    """Send ``update`` to the map from the section ``name``'s own run."""
    _pusher(key=f"map_push_{name}", data=[update, *_seq()], height=0)


def bridge(on_selected=lambda: None, on_step=lambda: None, update: dict | None = None) -> None:
    _bridge(
        key=keys.MAP_BRIDGE,
        # A list, not a dict: Streamlit looks for data frames in a dict's values, which imports
        # pandas (0.8 s of the first start) to find none.
        data=[update, *_seq()],
        on_selected_change=on_selected,
        on_step_change=on_step,
        on_moved_change=record_moves,
        height=0,
    )


def record_moves() -> None:
    """Keep where the user dragged actors to, until they keep or forget those positions."""
    import json

    raw = bridge_value("moved")
    try:
        moved = json.loads(raw) if raw else {}
    except ValueError:
        return
    pending = dict(st.session_state.get(keys.MOVED) or {})
    for actor, at in moved.items() if isinstance(moved, dict) else []:
        if isinstance(at, dict) and isinstance(at.get("x"), int | float) and isinstance(at.get("y"), int | float):
            pending[str(actor)] = (float(at["x"]), float(at["y"]))
    st.session_state[keys.MOVED] = pending


def bridge_value(name: str) -> str | None:
    return (st.session_state.get(keys.MAP_BRIDGE) or {}).get(name)


def select_from_map() -> None:
    value = bridge_value("selected")
    if value and str(value).startswith("group:"):
        # Clicking a group in the overview opens it into its actors.
        opened = list(st.session_state.get(keys.widget("expanded")) or [])
        if value not in opened:
            st.session_state[keys.widget("expanded")] = [*opened, value]
    elif value:
        st.session_state[keys.PROFILE_ACTOR] = value
        st.session_state[keys.PANEL] = "profile"  # the panel under the map shows it


def shell_lang_of(lang: str) -> str:
    """The language the session's map page was made in (a language switch updates its texts in place)."""
    return st.session_state.setdefault(_SHELL_LANG, lang)


def live(
    folder: str,
    stamp: data.Stamp,
    state_json: str,
    lang: str,
    *,
    height: int,
    presenting: bool = False,
    on_selected: Callable[[], None] = lambda: None,
    on_step: Callable[[], None] = lambda: None,
) -> None:
    """The map of the view ``state_json``, kept mounted: the same page, updated in place."""
    shell_lang = shell_lang_of(lang)
    _, _, page = data.shell(folder, stamp, presenting, shell_lang)
    st.iframe(page, height=height)
    bridge(on_selected, on_step, data.update(folder, stamp, state_json, presenting, shell_lang))
