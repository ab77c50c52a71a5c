"""A team server gives its memory back once people have stopped using it.

Streamlit's caches are bounded by count, not by the sessions that filled them, and a closed
tab's session is let go of only when another session touches the session store. So after a
big upload, or a morning of views, nothing would shrink the server while nobody uses it. A
small thread notes when a script last ran (``touch``); once nothing has run for ``IDLE_SECONDS``
and the process holds ``SLACK_MB`` more than it did after its first page, it clears the
caches and hands the freed memory back to the system. The next visitor's first view is then
worked out again (positions and metrics of big maps stay on disk).
"""

from __future__ import annotations

import ctypes
import gc
import threading
import time
from pathlib import Path

import streamlit as st

__all__ = ["touch", "rss_mb", "release", "IDLE_SECONDS", "SLACK_MB"]

IDLE_SECONDS = 40.0
SLACK_MB = 60.0
_POLL_SECONDS = 10.0
_state = {"last": time.monotonic(), "baseline": 0.0}
_lock = threading.Lock()
_started = threading.Event()


def rss_mb() -> float:
    """This process's resident memory in MB (0 where /proc is not there)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def release() -> None:
    """Clear every cache and give the freed memory back to the system."""
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc keeps freed memory for the process otherwise
    except (OSError, AttributeError):  # not glibc: the process reuses the memory instead
        pass


def touch() -> None:
    """A script runs: note the time, and start the watch on the first run."""
    with _lock:
        _state["last"] = time.monotonic()
        if not _state["baseline"]:
            _state["baseline"] = rss_mb()
    if not _started.is_set():
        _started.set()
        threading.Thread(target=_watch, name="sne-memory", daemon=True).start()


def _reap_closed_sessions() -> None:
    """Ask Streamlit to let go of sessions whose tabs closed more than its session TTL ago.

    Its store of closed sessions drops expired ones only when written to or asked its length;
    with no new visitor nothing does, and each closed session keeps its state and uploads. The
    store is not thread-safe, so the question is put on Streamlit's own event loop. These are
    Streamlit's internals: if they change, this does nothing and memory comes back at the next
    visit instead.
    """
    try:
        from streamlit.runtime import get_instance

        runtime = get_instance()
        storage = runtime._session_mgr._session_storage  # type: ignore[attr-defined]
        loop = runtime._get_async_objs().eventloop
        loop.call_soon_threadsafe(lambda: len(storage._cache))
    except Exception:  # noqa: BLE001 - best effort, see above
        pass


def _watch() -> None:
    while True:
        time.sleep(_POLL_SECONDS)
        with _lock:
            idle = time.monotonic() - _state["last"]
            baseline = _state["baseline"]
        if idle >= IDLE_SECONDS and rss_mb() > baseline + SLACK_MB:
            _reap_closed_sessions()
            time.sleep(1.0)  # the loop reaps; then what the sessions held is free to collect
            release()
