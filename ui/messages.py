"""One way to show a message, and text from data or a URL always shown as text.

Streamlit renders markdown in ``st.info``, ``st.error``, captions and labels: a value from
a link, a file or the data could bring an image (a request to an outside host) or a
link into the app's own message box. Every such value goes through ``text()`` first.
"""

from __future__ import annotations

import re

import streamlit as st

from . import keys

# Inline markdown and HTML; '-' and '+' only matter at the start of a line, and a value is
# always inside a sentence.
_MARKDOWN = set("\\`*_{}[]()#!|<>~$:.")
# GFM turns bare "http://…", "www.…" and "a@b.org" into links after escapes are resolved (so
# "http\\://" is linked all the same: issue 12). An invisible word joiner breaks each pattern.
_AUTOLINK = re.compile(r"(?<=:)(?=/)|(?i:(?<=www))(?=\.)|(?<=@)")
_JOIN = "\u2060"
_KINDS = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}


def text(value: object) -> str:
    """``value`` with every markdown character escaped, so it shows as the characters it is.

    Examples
    --------
    >>> print(text("![x](http://evil/x.png) *b* Hukatan-KSBSI").replace(_JOIN, "^"))
    \\!\\[x\\]\\(http\\:^//evil/x\\.png\\) \\*b\\* Hukatan-KSBSI
    >>> print(text("www.evil.example or eve@evil.example").replace(_JOIN, "^"))
    www^\\.evil\\.example or eve@^evil\\.example
    """
    joined = _AUTOLINK.sub(_JOIN, str(value))
    return "".join("\\" + c if c in _MARKDOWN else c for c in joined)


def show(kind: str, message: str) -> None:
    """Show ``message`` (already made safe with ``text()`` where it carries values) as ``kind``."""
    _KINDS[kind](message)


def flash(panel: str, kind: str, message: str) -> None:
    """Keep a message for ``panel`` to show after the rerun that follows a button."""
    st.session_state.setdefault(keys.FLASH, {})[panel] = (kind, message)


def show_flash(panel: str) -> None:
    """Show (once) the message kept for ``panel``, if any."""
    found = st.session_state.get(keys.FLASH, {}).pop(panel, None)
    if found:
        show(*found)
