"""A team server gives its memory back once nobody uses it (issue 22)."""

from __future__ import annotations

import threading
import time

import streamlit as st

from ui import memory


def test_release_clears_what_the_caches_hold_so_the_next_visit_works_it_out_again():
    calls = []

    @st.cache_resource
    def big(n: int) -> list[int]:
        calls.append(n)
        return list(range(n))

    big(1000)
    big(1000)
    assert calls == [1000]  # cached
    memory.release()
    big(1000)
    assert calls == [1000, 1000]  # worked out again after the release


def test_the_watch_releases_once_the_server_is_idle_and_holds_more_than_it_did(monkeypatch):
    released = threading.Event()
    monkeypatch.setattr(memory, "_POLL_SECONDS", 0.05)
    monkeypatch.setattr(memory, "IDLE_SECONDS", 0.2)
    monkeypatch.setattr(memory, "release", released.set)
    monkeypatch.setattr(memory, "_reap_closed_sessions", lambda: None)
    monkeypatch.setattr(memory, "_started", threading.Event())
    monkeypatch.setattr(memory, "_state", {"last": time.monotonic(), "baseline": 0.0})
    monkeypatch.setattr(memory, "rss_mb", lambda: 500.0)
    memory.touch()  # the first run: baseline 500 MB, nothing more held, so nothing to give back
    assert not released.wait(0.6)
    monkeypatch.setattr(memory, "rss_mb", lambda: 500.0 + memory.SLACK_MB + 1)
    memory.touch()  # busy again, then idle with more held than after the first page
    assert released.wait(5.0)
