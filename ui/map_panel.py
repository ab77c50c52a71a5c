"""The map, and the bridge that brings a click on a node (or an arrow key) back to Python."""

from __future__ import annotations

import streamlit as st

from . import keys

# Forwards a click on a map node (posted by the map's iframe) to Python as a trigger value.
# Also forwards arrow keys (from the page or the map) as "next"/"prev" for presentation mode.
_BRIDGE_JS = """
export default function (component) {
  const { setTriggerValue } = component;
  const step = (key) => {
    if (key === "ArrowRight" || key === "PageDown") setTriggerValue("step", "next");
    if (key === "ArrowLeft" || key === "PageUp") setTriggerValue("step", "prev");
  };
  if (window.__sneBridge) window.removeEventListener("message", window.__sneBridge);
  if (window.__sneKeys) window.removeEventListener("keydown", window.__sneKeys);
  window.__sneBridge = (event) => {
    const msg = event.data;
    if (msg && msg.type === "sne-select" && typeof msg.id === "string") setTriggerValue("selected", msg.id);
    if (msg && msg.type === "sne-key") step(msg.key);
  };
  window.__sneKeys = (event) => {
    const tag = (event.target && event.target.tagName) || "";
    if (tag !== "INPUT" && tag !== "TEXTAREA") step(event.key);
  };
  window.addEventListener("message", window.__sneBridge);
  window.addEventListener("keydown", window.__sneKeys);
}
"""
_bridge = st.components.v2.component("sne_map_bridge", js=_BRIDGE_JS)


def bridge(on_selected=lambda: None, on_step=lambda: None) -> None:
    _bridge(key=keys.MAP_BRIDGE, on_selected_change=on_selected, on_step_change=on_step, height=0)


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


def show(page: str, height: int) -> None:
    st.iframe(page, height=height)
